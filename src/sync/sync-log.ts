// The "Sync log" tab: one row per sync execution, appended at the end whatever the seller did above.
import type { TableSpec, Cell } from '../core/table/spec';
import { cellData, type SheetsRequest } from '../core/table/requests';
import { messageBook, phraseBook } from '../core/i18n/relabel';
import { t, type Lang, type MessageKey } from '../core/i18n/messages';
import { toSerial, type OffsetMinutes } from '../core/time/serial';
import type { SyncSource } from './job';

export const syncLogSpec: TableSpec = {
  tab: 'Sync log',
  key: 'started',
  columns: [
    { key: 'started', header: 'Started', kind: 'datetime', role: 'sync', width: 130 },
    { key: 'source', header: 'Source', kind: 'text', role: 'sync', width: 110 },
    { key: 'fetched', header: 'Postings fetched', kind: 'int', role: 'sync', width: 110 },
    { key: 'added', header: 'Added', kind: 'int', role: 'sync', width: 60 },
    { key: 'updated', header: 'Updated', kind: 'int', role: 'sync', width: 70 },
    { key: 'duration', header: 'Duration, s', kind: 'number', role: 'sync', width: 80 },
    { key: 'result', header: 'Result', kind: 'text', role: 'sync', width: 140 },
    { key: 'error', header: 'Error', kind: 'text', role: 'sync', width: 380 },
  ],
};

export type LogEntry = Record<(typeof syncLogSpec.columns)[number]['key'], Cell>;

/** appendCells adds the row after the last row with content, in one request. */
export function logRequest(
  sheetId: number,
  positions: ReadonlyMap<string, number>,
  entry: LogEntry,
  zone = '',
): SheetsRequest {
  const width = Math.max(...[...positions.values()].map((i) => i + 1));
  const values: Record<string, unknown>[] = Array.from({ length: width }, () => ({}));
  for (const column of syncLogSpec.columns) {
    const index = positions.get(column.key);
    if (index !== undefined) values[index] = cellData(entry[column.key] ?? null, column, true, zone);
  }
  return {
    appendCells: { sheetId, rows: [{ values }], fields: 'userEnteredValue,userEnteredFormat.numberFormat' },
  };
}

const SOURCE_WORDS = {
  menu: 'sync.sourceMenu',
  trigger: 'sync.sourceTrigger',
  sidebar: 'sync.sourceSidebar',
} as const satisfies Record<SyncSource, MessageKey>;
const RESULT_WORDS = {
  done: 'sync.resultOk',
  partial: 'sync.resultPartial',
  failed: 'sync.resultFailed',
} as const satisfies Record<string, MessageKey>;
/** What ran, when it is not the orders sync: "{source}" is the menu, trigger or sidebar word. */
const TEMPLATES = [
  null,
  'service.sync.source',
  'feedback.sync.source',
  'ozonStock.logSource',
  'finance.logSource',
] as const;

export interface RunRecord {
  lang: Lang;
  offset: OffsetMinutes;
  started: number;
  now: number;
  source: SyncSource;
  /** Which job ran (absent: the orders sync). */
  job?: Exclude<(typeof TEMPLATES)[number], null>;
  result: keyof typeof RESULT_WORDS;
  fetched?: number | null;
  added?: number | null;
  updated?: number | null;
  /** The error's message, or what the run repaired or noticed. */
  text: string;
}

/** One Sync log row, in the seller's language. */
export function runLogEntry(run: RunRecord): LogEntry {
  const source = t(run.lang, SOURCE_WORDS[run.source]);
  return {
    started: toSerial(run.started, run.offset),
    source: run.job ? t(run.lang, run.job, { source }) : source,
    fetched: run.fetched ?? null,
    added: run.added ?? null,
    updated: run.updated ?? null,
    duration: Math.round((run.now - run.started) / 100) / 10,
    result: t(run.lang, RESULT_WORDS[run.result]),
    error: run.text,
  };
}

const SOURCES = Object.values(SOURCE_WORDS);
const sourceBook = phraseBook((lang) =>
  TEMPLATES.flatMap((template) =>
    SOURCES.map((key) => (template ? t(lang, template, { source: t(lang, key) }) : t(lang, key))),
  ),
);
const resultBook = messageBook([
  'sync.resultOk',
  'sync.resultPartial',
  'sync.resultFailed',
  'sync.resultLocked',
]);

/**
 * Rewrites the log's Source and Result words in `lang` on rows that read in another language (after a
 * language change), so the log reads in one language. Free text (an error's message) stays as written.
 */
export function logRelabelRequests(
  sheetId: number,
  positions: ReadonlyMap<string, number>,
  values: readonly (readonly unknown[])[],
  lang: Lang,
): SheetsRequest[] {
  const books = { source: sourceBook, result: resultBook } as const;
  const requests: SheetsRequest[] = [];
  for (const [key, book] of Object.entries(books)) {
    const col = positions.get(key);
    if (col === undefined) continue;
    const column = values.map((row) => row[col]);
    const wanted = column.map((text, i) => (i === 0 ? null : book.in(lang, text)));
    const changed = wanted.flatMap((want, i) => (want !== null && want !== column[i] ? [i] : []));
    if (changed.length)
      requests.push(columnRun(sheetId, col, changed[0], changed[changed.length - 1], column, wanted));
  }
  return requests;
}

/** One request writing rows [first, last] of a column: the relabelled words, other cells as read. */
function columnRun(
  sheetId: number,
  col: number,
  first: number,
  last: number,
  read: readonly unknown[],
  wanted: readonly (string | null)[],
): SheetsRequest {
  const rows = [];
  for (let i = first; i <= last; i++) {
    const value = wanted[i] ?? read[i];
    const cell: Cell =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
    rows.push({ values: [cellData(cell)] });
  }
  return {
    updateCells: { start: { sheetId, rowIndex: first, columnIndex: col }, rows, fields: 'userEnteredValue' },
  };
}
