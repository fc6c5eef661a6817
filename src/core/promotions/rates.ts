// Fee rates per offer as seen in the seller's own sales: the Order lines the finance run has filled
// (accrued revenue and every fee group per line) become the "what Ozon charged" that profit at an
// action price is computed from (observedRates). Lines without accruals, or returned, are left out.
import { CHARGE_GROUPS, type GroupTotals } from '../finance/fees';
import { parseMinor } from '../finance/minor';
import { observedRates, type FeeRates, type LineProfit } from '../finance/profit';
import { feeColumn } from '../finance/tables';

const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

export function soldRates(
  rows: readonly (readonly unknown[])[],
  col: ReadonlyMap<string, number>,
): Map<string, FeeRates> {
  const at = (row: readonly unknown[], key: string) => {
    const i = col.get(key);
    return i === undefined ? undefined : row[i];
  };
  const sold: LineProfit[] = [];
  for (const row of rows) {
    const offerId = cellText(at(row, 'offer_id'));
    const revenue = parseMinor(at(row, feeColumn('sale')));
    const quantity = Number(at(row, 'quantity')) || 0;
    if (!offerId || revenue === null || revenue <= 0 || quantity <= 0) continue;
    const groups: GroupTotals = { sale: revenue };
    for (const g of CHARGE_GROUPS) {
      const v = parseMinor(at(row, feeColumn(g)));
      if (v) groups[g] = v;
    }
    sold.push({
      line: { offerId, currency: cellText(at(row, 'currency')) || 'RUB' },
      groups,
      revenue,
      netUnits: quantity,
    } as LineProfit);
  }
  return observedRates(sold);
}
