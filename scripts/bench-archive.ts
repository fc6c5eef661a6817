// `npm run bench` (archive part): a year of a busy shop — 500,000 postings by default — and the live
// window. Week by week the shop's postings land in Orders and Order lines (written straight into the
// runtime's model, shaped like the sync's rows: a real sync would take hours of bench time at this
// size), then the add-on's own "Archive old orders" runs on the built bundle until nothing is left
// to move. BigQuery is set up (a modeled project and dataset), so each archive run loads what changed
// into BigQuery first, as a seller with both backends has it. Printed: the live tabs' cells before
// and after each move (and their peak), archive spreadsheets, moves per run, executions, BigQuery
// load requests and bytes, and a count of postings and lines the archive holds twice (it must be 0).
// Then the same year with BigQuery as the only archive (Settings → Archive → BigQuery only): no
// spreadsheet is made, each move's rows are checked by a query, loaded where BigQuery lacks them and
// MERGEd; printed too: BigQuery rows, query jobs, postings held twice in BigQuery or in both places.
// Not a test: it prints, it does not judge.
//   node -r ./scripts/ts-register.cjs scripts/bench-archive.ts [postings] [weeks] [sheets|bigquery|both]
import { demoShop, type Runtime } from '../test/support/shop';

const POSTINGS = Number(process.argv[2] ?? 500_000);
const WEEKS = Number(process.argv[3] ?? 52);
const BACKENDS = (process.argv[4] ?? 'both') === 'both' ? ['sheets', 'bigquery'] : [process.argv[4]];
const OPEN = 3_000; // postings open at any time (stuck at Ozon, awaiting a decision): they never leave
const LINES_PER_POSTING = 1.5;
const DAY = 86_400_000;
const LIMIT_MS = 6 * 60_000;
const BQ_PROJECT = 'bench-project';
const BQ_DATASET = 'ozon_history';

type Cell = { v: string | number | boolean | null; nf?: string };
type SheetLike = {
  rows: (Cell[] | undefined)[];
  maxRows: number;
  maxCols: number;
  cell(r: number, c: number): Cell | undefined;
  setCell(r: number, c: number, cell: Cell): void;
  lastRow(): number;
};

function sheetOf(rt: Runtime, name: string): SheetLike {
  return rt.spreadsheet.sheet(name) as unknown as SheetLike;
}

function headerIndex(sheet: SheetLike, header: string): number {
  const row = sheet.rows[0] ?? [];
  const i = row.findIndex((c) => c?.v === header);
  if (i < 0) throw new Error(`bench: no column ${header}`);
  return i;
}

const serialOf = (ms: number) => ms / DAY + 25569 + 3 / 24; // Moscow

/** Appends postings (and their lines) shaped like a template row of each tab. */
function append(
  rt: Runtime,
  from: number,
  count: number,
  orderedFrom: number,
  spanMs: number,
  status: string,
  seq: { n: number },
) {
  const orders = sheetOf(rt, 'Orders');
  const lines = sheetOf(rt, 'Order lines');
  const o = {
    key: headerIndex(orders, 'Posting number'),
    at: headerIndex(orders, 'Ordered at'),
    code: headerIndex(orders, 'Status code'),
  };
  const l = { posting: headerIndex(lines, 'Posting number'), key: headerIndex(lines, 'Line key') };
  const orderTemplate = (orders.rows[1] ?? []).map((c) => (c ? { ...c } : undefined));
  const lineTemplate = (lines.rows[1] ?? []).map((c) => (c ? { ...c } : undefined));
  let orderRow = orders.lastRow();
  let lineRow = lines.lastRow();
  const needOrders = orderRow + count + 1;
  const needLines = lineRow + Math.ceil(count * LINES_PER_POSTING) + 2;
  if (needOrders > orders.maxRows) orders.maxRows = needOrders + 1000;
  if (needLines > lines.maxRows) lines.maxRows = needLines + 1000;
  rt.spreadsheet.checkCellLimit(0);
  for (let i = 0; i < count; i++) {
    const number = `B${String(from + i).padStart(8, '0')}-0001-1`;
    const at = serialOf(orderedFrom + Math.floor((spanMs * i) / count));
    orderTemplate.forEach((c, col) => c && orders.setCell(orderRow, col, { ...c }));
    orders.setCell(orderRow, o.key, { v: number, nf: '@' });
    orders.setCell(orderRow, o.at, { v: at, nf: 'yyyy-mm-dd hh:mm' });
    orders.setCell(orderRow, o.code, { v: status, nf: '@' });
    orderRow++;
    const n = (seq.n++ % 2) + 1; // 1 or 2 lines: 1.5 on average
    for (let k = 0; k < n; k++) {
      lineTemplate.forEach((c, col) => c && lines.setCell(lineRow, col, { ...c }));
      lines.setCell(lineRow, l.posting, { v: number, nf: '@' });
      lines.setCell(lineRow, l.key, { v: `${number}/${k + 1}`, nf: '@' });
      lineRow++;
    }
  }
}

function liveCells(rt: Runtime): number {
  return ['Orders', 'Order lines'].reduce((sum, name) => {
    const s = sheetOf(rt, name);
    return sum + s.maxRows * s.maxCols;
  }, 0);
}

function archiveCells(rt: Runtime): number {
  let n = 0;
  for (const book of rt.otherSpreadsheets.values()) n += book.totalCells();
  return n;
}

/** Postings and lines held twice in the archive (across every month tab of every spreadsheet). */
function archiveDuplicates(rt: Runtime): {
  orders: number;
  lines: number;
  orderRows: number;
  lineRows: number;
} {
  const out = { orders: 0, lines: 0, orderRows: 0, lineRows: 0 };
  const seen = { orders: new Set<string>(), lines: new Set<string>() };
  for (const book of rt.otherSpreadsheets.values())
    for (const name of book.sheetNames()) {
      const kind = / Orders$/.test(name) ? 'orders' : / Order lines$/.test(name) ? 'lines' : null;
      if (!kind) continue;
      const sheet = book.sheet(name) as unknown as SheetLike;
      const col = headerIndex(sheet, kind === 'orders' ? 'Posting number' : 'Line key');
      for (let r = 1; r < sheet.rows.length; r++) {
        const v = sheet.rows[r]?.[col]?.v;
        if (v === undefined || v === null || v === '') continue;
        if (seen[kind].has(String(v))) out[kind]++;
        seen[kind].add(String(v));
        out[kind === 'orders' ? 'orderRows' : 'lineRows']++;
      }
    }
  return out;
}

/** With BigQuery the only archive: postings held twice in BigQuery, and postings both live and in BigQuery. */
function bigQueryDuplicates(rt: Runtime): { orders: number; lines: number; alsoLive: number } {
  const keys = (table: string, column: string) =>
    (rt.bigquery.table(BQ_PROJECT, BQ_DATASET, table)?.rows ?? []).map((r) => String(r[column]));
  const twice = (list: string[]) => list.length - new Set(list).size;
  const orders = keys('postings', 'posting_number');
  const sheet = sheetOf(rt, 'Orders');
  const col = headerIndex(sheet, 'Posting number');
  const live = new Set<string>();
  for (let r = 1; r < sheet.rows.length; r++) {
    const v = sheet.rows[r]?.[col]?.v;
    if (v !== undefined && v !== null && v !== '') live.add(String(v));
  }
  return {
    orders: twice(orders),
    lines: twice(keys('lines', 'line_key')),
    alsoLive: orders.filter((k) => live.has(k)).length,
  };
}

function bench(backend: string) {
  const { rt } = demoShop({ postings: 20, days: 5 }, { startTime: '2026-01-01T06:00:00Z' });
  const sync = rt.run<{ ok: boolean; data: { result: string } }>('syncOrders');
  if (!sync.ok || sync.data.result !== 'done') throw new Error('bench: first sync failed');
  rt.bigquery.addProject(BQ_PROJECT);
  rt.bigquery.addDataset(BQ_PROJECT, BQ_DATASET);
  const saved = rt.callFromSidebar<{ ok: boolean; error?: { message: string } }>('saveBigQuerySettings', {
    projectId: BQ_PROJECT,
    datasetId: BQ_DATASET,
  });
  if (!saved.ok) throw new Error(`bench: BigQuery settings: ${saved.error?.message}`);
  if (backend === 'bigquery') {
    const chosen = rt.callFromSidebar<{ ok: boolean; error?: { message: string } }>('saveArchiveSettings', {
      liveDays: 90,
      backend: 'bigquery',
    });
    if (!chosen.ok) throw new Error(`bench: archive settings: ${chosen.error?.message}`);
  }
  let bqRequests = 0;
  let bqBytes = 0;
  let bqJobs = 0;
  let bqLargest = 0;
  const start = rt.clock.now();
  const perWeek = Math.round(POSTINGS / WEEKS);
  const seq = { n: 0 };
  append(rt, 0, OPEN, start, 7 * DAY, 'awaiting_deliver', seq);
  let next = OPEN;
  let executions = 0;
  let moved = 0;
  let peakLive = 0;
  let maxMovedPerRun = 0;
  let longest = 0;
  const rows: Record<string, number | string>[] = [];
  const cpu = process.cpuUsage();
  for (let week = 0; week < WEEKS; week++) {
    // The week's postings, finished by now (the hourly sync would have marked them delivered).
    append(rt, next, perWeek, rt.clock.now(), 7 * DAY, 'delivered', seq);
    next += perWeek;
    rt.clock.advance(7 * DAY);
    const before = liveCells(rt);
    peakLive = Math.max(peakLive, before);
    let runs = 0;
    let weekMoved = 0;
    const weekBq = { requests: 0, bytes: 0 };
    for (;;) {
      rt.resetCounters();
      rt.bigquery.resetStats();
      const answer = rt.run<{ ok: boolean; data: { result: string; moved: number; message: string } }>(
        'archiveOldOrders',
      );
      if (!answer.ok || answer.data.result === 'failed') throw new Error(`bench: ${JSON.stringify(answer)}`);
      runs++;
      longest = Math.max(longest, rt.counters.modeledMs);
      if (rt.counters.modeledMs > LIMIT_MS) throw new Error('bench: an archive run passed 6 minutes');
      weekMoved += answer.data.moved;
      const bq = rt.bigquery.stats;
      weekBq.requests += bq.loadRequests;
      weekBq.bytes += bq.loadBytes;
      bqJobs += bq.queryJobs;
      bqLargest = Math.max(bqLargest, bq.largestRequestBytes);
      maxMovedPerRun = Math.max(maxMovedPerRun, answer.data.moved);
      if (answer.data.result !== 'partial' || runs > 50) break;
      rt.clock.advance(3_600_000);
    }
    executions += runs;
    moved += weekMoved;
    bqRequests += weekBq.requests;
    bqBytes += weekBq.bytes;
    const after = liveCells(rt);
    if ((week + 1) % 4 === 0 || week === WEEKS - 1) {
      rows.push({
        week: week + 1,
        postings: next,
        'live cells before': before,
        'live cells after': after,
        'moved this week': weekMoved,
        runs,
        'BigQuery loads': weekBq.requests,
        'BigQuery MB': Math.round(weekBq.bytes / 1e4) / 100,
        'archive spreadsheets': rt.otherSpreadsheets.size,
        'archive cells': archiveCells(rt),
      });
      // Progress on stderr: a year at full size takes a while.
      process.stderr.write(`${JSON.stringify(rows[rows.length - 1])}\n`);
    }
  }
  const used = process.cpuUsage(cpu);
  const twice = archiveDuplicates(rt);
  const inBigQuery = bigQueryDuplicates(rt);
  console.log(
    `\nArchive bench (${backend === 'bigquery' ? 'BigQuery only' : 'archive spreadsheets + BigQuery'}): ${next.toLocaleString('en')} postings over ${WEEKS} weeks (${perWeek.toLocaleString('en')} a week, ${OPEN.toLocaleString('en')} always open), live window 90 days`,
  );
  console.table(rows);
  console.log(
    JSON.stringify(
      {
        postings: next,
        peakLiveCells: peakLive,
        liveCellsAtEnd: liveCells(rt),
        workbookCellsAtEnd: rt.spreadsheet.totalCells(),
        archiveSpreadsheets: rt.otherSpreadsheets.size,
        archiveCells: archiveCells(rt),
        moved,
        archiveExecutions: executions,
        archivedOrderRows: twice.orderRows,
        archivedLineRows: twice.lineRows,
        archiveDuplicateOrders: twice.orders,
        archiveDuplicateLines: twice.lines,
        bigQueryLoadRequests: bqRequests,
        bigQueryLoadMB: Math.round(bqBytes / 1e4) / 100,
        bigQueryQueryJobs: bqJobs,
        bigQueryLargestRequestKB: Math.round(bqLargest / 1000),
        ...(backend === 'bigquery'
          ? {
              bigQueryDuplicatePostings: inBigQuery.orders,
              bigQueryDuplicateLines: inBigQuery.lines,
              postingsLiveAndInBigQuery: inBigQuery.alsoLive,
            }
          : {}),
        bigQueryRows: Object.fromEntries(
          ['postings', 'lines', 'archived_rows'].map((t) => [
            t,
            rt.bigquery.table(BQ_PROJECT, BQ_DATASET, t)?.rows.length ?? 0,
          ]),
        ),
        maxMovedPerRun,
        longestRunS: Math.round(longest / 100) / 10,
        cpuS: Math.round((used.user + used.system) / 1e5) / 10,
        peakHeapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
      },
      null,
      2,
    ),
  );
}

for (const backend of BACKENDS) bench(backend);
