// The MERGE that moves a staging table into its target: rows matched by key are updated only when
// their content differs and the staged copy was read later than the stored one (a slower run that
// read the sheet earlier never overwrites a newer load); new keys are inserted.
import { READ_AT, ROW_HASH, type BqTable } from './tables';

export interface TableRef {
  projectId: string;
  datasetId: string;
  tableId: string;
}

const quote = (t: TableRef) => `\`${t.projectId}.${t.datasetId}.${t.tableId}\``;

export function mergeSql(table: BqTable, target: TableRef, staging: TableRef): string {
  const columns = [...table.columns.map((c) => c.name), ROW_HASH, READ_AT];
  const on = table.keys.map((k) => `T.${k} = S.${k}`).join(' AND ');
  const set = columns.filter((c) => !table.keys.includes(c)).map((c) => `${c} = S.${c}`);
  return [
    `MERGE ${quote(target)} T`,
    `USING ${quote(staging)} S`,
    `ON ${on}`,
    `WHEN MATCHED AND T.${ROW_HASH} != S.${ROW_HASH} AND S.${READ_AT} > T.${READ_AT} THEN`,
    `  UPDATE SET ${set.join(', ')}`,
    'WHEN NOT MATCHED THEN',
    `  INSERT (${columns.join(', ')}) VALUES (${columns.map((c) => `S.${c}`).join(', ')})`,
  ].join('\n');
}

export const stagingId = (table: BqTable) => `${table.id}_staging`;

const literal = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The keys and row hashes the table holds for these postings (the read-back a move waits for). */
export function heldSql(
  table: BqTable,
  target: TableRef,
  postings: readonly string[],
  also: readonly string[] = [],
): string {
  const columns = [...table.keys, ROW_HASH, ...also].map((c) => `T.${c}`).join(', ');
  return `SELECT ${columns} FROM ${quote(target)} AS T WHERE T.posting_number IN (${postings.map(literal).join(', ')})`;
}
