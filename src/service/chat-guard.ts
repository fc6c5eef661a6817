// A guard against sending a chat reply twice. Before a reply goes out, a pending-send record keyed by
// the chat and a hash of the text is saved in the spreadsheet's store; a clear answer removes it. After
// an unclear answer (or when a record is still there from one), the chat's history re-read from Ozon
// says whether the reply is already in the chat, and only a reply that is not is ever sent.
import type { KeyValueStore } from '../adapters/properties';
import { readJson } from '../adapters/properties';

export const PENDING_KEY = 'ODESK_CHAT_PENDING';
/** Records older than this are forgotten (a reply that never showed up within a day did not land). */
const KEEP_MS = 24 * 3_600_000;
const MAX_RECORDS = 50;
/** Ozon's and the script's clocks differ a little: a message this much older than the record counts. */
const CLOCK_SLACK_MS = 5 * 60_000;

type Pending = Record<string, number>;

/** Whitespace-insensitive: the text as the seller wrote it and as Ozon shows it back. */
export function sameText(a: string, b: string): boolean {
  return norm(a) === norm(b);
}

function norm(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** FNV-1a over the normalised text: a short, stable key (never the text itself in a property). */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  const s = norm(text);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0') + s.length.toString(36);
}

const keyOf = (chatId: string, text: string) => `${chatId}:${textHash(text)}`;

function load(store: KeyValueStore, now: number): Pending {
  const all = readJson<Pending>(store, PENDING_KEY) ?? {};
  const fresh: Pending = {};
  for (const [key, at] of Object.entries(all))
    if (typeof at === 'number' && now - at < KEEP_MS) fresh[key] = at;
  return fresh;
}

function save(store: KeyValueStore, pending: Pending): void {
  const entries = Object.entries(pending)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_RECORDS);
  if (entries.length) store.set(PENDING_KEY, JSON.stringify(Object.fromEntries(entries)));
  else store.delete(PENDING_KEY);
}

export interface SentMessage {
  text: string;
  mine: boolean;
  /** Epoch ms (NaN when Ozon gave no time). */
  at: number;
}

export function chatGuard(store: KeyValueStore, now: () => number) {
  return {
    /** When an earlier try of this very reply may have landed: the time it was attempted. */
    pendingSince(chatId: string, text: string): number | undefined {
      return load(store, now())[keyOf(chatId, text)];
    },
    /** Saved before the reply is sent. */
    begin(chatId: string, text: string): number {
      const pending = load(store, now());
      const key = keyOf(chatId, text);
      const at = pending[key] ?? now();
      pending[key] = at;
      save(store, pending);
      return at;
    },
    /** The reply landed, or Ozon refused it clearly: nothing is pending any more. */
    settle(chatId: string, text: string): void {
      const pending = load(store, now());
      delete pending[keyOf(chatId, text)];
      save(store, pending);
    },
  };
}

/** Whether the seller's reply is in the history read back from Ozon (sent at or after `since`). */
export function landedIn(history: readonly SentMessage[], text: string, since: number): boolean {
  return history.some(
    (m) => m.mine && sameText(m.text, text) && (!Number.isFinite(m.at) || m.at >= since - CLOCK_SLACK_MS),
  );
}
