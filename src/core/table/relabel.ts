// After a language change, rows the add-on wrote earlier still read in the old language. A coded column
// keeps Ozon's code in a hidden column beside its words, so the words are rewritten from the code; a
// column without one is rewritten when it reads as one of a phrase book's phrases. The seller's own
// text (anything else) is left alone.
import type { PhraseBook } from '../i18n/relabel';
import type { Lang } from '../i18n/messages';
import { fitCell, type RowValues, type TableSpec } from './spec';
import { sameCell } from './upsert';

export type Relabel =
  | { column: string; code: string; words: (lang: Lang, code: string) => string | null }
  | { column: string; book: PhraseBook };

/** The columns of one row whose words are not those of `lang`, with the words they should read. */
function relabelRow(
  row: readonly unknown[],
  positions: ReadonlyMap<string, number>,
  relabels: readonly Relabel[],
  lang: Lang,
): RowValues {
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
  return changed;
}

function keyOf(row: readonly unknown[], keyCol: number): string {
  const id = row[keyCol];
  return id === undefined || id === null || id === '' ? '' : String(id);
}

/**
 * Rows (key and the columns to rewrite) whose words are not those of `lang`. A row the caller writes
 * afresh (`fresh`, by key) is rewritten only in the columns its fresh row does not carry (a chat
 * Ozon lists again without its last message keeps the sender the sheet holds, in the old words).
 */
export function relabelRows(
  values: readonly (readonly unknown[])[],
  positions: ReadonlyMap<string, number>,
  key: string,
  relabels: readonly Relabel[],
  lang: Lang,
  fresh: ReadonlyMap<string, RowValues> = new Map(),
): RowValues[] {
  const keyCol = positions.get(key);
  if (keyCol === undefined) return [];
  const rows: RowValues[] = [];
  for (const row of values.slice(1)) {
    const id = keyOf(row, keyCol);
    if (!id) continue;
    const changed = relabelRow(row, positions, relabels, lang);
    const written = fresh.get(id);
    if (written) for (const column of Object.keys(written)) delete changed[column];
    if (Object.keys(changed).length) rows.push({ [key]: id, ...changed });
  }
  return rows;
}

/**
 * Keys of incoming rows that differ from the tab's row of the same key only by words a language
 * change rewrites: Ozon sent the record again unchanged, so it is relabelled, not updated.
 */
export function relabelOnly(
  spec: TableSpec,
  values: readonly (readonly unknown[])[],
  positions: ReadonlyMap<string, number>,
  relabels: readonly Relabel[],
  lang: Lang,
  incoming: ReadonlyMap<string, RowValues>,
): Set<string> {
  const out = new Set<string>();
  const keyCol = positions.get(spec.key);
  if (keyCol === undefined) return out;
  const sync = spec.columns.filter((c) => c.role === 'sync' && positions.has(c.key));
  for (const row of values.slice(1)) {
    const id = keyOf(row, keyCol);
    const fresh = id ? incoming.get(id) : undefined;
    if (!fresh || out.has(id)) continue;
    const words = relabelRow(row, positions, relabels, lang);
    if (!Object.keys(words).length) continue;
    const same = sync.every((column) => {
      if (!(column.key in fresh)) return true;
      const existing = column.key in words ? words[column.key] : row[positions.get(column.key) as number];
      return sameCell(existing, fitCell(fresh[column.key] ?? null), column);
    });
    if (same) out.add(id);
  }
  return out;
}
