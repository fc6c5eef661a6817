// How the add-on shows an amount, in the grid and in the sidebar alike. Sheets draws a number
// format's "," and "." with the separators of the spreadsheet's locale (File → Settings), whatever the
// add-on's language: "the actual rendering of the format depends on the spreadsheet's locale" (Sheets
// API, Date and number formats). So one rule holds in both places, in every language: two decimals,
// thousands grouped, the separators of the spreadsheet's locale, and the currency code after the
// amount (in the grid, the Currency column beside it). The language chooses the words, not the digits.

/** The Sheets number format of every money column the add-on writes. */
export const MONEY_PATTERN = '#,##0.00';

/** A spreadsheet locale (`ru_RU`, `en_US`, `zh_CN`) as a BCP 47 tag; en-US when unknown. */
export function localeTag(spreadsheetLocale: string | null | undefined): string {
  const tag = String(spreadsheetLocale ?? '')
    .trim()
    .replace(/_/g, '-');
  if (!tag) return 'en-US';
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag])[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** The amount as MONEY_PATTERN shows it in a spreadsheet of this locale. */
export function amountText(amount: number, spreadsheetLocale: string | null | undefined): string {
  return new Intl.NumberFormat(localeTag(spreadsheetLocale), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: true,
  }).format(amount);
}

/** "3 582,00 RUB" in a Russian spreadsheet, "3,582.00 RUB" in an American or Chinese one. */
export function moneyText(
  amount: number,
  currency: string,
  spreadsheetLocale: string | null | undefined,
): string {
  const text = amountText(amount, spreadsheetLocale);
  return currency ? `${text} ${currency}` : text;
}
