// The live window: which postings stay in Orders and Order lines and which are old and finished
// enough to move to the archive. Pure: the month of a posting is the month of its order date in the
// spreadsheet's time zone (a stable key: an order date never changes), so every posting has exactly
// one archive month where it lives once moved.
import { OPEN_STATUSES } from '../orders/posting';

const DAY_MS = 86_400_000;

/** Statuses after which Ozon changes a posting only rarely (a late return): they may leave the live tabs. */
export const FINISHED_STATUSES: ReadonlySet<string> = new Set([
  'delivered',
  'cancelled',
  'not_accepted',
  'cancelled_from_split_pending',
]);

export function isFinished(statusCode: unknown): boolean {
  return (
    typeof statusCode === 'string' && FINISHED_STATUSES.has(statusCode) && !OPEN_STATUSES.has(statusCode)
  );
}

/** The serial (days since 1899-12-30, spreadsheet zone) before which finished postings are archived. */
export function cutoffSerial(nowSerial: number, liveDays: number): number {
  return Math.floor(nowSerial) - liveDays;
}

/** 'YYYY-MM' of a spreadsheet serial date (the serial already is in the spreadsheet's zone). */
export function monthOfSerial(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * DAY_MS));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `month` ('YYYY-MM'), oldest first. */
export function monthsBack(month: string, count: number): string[] {
  const year = Number(month.slice(0, 4));
  const index = year * 12 + Number(month.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index - count + 1; i <= index; i++)
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

export function yearOfMonth(month: string): number {
  return Number(month.slice(0, 4));
}

/** A posting leaves the live tabs when it is finished and its order date is before the cutoff. */
export function isArchivable(statusCode: unknown, orderedAt: unknown, cutoff: number): boolean {
  return isFinished(statusCode) && typeof orderedAt === 'number' && orderedAt < cutoff;
}

/**
 * The live tabs' cell budget: a shop so busy that the day window alone would hold more keeps fewer
 * days (the oldest finished postings move first), so Orders and Order lines stay fast and far from
 * Google's 10 M cells per spreadsheet whatever else the workbook holds.
 */
export const LIVE_CELL_BUDGET = 2_500_000;

/**
 * The cutoff that keeps `cells` (the live tabs' grid) within the budget: `cutoff` when it already
 * does, else a later one, the order date before which enough finished postings lie. `finished`:
 * the order dates of the finished postings, `perPosting`: the cells one posting takes (its order row
 * and its lines).
 */
export function budgetCutoff(
  cutoff: number,
  cells: number,
  finished: readonly number[],
  perPosting: number,
  budget = LIVE_CELL_BUDGET,
): number {
  if (cells <= budget || perPosting <= 0) return cutoff;
  const sorted = [...finished].sort((a, b) => a - b);
  const already = sorted.filter((d) => d < cutoff).length;
  const needed = Math.ceil((cells - budget) / perPosting);
  if (needed <= already) return cutoff;
  const index = Math.min(sorted.length, needed) - 1;
  if (index < 0) return cutoff;
  // Whole days: everything ordered on the last day taken goes too.
  return Math.max(cutoff, Math.floor(sorted[index]) + 1);
}
