// The spreadsheet as the sync sees it, through the advanced Sheets service: every tab it needs is
// read in three calls whatever its size (sheet properties, column metadata, values), and every
// change is written with one batchUpdate per chunk of requests.
import { currentSpreadsheet } from './spreadsheet';
import { METADATA_KEY, TAB_METADATA_KEY, type TableSpec } from '../core/table/spec';
import { chunkByBytes, MAX_BODY_BYTES } from '../core/table/chunk';
import type { SheetsRequest } from '../core/table/requests';
import { withSheetsQuota } from './sheets-quota';
import type { TabPart, TabSnapshot } from '../core/table/snapshot';
import type { TableIO } from '../core/table/land';

export type { TabPart };
import type { OffsetMinutes } from '../core/time/serial';
import type { Lang } from '../core/i18n/messages';
import { zoneLabel } from '../core/format/time';

let sheetLang: (() => Lang) | undefined;

/**
 * How this execution finds the language the add-on's own headers are written in (set by appContext,
 * asked only when a tab is read, so a call that reads no tab reads no property). Without it a tab's
 * headers are left as they are.
 */
export function useSheetLanguage(lang: () => Lang): void {
  sheetLang = lang;
}

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
  index?: number;
  gridProperties?: { rowCount?: number; columnCount?: number };
}

/**
 * Which sheet holds each spec's tab: the one carrying the spec's tab metadata (a renamed tab keeps it;
 * a copy of it too, so a tab still titled as the spec wins, then the leftmost), else the one titled
 * as the spec that no other spec claims by metadata.
 */
function placeTabs(
  specs: readonly TableSpec[],
  sheets: readonly SheetProps[],
  tabMeta: ReadonlyMap<number, string>,
): Map<string, { props: SheetProps; marked: boolean }> {
  const placed = new Map<string, { props: SheetProps; marked: boolean }>();
  const claimed = new Set<number>();
  for (const spec of specs) {
    const tagged = sheets
      .filter((p) => tabMeta.get(p.sheetId) === spec.tab)
      .sort(
        (a, b) =>
          Number(b.title === spec.tab) - Number(a.title === spec.tab) || (a.index ?? 0) - (b.index ?? 0),
      );
    if (tagged.length) {
      placed.set(spec.tab, { props: tagged[0], marked: true });
      claimed.add(tagged[0].sheetId);
    }
  }
  for (const spec of specs) {
    if (placed.has(spec.tab)) continue;
    const byTitle = sheets.find(
      (p) => p.title === spec.tab && !claimed.has(p.sheetId) && !tabMeta.has(p.sheetId),
    );
    if (byTitle) placed.set(spec.tab, { props: byTitle, marked: false });
  }
  return placed;
}

function partRanges(part: TabPart | undefined, title: string, meta: ReadonlyMap<number, string>) {
  const q = quoteTab(title);
  if (!part) return null;
  if ('rows' in part)
    return { kind: 'rows' as const, ranges: [`${q}!1:1`, `${q}!${part.rows[0] + 1}:${part.rows[1] + 1}`] };
  // A key on two columns (a column the seller copied) is not guessed at: the tab is read whole.
  const byKey = new Map<string, number>();
  for (const [col, key] of meta) byKey.set(key, byKey.has(key) ? -1 : col);
  const cols = part.columns.map((k) => byKey.get(k));
  if (cols.some((c) => c === undefined || c < 0)) return null;
  const letters = (cols as number[]).map((c) => colToLetters(c + 1));
  return { kind: 'columns' as const, cols: cols as number[], ranges: letters.map((l) => `${q}!${l}1:${l}`) };
}

function colToLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function readTabs(
  specs: readonly TableSpec[],
  id = spreadsheetId(),
  parts?: ReadonlyMap<string, TabPart>,
): Map<string, TabSnapshot> {
  if (!parts?.size) return readTabsOnce(specs, id);
  try {
    return readTabsOnce(specs, id, parts);
  } catch (error) {
    // A band of rows is named from the grid as read a call before: the seller deleting rows in
    // between puts it past the grid's end, which Google refuses. The tabs are then read whole.
    if (!/exceeds grid limits/i.test(error instanceof Error ? error.message : String(error))) throw error;
    return readTabsOnce(specs, id);
  }
}

function readTabsOnce(
  specs: readonly TableSpec[],
  id: string,
  parts?: ReadonlyMap<string, TabPart>,
): Map<string, TabSnapshot> {
  const info = withSheetsQuota(() =>
    api().Spreadsheets!.get(id, { fields: 'properties.timeZone,sheets.properties' }),
  );
  const sheets = (info.sheets ?? []).map((s) => s.properties as SheetProps);
  const used = new Set(sheets.map((p) => p.sheetId));
  const timeZone = info.properties?.timeZone;

  // Columns and tabs are found by developer metadata (they move and keep it when renamed or moved).
  const metadata = new Map<number, Map<number, string>>();
  const tabMeta = new Map<number, string>();
  if (sheets.length) {
    const found = withSheetsQuota(() =>
      api().Spreadsheets!.DeveloperMetadata!.search(
        {
          dataFilters: [
            { developerMetadataLookup: { metadataKey: METADATA_KEY } },
            { developerMetadataLookup: { metadataKey: TAB_METADATA_KEY } },
          ],
        },
        id,
      ),
    );
    for (const match of found.matchedDeveloperMetadata ?? []) {
      const meta = match.developerMetadata;
      if (!meta) continue;
      if (meta.metadataKey === TAB_METADATA_KEY) {
        const sheetId = meta.location?.sheetId;
        if (sheetId !== undefined && sheetId !== null) tabMeta.set(sheetId, meta.metadataValue ?? '');
        continue;
      }
      const range = meta.location?.dimensionRange;
      if (!range || range.dimension !== 'COLUMNS' || range.sheetId === undefined) continue;
      const columns = metadata.get(range.sheetId) ?? new Map<number, string>();
      columns.set(range.startIndex ?? 0, meta.metadataValue ?? '');
      metadata.set(range.sheetId, columns);
    }
  }
  const placed = placeTabs(specs, sheets, tabMeta);
  const present = specs.filter((s) => placed.has(s.tab));
  const plans = present.map((spec) => {
    const { props } = placed.get(spec.tab)!;
    return (
      partRanges(parts?.get(spec.tab), props.title, metadata.get(props.sheetId) ?? new Map()) ?? {
        kind: 'whole' as const,
        ranges: [quoteTab(props.title)],
      }
    );
  });
  const flat = plans.flatMap((p) => p.ranges);
  const got = flat.length
    ? (withSheetsQuota(() =>
        api().Spreadsheets!.Values!.batchGet(id, {
          ranges: flat,
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
        }),
      ).valueRanges ?? [])
    : [];
  const rangeValues = (i: number) => (got[i]?.values as unknown[][] | undefined) ?? [];
  const values: unknown[][][] = [];
  const partial = new Set<number>();
  const tails: { index: number; range: string }[] = [];
  let at = 0;
  plans.forEach((plan, index) => {
    if (plan.kind === 'whole') values.push(rangeValues(at));
    else if (plan.kind === 'rows') {
      const part = parts!.get(present[index].tab) as { rows: readonly [number, number] };
      const out: unknown[][] = [rangeValues(at)[0] ?? []];
      rangeValues(at + 1).forEach((row, i) => (out[part.rows[0] + i] = row));
      values.push(out);
      partial.add(index);
    } else {
      const out: unknown[][] = [];
      plan.cols.forEach((col, k) => {
        rangeValues(at + k).forEach((row, r) => {
          if (!row.length) return;
          const target = out[r] ?? (out[r] = []);
          target[col] = row[0];
        });
      });
      for (let r = 0; r < out.length; r++) if (!out[r]) out[r] = [];
      values.push(out);
      partial.add(index);
      const part = parts!.get(present[index].tab) as { tail?: boolean };
      const props = placed.get(present[index].tab)!.props;
      const rowCount = props.gridProperties?.rowCount ?? 0;
      if (part.tail && out.length < rowCount)
        tails.push({ index, range: `${quoteTab(props.title)}!${out.length + 1}:${rowCount}` });
    }
    at += plan.ranges.length;
  });
  if (tails.length) {
    // Rows past the last key the columns hold (a row the seller typed below): read whole.
    const more =
      withSheetsQuota(() =>
        api().Spreadsheets!.Values!.batchGet(id, {
          ranges: tails.map((t) => t.range),
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
        }),
      ).valueRanges ?? [];
    tails.forEach((t, i) => {
      const out = values[t.index];
      for (const row of (more[i]?.values as unknown[][] | undefined) ?? []) out.push(row);
    });
  }

  const lang = sheetLang?.();
  const zone = lang && timeZone ? zoneLabel(lang, offsetIn(timeZone), Date.now()) : undefined;
  const told = { ...(lang ? { lang } : {}), ...(zone !== undefined ? { zone } : {}) };
  const snapshots = new Map<string, TabSnapshot>();
  for (const spec of specs) {
    const place = placed.get(spec.tab);
    if (place) {
      const { props } = place;
      const index = present.indexOf(spec);
      snapshots.set(spec.tab, {
        spec,
        sheetId: props.sheetId,
        exists: true,
        rowCount: props.gridProperties?.rowCount ?? 0,
        columnCount: props.gridProperties?.columnCount ?? 0,
        values: values[index] ?? [],
        ...(partial.has(index) ? { partial: true } : {}),
        metadata: metadata.get(props.sheetId) ?? new Map(),
        title: props.title,
        tabMarked: place.marked,
        ...told,
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
        title: spec.tab,
        ...told,
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
    withSheetsQuota(() => api().Spreadsheets!.batchUpdate({ requests: chunk }, id), opts.until, 'write');
  return chunks.length;
}

/**
 * The one reader and writer of another spreadsheet (an archive volume), bound to its id: what
 * landTables needs to land rows by key there. `until`: a Sheets quota refusal waits at most so long.
 */
export function tableIO(id: string, opts: { until?: number } = {}): TableIO {
  return {
    readTabs: (specs) => readTabs(specs, id),
    write: (requests) => writeRequests(requests, id, opts),
  };
}

export function spreadsheetOffset(): OffsetMinutes {
  return offsetIn(currentSpreadsheet().getSpreadsheetTimeZone());
}

function offsetIn(tz: string): OffsetMinutes {
  return (epochMs) => {
    const z = Utilities.formatDate(new Date(epochMs), tz, 'Z'); // e.g. +0300
    const sign = z.startsWith('-') ? -1 : 1;
    return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  };
}

/**
 * The tabs a spreadsheet holds, by the name the add-on gave them: the spec tab each carries as tab
 * metadata (a renamed tab is still found) and every title. Two reads whatever the spreadsheet's size.
 */
export function tabNamesOf(id: string, until?: number): Set<string> {
  const info = withSheetsQuota(() => api().Spreadsheets!.get(id, { fields: 'sheets.properties' }), until);
  const names = new Set<string>();
  const sheets = (info.sheets ?? []).map((s) => s.properties as SheetProps);
  for (const p of sheets) names.add(p.title);
  if (!sheets.length) return names;
  const found = withSheetsQuota(
    () =>
      api().Spreadsheets!.DeveloperMetadata!.search(
        { dataFilters: [{ developerMetadataLookup: { metadataKey: TAB_METADATA_KEY } }] },
        id,
      ),
    until,
  );
  for (const match of found.matchedDeveloperMetadata ?? []) {
    const value = match.developerMetadata?.metadataValue;
    if (value) names.add(value);
  }
  return names;
}
