// Months missing from the archive come back from Ozon where Ozon still has them: the orders sync reads
// again from the first such month (at most the year Ozon's lists reach back), and postings it finds
// in no archive land in Orders, from where the next move takes them to the archive again.
import type { KeyValueStore } from '../adapters/properties';

export const REFILL_KEY = 'ODESK_ARCHIVE_REFILL';

/** Asks the next sync to read again from the first day of the earliest of `months` ('YYYY-MM'). */
export function requestRefill(store: KeyValueStore, months: readonly string[]): void {
  if (!months.length) return;
  const first = [...months].sort()[0];
  const was = store.get(REFILL_KEY);
  if (!was || first < was) store.set(REFILL_KEY, first);
}

/** Days back the sync is to read for a refill asked for (null: none asked). */
export function refillDays(store: KeyValueStore, now: number, maxDays: number): number | null {
  const month = store.get(REFILL_KEY);
  if (!month || !/^\d{4}-\d{2}$/.test(month)) return null;
  const from = Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1) - 86_400_000;
  return Math.max(1, Math.min(maxDays, Math.ceil((now - from) / 86_400_000)));
}

export function refillDone(store: KeyValueStore): void {
  store.delete(REFILL_KEY);
}
