// A fee group as the seller reads it: the Finance tab shows the group in words (the P&L's line names)
// and keeps its code in the hidden "Fee group code" column, which every reader reads. A tab written
// before the code column existed held the code in the visible cell; words in any language are read
// back too, so a row whose code cell was cleared still counts under its group.
import { phraseBook } from '../i18n/relabel';
import { t, type Lang, type MessageKey } from '../i18n/messages';
import { FEE_GROUPS, type FeeGroup } from './fees';

export const feeGroupText = (lang: Lang, group: FeeGroup): string => t(lang, `pnl.${group}` as MessageKey);

const words = phraseBook((lang) => FEE_GROUPS.map((g) => feeGroupText(lang, g)));
const codeOf = new Map(FEE_GROUPS.map((g) => [feeGroupText('en', g), g]));

const isGroup = (text: string): text is FeeGroup => (FEE_GROUPS as readonly string[]).includes(text);
const cellText = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());

/** The group of a Finance row from its code cell, else its visible cell (a code or words); null if neither. */
export function feeGroupOf(code: unknown, shown: unknown): FeeGroup | null {
  const fromCode = cellText(code);
  if (isGroup(fromCode)) return fromCode;
  const text = cellText(shown);
  if (isGroup(text)) return text;
  const english = words.in('en', text);
  return english === null ? null : (codeOf.get(english) ?? null);
}
