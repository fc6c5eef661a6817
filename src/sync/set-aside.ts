// Postings set aside by the orders sync: Ozon sent them in a shape the add-on cannot read (a field
// that fails validation, an odd value the mapping refuses). One such posting never stops a sync: the
// rest lands, the Sync log names it, and the next run reads it again by its number until it lands.
import { readJson, type KeyValueStore } from '../adapters/properties';
import { t, type Lang } from '../core/i18n/messages';

export interface SetAside {
  posting: string;
  scheme: 'fbs' | 'fbo' | 'fbp';
  /** Where and why, e.g. "products[0].price: expected money". */
  detail: string;
}

export const SET_ASIDE_KEY = 'ODESK_SYNC_SET_ASIDE';
/** Kept and retried at most this many (a property holds 9 kB); more is Ozon changing its API. */
const MAX_KEPT = 100;
const LISTED = 10;
const DETAIL_MAX = 120;
const DETAIL_KEPT = 40;

export function loadSetAside(store: KeyValueStore): SetAside[] {
  const list = readJson<SetAside[]>(store, SET_ASIDE_KEY);
  return Array.isArray(list) ? list.filter((s) => s && typeof s.posting === 'string' && s.posting) : [];
}

export function saveSetAside(store: KeyValueStore, list: readonly SetAside[]): void {
  const kept = list
    .filter((s) => s.posting)
    .slice(0, MAX_KEPT)
    .map((s) => ({ ...s, detail: s.detail.slice(0, DETAIL_KEPT) }));
  if (kept.length) store.set(SET_ASIDE_KEY, JSON.stringify(kept));
  else if (store.get(SET_ASIDE_KEY) !== null) store.delete(SET_ASIDE_KEY);
}

/** The Sync log's words for what was set aside, each posting by its number. */
export function setAsideText(lang: Lang, list: readonly SetAside[]): string {
  if (!list.length) return '';
  const named = list
    .slice(0, LISTED)
    .map((s) => `${s.posting || '?'} (${s.detail.slice(0, DETAIL_MAX)})`)
    .join('; ');
  const more = list.length > LISTED ? ` …+${list.length - LISTED}` : '';
  return t(lang, 'sync.setAside', { count: list.length, postings: named + more });
}
