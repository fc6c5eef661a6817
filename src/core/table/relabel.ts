// After a language change, rows the add-on wrote earlier still read in the old language. A coded column
// keeps Ozon's code in a hidden column beside its words, so the words are rewritten from the code; a
// column without one is rewritten when it reads as one of a phrase book's phrases. The seller's own
// text (anything else) is left alone.
import type { PhraseBook } from '../i18n/relabel';
import type { Lang } from '../i18n/messages';
import type { RowValues } from './spec';

export type Relabel =
  | { column: string; code: string; words: (lang: Lang, code: string) => string | null }
  | { column: string; book: PhraseBook };

/**
 * Rows (key and the columns to rewrite) whose words are not those of `lang`. Rows whose key is in
 * `skip` (written afresh by the caller) are left out.
 */
export function relabelRows(
  values: readonly (readonly unknown[])[],
  positions: ReadonlyMap<string, number>,
  key: string,
  relabels: readonly Relabel[],
  lang: Lang,
  skip: ReadonlySet<string> = new Set(),
): RowValues[] {
  const keyCol = positions.get(key);
  if (keyCol === undefined) return [];
  const rows: RowValues[] = [];
  for (const row of values.slice(1)) {
    const id = row[keyCol];
    if (id === undefined || id === null || id === '' || skip.has(String(id))) continue;
    const changed: RowValues = {};
    for (const r of relabels) {
      const col = positions.get(r.column);
      if (col === undefined) continue;
      let want: string | null;
      if ('book' in r) want = r.book.in(lang, row[col]);
      else {
        const codeCol = positions.get(r.code);
        const code = codeCol === undefined ? undefined : row[codeCol];
        want = typeof code === 'string' && code ? r.words(lang, code) : null;
      }
      if (want !== null && row[col] !== want) changed[r.column] = want;
    }
    if (Object.keys(changed).length) rows.push({ [key]: String(id), ...changed });
  }
  return rows;
}
