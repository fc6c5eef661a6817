// The tabs reports are built from, as read once per build: data rows plus where each column is.
// Columns are found the way the sync finds them (developer metadata, then header text), so a
// seller who moved or renamed columns still gets correct reports.
import { financeSpec, PROFIT_COLUMNS } from '../finance/tables';
import { linesSpec, ordersSpec } from '../orders/tables';
import { locateColumns } from '../table/locate';
import type { TableSpec } from '../table/spec';

export const INVENTORY_TAB = 'Inventory';

/** Order lines as reports read them: the sync's columns plus a discount column when the tab has one. */
export const linesReadSpec: TableSpec = {
  ...linesSpec,
  columns: [
    ...linesSpec.columns,
    { key: 'discount', header: 'Discount', kind: 'money', role: 'sync' },
    // Written by the finance run (absent until it has run).
    ...PROFIT_COLUMNS,
  ],
};

/** The Inventory tab's columns that reports use (the tab is optional). */
export const inventoryReadSpec: TableSpec = {
  tab: INVENTORY_TAB,
  key: 'offer_id',
  columns: [
    { key: 'offer_id', header: 'Offer ID', kind: 'id', role: 'sync' },
    { key: 'on_hand', header: 'On hand', kind: 'int', role: 'sync' },
    { key: 'available', header: 'Available', kind: 'int', role: 'sync' },
    { key: 'days_of_cover', header: 'Days of cover', kind: 'number', role: 'sync' },
    { key: 'status_code', header: 'Status code', kind: 'text', role: 'sync' },
  ],
};

export const SOURCE_SPECS: readonly TableSpec[] = [ordersSpec, linesReadSpec, inventoryReadSpec, financeSpec];

export interface SourceTable {
  /** Data rows (header excluded), as read; rows may be short. */
  rows: readonly (readonly unknown[])[];
  /** Column key → 0-based index; absent keys are columns the tab does not have. */
  col: ReadonlyMap<string, number>;
}

export interface ReadTab {
  exists: boolean;
  values: readonly (readonly unknown[])[];
  metadata: ReadonlyMap<number, string>;
}

export function sourceTable(spec: TableSpec, tab: ReadTab | undefined): SourceTable | null {
  if (!tab || !tab.exists) return null;
  const header = tab.values[0] ?? [];
  const { positions } = locateColumns(spec, header, tab.metadata);
  return { rows: tab.values.slice(1), col: positions };
}

export function text(row: readonly unknown[], index: number | undefined): string {
  if (index === undefined) return '';
  const value = row[index];
  return value === null || value === undefined ? '' : String(value).trim();
}

export function num(row: readonly unknown[], index: number | undefined): number | null {
  if (index === undefined) return null;
  const value = row[index];
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.replace(/\s/g, '').replace(',', '.'));
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** A money cell as whole kopecks (or cents, tiyn…), so sums are exact. */
export function kopecks(row: readonly unknown[], index: number | undefined): number | null {
  const value = num(row, index);
  return value === null ? null : Math.round(value * 100);
}
