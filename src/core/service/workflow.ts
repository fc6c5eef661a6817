// The seller's workflow columns on the Returns tab: the choices, their text in the seller's language,
// and reading them back whatever language they were written in.
import { LANGS, t, type Lang, type MessageKey } from '../i18n/messages';

export const VERDICTS = ['accepted', 'disputed'] as const;
export const QUALITIES = ['resellable', 'defective', 'missing'] as const;
export const OUTCOMES = ['refund', 'replacement', 'restocked', 'written_off'] as const;

export type Verdict = (typeof VERDICTS)[number];
export type Quality = (typeof QUALITIES)[number];
export type Outcome = (typeof OUTCOMES)[number];

type Group = 'verdict' | 'quality' | 'outcome';

export function choiceText(lang: Lang, group: Group, code: string): string {
  return t(lang, `service.${group}.${code}` as MessageKey);
}

/** A cell's text back to its code (any language, any case); null when it is none of the choices. */
export function parseChoice<C extends string>(group: Group, codes: readonly C[], cell: unknown): C | null {
  const text = String(cell ?? '')
    .trim()
    .toLowerCase();
  if (!text) return null;
  for (const code of codes) {
    if (code === text) return code;
    for (const lang of LANGS) if (choiceText(lang, group, code).toLowerCase() === text) return code;
  }
  return null;
}

const DAY_MS = 86_400_000;
const EPOCH_SERIAL = 25_569;

/** A calendar date (YYYY-MM-DD) as a spreadsheet date serial (midnight, no time zone involved). */
export function dateToSerial(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS + EPOCH_SERIAL;
}

/** A date serial back to YYYY-MM-DD (the time of day is dropped). */
export function serialToDate(serial: number): string {
  return new Date(Math.round((Math.floor(serial) - EPOCH_SERIAL) * DAY_MS)).toISOString().slice(0, 10);
}
