// Self-check reports as fixtures: what the add-on's menu "Check this spreadsheet" measured on a real
// spreadsheet (or, marked "modelled", what this runtime itself produces). Each file is named
// YYYY-MM-DD-<what>.json after the day it was taken, and is validated by the same zod schema the
// add-on writes it with (src/shared/selfcheck-schema.ts). A runtime created with `platform: fixture`
// takes from it the behaviours Google does not document — what a clock run has — and its latencies.
import fs from 'node:fs';
import path from 'node:path';
import { SelfCheckReport } from '../src/shared/selfcheck-schema';
import type { ClockRunModel, LatencyModel } from './execution';

export const FIXTURES_DIR = path.join(__dirname, 'fixtures');
const NAME = /^(\d{4}-\d{2}-\d{2})-[a-z0-9-]+\.json$/;

export interface PlatformFixture {
  file: string;
  /** The day in the file name (the report's takenAt day). */
  date: string;
  report: SelfCheckReport;
}

/** The fixture files, oldest first. */
export function fixtureFiles(dir = FIXTURES_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort();
}

/** Reads and validates one fixture (a file name in runtime/fixtures/ or a path). */
export function loadFixture(file: string, dir = FIXTURES_DIR): PlatformFixture {
  const full = path.isAbsolute(file) || file.includes('/') ? file : path.join(dir, file);
  const base = path.basename(full);
  const named = NAME.exec(base);
  if (!named) throw new Error(`runtime fixture ${base}: the name must be YYYY-MM-DD-<what>.json`);
  const parsed = SelfCheckReport.safeParse(JSON.parse(fs.readFileSync(full, 'utf8')));
  if (!parsed.success)
    throw new Error(`runtime fixture ${base}: not a self-check report: ${parsed.error.issues[0]?.message}`);
  if (parsed.data.takenAt.slice(0, 10) !== named[1])
    throw new Error(
      `runtime fixture ${base}: taken on ${parsed.data.takenAt.slice(0, 10)}, named ${named[1]}`,
    );
  return { file: full, date: named[1], report: parsed.data };
}

/** The newest fixture whose evidence is `evidence` (measured ones win over the runtime's own). */
export function latestFixture(
  evidence?: SelfCheckReport['evidence'],
  dir = FIXTURES_DIR,
): PlatformFixture | null {
  const all = fixtureFiles(dir).map((f) => loadFixture(f, dir));
  const match = all.filter((f) => !evidence || f.report.evidence === evidence);
  return match[match.length - 1] ?? null;
}

export interface PlatformModel {
  /** What a clock run has; null when the report's clock run never happened. */
  clockRun: ClockRunModel | null;
  latency: Partial<LatencyModel>;
}

/**
 * Block writes as `ms ≈ calls × advancedSheets + cells × perCellMs`: least squares over the timed
 * writes (at least two sizes), else only the per-cell cost with the call cost kept.
 */
function writeCosts(report: SelfCheckReport, callMs: number): Partial<LatencyModel> {
  const ok = report.writes.filter((w) => w.status === 'ok' && w.requests > 0 && w.ms > 0);
  if (!ok.length) return {};
  let [sxx, sxy, syy, sxz, syz] = [0, 0, 0, 0, 0];
  for (const w of ok) {
    sxx += w.requests * w.requests;
    sxy += w.requests * w.cells;
    syy += w.cells * w.cells;
    sxz += w.requests * w.ms;
    syz += w.cells * w.ms;
  }
  const det = sxx * syy - sxy * sxy;
  if (ok.length >= 2 && Math.abs(det) > 1e-9) {
    const a = (sxz * syy - syz * sxy) / det;
    const b = (sxx * syz - sxy * sxz) / det;
    if (a >= 0 && b >= 0) return { advancedSheets: a, perCellMs: b };
  }
  const cells = ok.reduce((n, w) => n + w.cells, 0);
  const rest = ok.reduce((n, w) => n + Math.max(0, w.ms - w.requests * callMs), 0);
  return { perCellMs: rest / cells };
}

/** The runtime model a report sets; latencies only from a round that really happened. */
export function platformModel(report: SelfCheckReport, base: LatencyModel): PlatformModel {
  const latency: Partial<LatencyModel> = { ...writeCosts(report, base.advancedSheets) };
  const f = report.fetchAll;
  if (f.status === 'ok' && f.requests > 0)
    latency.fetchAllBase = Math.max(0, f.ms - f.requests * base.fetchAllPerRequest);
  const seen = report.clockRun.status === 'seen' ? report.clockRun.seen : null;
  return {
    clockRun: seen
      ? {
          activeSpreadsheet: seen.activeSpreadsheet,
          documentProperties: seen.documentProperties,
          documentLock: seen.documentLock,
          documentCache: seen.documentCache,
          triggerUid: seen.triggerUid,
        }
      : null,
    latency,
  };
}
