// The load's position: each table's bucket digests (core/bigquery/digest.ts), saved in a hidden
// "BigQuery state" tab (Properties hold 500 KB a store; the digests of four tables take ~1 MB).
// The tab also names the dataset they describe: another dataset starts from nothing.
import { BUCKETS, CHUNK_DIGESTS, decodeDigests, encodeDigests } from '../core/bigquery/digest';
import type { BqTable } from '../core/bigquery/tables';
import type { SheetsRequest } from '../core/table/requests';
import { planRequests } from '../core/table/requests';
import { applyPlan, applySetup, prepareTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues, TableSpec } from '../core/table/spec';
import { planUpsert } from '../core/table/upsert';
import { writeRequests } from '../adapters/workbook';
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

export class LoadState {
  private readonly parts = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private prepared: ReturnType<typeof prepareTab> | null = null;

  constructor(snapshot: TabSnapshot, target: BigQueryTarget) {
    this.prepared = prepareTab(snapshot, (_positions, sheetId) => [
      { updateSheetProperties: { properties: { sheetId, hidden: true }, fields: 'hidden' } },
    ]);
    const { positions } = this.prepared;
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

  /** Writes the parts changed since the last flush (and creates the hidden tab the first time). */
  flush(): void {
    if (!this.dirty.size || !this.prepared) return;
    const prepared = this.prepared;
    const requests: SheetsRequest[] = [...prepared.setup];
    if (prepared.setup.length) applySetup(prepared);
    const rows: RowValues[] = [...this.dirty].map((part) => ({ part, digests: this.parts.get(part) ?? '' }));
    const snap = prepared.snapshot;
    const sheet = { firstRow: 1, rows: snap.values.slice(1) };
    const plan = planUpsert(stateSpec, prepared.positions, sheet, rows);
    for (const r of planRequests(stateSpec, snap.sheetId, snap.rowCount, prepared.positions, plan))
      requests.push(r);
    writeRequests(requests);
    applyPlan(snap, plan, Math.max(snap.rowCount, plan.rowsNeeded));
    this.prepared = { ...prepared, setup: [] };
    this.dirty.clear();
  }
}
