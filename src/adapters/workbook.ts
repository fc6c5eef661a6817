// The spreadsheet as the sync sees it, through the advanced Sheets service: every tab it needs is
// read in three calls whatever its size (sheet properties, column metadata, values), and every
// change is written with one batchUpdate per chunk of requests.
import { currentSpreadsheet } from './spreadsheet';
import { METADATA_KEY, type TableSpec } from '../core/table/spec';
import { chunkByBytes, MAX_BODY_BYTES } from '../core/table/chunk';
import type { SheetsRequest } from '../core/table/requests';
import { withSheetsQuota } from './sheets-quota';
import type { TabSnapshot } from '../core/table/snapshot';
import type { OffsetMinutes } from '../core/time/serial';

function api(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets) {
    throw new Error('The advanced Sheets service is not enabled in appsscript.json');
  }
  return Sheets;
}

export function spreadsheetId(): string {
  return currentSpreadsheet().getId();
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
  const info = withSheetsQuota(() => api().Spreadsheets!.get(id, { fields: 'sheets.properties' }));
  const sheets = (info.sheets ?? []).map((s) => s.properties as SheetProps);
  const byTitle = new Map(sheets.map((p) => [p.title, p]));
  const used = new Set(sheets.map((p) => p.sheetId));

  const present = specs.filter((s) => byTitle.has(s.tab));
  const metadata = new Map<number, Map<number, string>>();
  if (present.length) {
    const found = withSheetsQuota(() =>
      api().Spreadsheets!.DeveloperMetadata!.search(
        { dataFilters: [{ developerMetadataLookup: { metadataKey: METADATA_KEY } }] },
        id,
      ),
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
    ? (withSheetsQuota(() =>
        api().Spreadsheets!.Values!.batchGet(id, {
          ranges: present.map((s) => quoteTab(s.tab)),
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
        }),
      ).valueRanges ?? [])
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

/**
 * Writes `requests` in order, in as few batchUpdate calls as the byte budget allows: every body stays
 * under the 2 MB the Sheets API limits page recommends (Google's front end refuses over 10 MB).
 */
export function writeRequests(
  requests: readonly SheetsRequest[],
  id = spreadsheetId(),
  opts: { until?: number } = {},
): number {
  const chunks = chunkByBytes(requests, MAX_BODY_BYTES);
  for (const chunk of chunks)
    withSheetsQuota(() => api().Spreadsheets!.batchUpdate({ requests: chunk }, id), opts.until);
  return chunks.length;
}

export function spreadsheetOffset(): OffsetMinutes {
  const tz = currentSpreadsheet().getSpreadsheetTimeZone();
  return (epochMs) => {
    const z = Utilities.formatDate(new Date(epochMs), tz, 'Z'); // e.g. +0300
    const sign = z.startsWith('-') ? -1 : 1;
    return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  };
}
