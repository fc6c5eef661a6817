// `npm run bench` (archive part): a year of a busy shop — 500,000 postings by default — and the live
// window. Week by week the shop's postings land in Orders and Order lines (written straight into the
// runtime's model, shaped like the sync's rows: a real sync would take hours of bench time at this
// size), then the add-on's own "Archive old orders" runs on the built bundle until nothing is left
// to move. Printed: the live tabs' cells before and after each move, archive spreadsheets, moves per
// run, executions. Not a test: it prints, it does not judge.
//   node -r ./scripts/ts-register.cjs scripts/bench-archive.ts [postings] [weeks]
import { demoShop, type Runtime } from '../test/support/shop';

const POSTINGS = Number(process.argv[2] ?? 500_000);
const WEEKS = Number(process.argv[3] ?? 52);
const OPEN = 3_000; // postings open at any time (stuck at Ozon, awaiting a decision): they never leave
const LINES_PER_POSTING = 1.5;
const DAY = 86_400_000;
const LIMIT_MS = 6 * 60_000;

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

function main() {
  const { rt } = demoShop({ postings: 20, days: 5 }, { startTime: '2026-01-01T06:00:00Z' });
  const sync = rt.run<{ ok: boolean; data: { result: string } }>('syncOrders');
  if (!sync.ok || sync.data.result !== 'done') throw new Error('bench: first sync failed');
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
    for (;;) {
      rt.resetCounters();
      const answer = rt.run<{ ok: boolean; data: { result: string; moved: number; message: string } }>(
        'archiveOldOrders',
      );
      if (!answer.ok || answer.data.result === 'failed') throw new Error(`bench: ${JSON.stringify(answer)}`);
      runs++;
      longest = Math.max(longest, rt.counters.modeledMs);
      if (rt.counters.modeledMs > LIMIT_MS) throw new Error('bench: an archive run passed 6 minutes');
      weekMoved += answer.data.moved;
      maxMovedPerRun = Math.max(maxMovedPerRun, answer.data.moved);
      if (answer.data.result !== 'partial' || runs > 50) break;
      rt.clock.advance(3_600_000);
    }
    executions += runs;
    moved += weekMoved;
    const after = liveCells(rt);
    if ((week + 1) % 4 === 0 || week === WEEKS - 1) {
      rows.push({
        week: week + 1,
        postings: next,
        'live cells before': before,
        'live cells after': after,
        'moved this week': weekMoved,
        runs,
        'archive spreadsheets': rt.otherSpreadsheets.size,
        'archive cells': archiveCells(rt),
      });
      // Progress on stderr: a year at full size takes a while.
      process.stderr.write(`${JSON.stringify(rows[rows.length - 1])}\n`);
    }
  }
  const used = process.cpuUsage(cpu);
  console.log(
    `\nArchive bench: ${next.toLocaleString('en')} postings over ${WEEKS} weeks (${perWeek.toLocaleString('en')} a week, ${OPEN.toLocaleString('en')} always open), live window 90 days`,
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

main();
