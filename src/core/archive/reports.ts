// Reports over archived months: archive month tabs are read with the report's own specs (columns
// found by metadata, then header text) and their rows laid out as the live tab's, so every report
// reads one table. A posting in both places (a move under way) counts once: the live row wins.
import type { SourceTable } from '../reports/source';

export function withArchived(
  live: SourceTable | null,
  archived: readonly (SourceTable | null)[],
  key: string,
): SourceTable | null {
  const parts = archived.filter((t): t is SourceTable => t !== null);
  if (!parts.length) return live;
  const base = live ?? parts[0];
  const rows: (readonly unknown[])[] = [];
  const seen = new Set<string>();
  const keyOf = (table: SourceTable, row: readonly unknown[]) => {
    const index = table.col.get(key);
    const value = index === undefined ? undefined : row[index];
    return value === undefined || value === null || value === '' ? '' : String(value);
  };
  if (live)
    for (const row of live.rows) {
      rows.push(row);
      const k = keyOf(live, row);
      if (k) seen.add(k);
    }
  const width = Math.max(0, ...[...base.col.values()].map((i) => i + 1));
  for (const table of parts) {
    for (const row of table.rows) {
      const k = keyOf(table, row);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      const laid: unknown[] = new Array<unknown>(width).fill('');
      for (const [column, at] of base.col) {
        const from = table.col.get(column);
        if (from !== undefined) laid[at] = row[from];
      }
      rows.push(laid);
    }
  }
  return { rows, col: base.col };
}
