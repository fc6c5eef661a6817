// The replenishment target: how many days of sales the stock at Ozon should cover (Inventory settings).
import type { KeyValueStore } from '../adapters/properties';

export const TARGET_COVER_KEY = 'ODESK_TARGET_COVER_DAYS';
export const DEFAULT_TARGET_COVER_DAYS = 28;

export function targetCoverDays(doc: KeyValueStore): number {
  const value = Number(doc.get(TARGET_COVER_KEY));
  return Number.isInteger(value) && value >= 1 && value <= 365 ? value : DEFAULT_TARGET_COVER_DAYS;
}
