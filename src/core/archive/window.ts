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

export function yearOfMonth(month: string): number {
  return Number(month.slice(0, 4));
}

/** A posting leaves the live tabs when it is finished and its order date is before the cutoff. */
export function isArchivable(statusCode: unknown, orderedAt: unknown, cutoff: number): boolean {
  return isFinished(statusCode) && typeof orderedAt === 'number' && orderedAt < cutoff;
}
