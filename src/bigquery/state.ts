// The load's position: each table's bucket digests (core/bigquery/digest.ts), saved in a hidden
// "BigQuery state" tab (Properties hold 500 KB a store; the digests of four tables take ~1 MB).
// The tab also names the dataset they describe: another dataset starts from nothing.
import { BUCKETS, CHUNK_DIGESTS, decodeDigests, encodeDigests } from '../core/bigquery/digest';
import type { BqTable } from '../core/bigquery/tables';
import { landTables, type TableIO } from '../core/table/land';
import type { SheetsRequest } from '../core/table/requests';
import { prepareTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues, TableSpec } from '../core/table/spec';
import { readTabs, writeRequests } from '../adapters/workbook';
import type { BigQueryTarget } from './settings';

export const STATE_TAB = 'BigQuery state';

export const stateSpec: TableSpec = {
  tab: STATE_TAB,
  key: 'part',
  columns: [
    { key: 'part', header: 'BigQuery part', kind: 'id', role: 'sync', width: 160 },
    { key: 'digests', header: 'Loaded digests', kind: 'text', role: 'sync', width: 200 },
  ],
};

const TARGET_PART = 'target';
const CHUNKS = Math.ceil(BUCKETS / CHUNK_DIGESTS);

const hidden = (_positions: ReadonlyMap<string, number>, sheetId: number): SheetsRequest[] => [
  { updateSheetProperties: { properties: { sheetId, hidden: true }, fields: 'hidden' } },
];

/** The live workbook's reader and writer. */
const workbook: TableIO = {
  readTabs: (specs) => readTabs(specs),
  write: (requests) => writeRequests(requests),
};

export class LoadState {
  private readonly parts = new Map<string, string>();
  private readonly dirty = new Set<string>();

  constructor(snapshot: TabSnapshot, target: BigQueryTarget) {
    const { positions } = prepareTab(snapshot, hidden);
    const partCol = positions.get('part');
    const digestCol = positions.get('digests');
    if (snapshot.exists && partCol !== undefined && digestCol !== undefined)
      for (const row of snapshot.values.slice(1))
        if (row[partCol] !== undefined && row[partCol] !== '')
          this.parts.set(String(row[partCol]), String(row[digestCol] ?? ''));
    const name = `${target.projectId}:${target.datasetId}`;
    if (this.parts.get(TARGET_PART) !== name) {
      for (const key of [...this.parts.keys()]) this.set(key, '');
      this.set(TARGET_PART, name);
    }
  }

  private set(part: string, value: string): void {
    if (this.parts.get(part) === value) return;
    this.parts.set(part, value);
    this.dirty.add(part);
  }

  digests(table: BqTable): Uint32Array | null {
    return decodeDigests(Array.from({ length: CHUNKS }, (_, i) => this.parts.get(`${table.id}:${i}`)));
  }

  saveDigests(table: BqTable, digests: Uint32Array): void {
    encodeDigests(digests).forEach((chunk, i) => this.set(`${table.id}:${i}`, chunk));
  }

  /** Forgets a table's position: its next load sends every row again. */
  forget(table: BqTable): void {
    for (let i = 0; i < CHUNKS; i++) this.set(`${table.id}:${i}`, '');
  }

  /**
   * Writes the parts changed since the last flush (and creates the hidden tab the first time), each
   * on the row found by its part name in a read right before the write, checked by a read after.
   */
  flush(): void {
    if (!this.dirty.size) return;
    const rows: RowValues[] = [...this.dirty].map((part) => ({ part, digests: this.parts.get(part) ?? '' }));
    landTables(workbook, [{ spec: stateSpec, rows, decorate: hidden }]);
    this.dirty.clear();
  }
}
