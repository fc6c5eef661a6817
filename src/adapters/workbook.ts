// The spreadsheet as the sync sees it, through the advanced Sheets service: every tab it needs is
// read in three calls whatever its size (sheet properties, column metadata, values), and every
// change is written with one batchUpdate per chunk of requests.
import { METADATA_KEY, type TableSpec } from '../core/table/spec';
import type { SheetsRequest } from '../core/table/requests';
import type { TabSnapshot } from '../core/table/snapshot';
import type { OffsetMinutes } from '../core/time/serial';

function api(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets) {
    throw new Error('The advanced Sheets service is not enabled in appsscript.json');
  }
  return Sheets;
}

export function spreadsheetId(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getId();
}

export function quoteTab(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

interface SheetProps {
  sheetId: number;
  title: string;
  gridProperties?: { rowCount?: number; columnCount?: number };
}

export function readTabs(specs: readonly TableSpec[], id = spreadsheetId()): Map<string, TabSnapshot> {
  const info = api().Spreadsheets!.get(id, { fields: 'sheets.properties' });
  const sheets = (info.sheets ?? []).map((s) => s.properties as SheetProps);
  const byTitle = new Map(sheets.map((p) => [p.title, p]));
  const used = new Set(sheets.map((p) => p.sheetId));

  const present = specs.filter((s) => byTitle.has(s.tab));
  const metadata = new Map<number, Map<number, string>>();
  if (present.length) {
    const found = api().Spreadsheets!.DeveloperMetadata!.search(
      { dataFilters: [{ developerMetadataLookup: { metadataKey: METADATA_KEY } }] },
      id,
    );
    for (const match of found.matchedDeveloperMetadata ?? []) {
      const meta = match.developerMetadata;
      const range = meta?.location?.dimensionRange;
      if (!meta || !range || range.dimension !== 'COLUMNS' || range.sheetId === undefined) continue;
      const columns = metadata.get(range.sheetId) ?? new Map<number, string>();
      columns.set(range.startIndex ?? 0, meta.metadataValue ?? '');
      metadata.set(range.sheetId, columns);
    }
  }
  const values = present.length
    ? (api().Spreadsheets!.Values!.batchGet(id, {
        ranges: present.map((s) => quoteTab(s.tab)),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
      }).valueRanges ?? [])
    : [];

  const snapshots = new Map<string, TabSnapshot>();
  for (const spec of specs) {
    const props = byTitle.get(spec.tab);
    if (props) {
      const index = present.indexOf(spec);
      snapshots.set(spec.tab, {
        spec,
        sheetId: props.sheetId,
        exists: true,
        rowCount: props.gridProperties?.rowCount ?? 0,
        columnCount: props.gridProperties?.columnCount ?? 0,
        values: (values[index]?.values as unknown[][] | undefined) ?? [],
        metadata: metadata.get(props.sheetId) ?? new Map(),
      });
    } else {
      let sheetId = 0;
      do sheetId = 1 + Math.floor(Math.random() * 2_000_000_000);
      while (used.has(sheetId));
      used.add(sheetId);
      snapshots.set(spec.tab, {
        spec,
        sheetId,
        exists: false,
        rowCount: 0,
        columnCount: 0,
        values: [],
        metadata: new Map(),
      });
    }
  }
  return snapshots;
}

/** Google rejects very large batchUpdate bodies: keep each call to a bounded number of cells. */
const CELLS_PER_CALL = 200_000;

function cellsIn(request: SheetsRequest): number {
  const update = request.updateCells as { rows?: { values?: unknown[] }[] } | undefined;
  return update?.rows?.reduce((sum, row) => sum + (row.values?.length ?? 0), 0) ?? 1;
}

export function writeRequests(requests: readonly SheetsRequest[], id = spreadsheetId()): number {
  let calls = 0;
  let chunk: SheetsRequest[] = [];
  let cells = 0;
  const flush = () => {
    if (!chunk.length) return;
    api().Spreadsheets!.batchUpdate({ requests: chunk }, id);
    calls++;
    chunk = [];
    cells = 0;
  };
  for (const request of requests) {
    const size = cellsIn(request);
    if (cells + size > CELLS_PER_CALL) flush();
    chunk.push(request);
    cells += size;
  }
  flush();
  return calls;
}

export function spreadsheetOffset(): OffsetMinutes {
  const tz = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  return (epochMs) => {
    const z = Utilities.formatDate(new Date(epochMs), tz, 'Z'); // e.g. +0300
    const sign = z.startsWith('-') ? -1 : 1;
    return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  };
}
