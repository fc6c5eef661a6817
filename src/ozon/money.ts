// Ozon sends money as strings ("1390.000000"), as {amount, currency} objects (amount a string or a
// number) and as bare numbers. Everything becomes a number rounded to kopecks, with the currency kept.
export interface Money {
  amount: number;
  currency: string;
}

const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/;

/** Rounds a decimal string half away from zero to two places without going through binary floats. */
function decimalToCents(text: string): number | null {
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const whole = m[2] === '' ? '0' : m[2];
  const frac = (m[3] ?? '').padEnd(3, '0');
  let cents = Number(whole) * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) cents += 1;
  if (!Number.isFinite(cents)) return null;
  return m[1] === '-' ? -cents : cents;
}

function numberToCents(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  if (Number.isInteger(value)) return value * 100;
  const scaled = value * 100;
  const rounded = Math.round(scaled);
  // Clearly not a half-kopeck case: plain rounding is exact. Near .5 the decimal digits decide.
  if (Math.abs(Math.abs(scaled - Math.trunc(scaled)) - 0.5) > 1e-6) return rounded === 0 ? 0 : rounded;
  // toPrecision(15) drops the binary tail (29.990000000000002 → "29.9900000000000") before rounding.
  const text = value.toPrecision(15);
  if (/e/i.test(text)) return Math.round(value * 100);
  return decimalToCents(text);
}

function fromCents(cents: number): number {
  const result = cents / 100;
  return Object.is(result, -0) ? 0 : result;
}

/** A money amount from a number or numeric string; null when absent or not a number (e.g. ""). */
export function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') {
    const cents = numberToCents(value);
    return cents === null ? null : fromCents(cents);
  }
  if (typeof value === 'string') {
    const cents = decimalToCents(value);
    return cents === null ? null : fromCents(cents);
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Any of Ozon's three money shapes → Money. `currency` is used when the value carries none.
 * Also understands the returns API's `{price, currency_code}`. Null when there is no amount.
 */
export function parseMoney(value: unknown, currency = ''): Money | null {
  if (isRecord(value)) {
    const amount = parseAmount(value.amount ?? value.price ?? value.value);
    if (amount === null) return null;
    const own = value.currency ?? value.currency_code;
    return { amount, currency: typeof own === 'string' && own ? own : currency };
  }
  const amount = parseAmount(value);
  return amount === null ? null : { amount, currency };
}

/** Like parseMoney, but an absent amount is zero (for totals where "nothing" means 0). */
export function moneyOrZero(value: unknown, currency = ''): Money {
  return parseMoney(value, currency) ?? { amount: 0, currency };
}

/** Adds amounts of one currency in kopecks, so sums carry no float junk either. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency && b.currency && a.currency !== b.currency) {
    throw new Error(`Cannot add ${a.currency} to ${b.currency}`);
  }
  const cents = Math.round(a.amount * 100) + Math.round(b.amount * 100);
  return { amount: fromCents(cents), currency: a.currency || b.currency };
}
