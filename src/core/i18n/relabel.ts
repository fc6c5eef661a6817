// Words the add-on writes into cells (a status, a log's source and result) and how they follow a
// language change: a phrase book lists the same phrases in every language, so a cell that reads as
// one of them in any language is rewritten in the seller's language; any other text (the seller's)
// is left alone.
import { LANGS, t, type Lang, type MessageKey } from './messages';

export interface PhraseBook {
  /** The phrase `text` stands for, in `lang`; null when `text` is none of the book's phrases. */
  in(lang: Lang, text: unknown): string | null;
}

/** A book of phrases, `build(lang)` listing them in the same order in every language. */
export function phraseBook(build: (lang: Lang) => readonly string[]): PhraseBook {
  const byLang = new Map(LANGS.map((lang) => [lang, build(lang)]));
  const index = new Map<string, number>();
  for (const lang of LANGS)
    byLang.get(lang)!.forEach((phrase, i) => index.set(phrase, index.get(phrase) ?? i));
  return {
    in(lang, text) {
      if (typeof text !== 'string' || !text) return null;
      const i = index.get(text);
      return i === undefined ? null : (byLang.get(lang)![i] ?? null);
    },
  };
}

/** Phrases that are plain messages. */
export function messageBook(keys: readonly MessageKey[]): PhraseBook {
  return phraseBook((lang) => keys.map((key) => t(lang, key)));
}
