// The plain verdict on a self-check report: what works, what does not and what the seller can do.
// Thresholds are what the add-on's own budgets can absorb (a sync step has minutes, not hours).
import type { SelfCheckFinding, SelfCheckReport, SelfCheckView } from '../../shared/selfcheck-schema';
import { t, type Lang, type MessageKey, type MessageParams } from '../i18n/messages';

/** Slower than this for the largest block write, a big first sync needs several runs. */
export const SLOW_WRITE_MS_PER_100K = 20_000;
export const SLOW_FETCH_MS = 5_000;
export const SLOW_MAPPING_MS_PER_1000 = 5_000;
/** Triggers per user per script (Google's quota page): warn well before it. */
export const TRIGGERS_WARN_AT = 15;
/** A one-off trigger a minute ahead that has not run after this is late. */
export const CLOCK_LATE_MS = 20 * 60_000;

const seconds = (ms: number): string => (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);

export function verdictOf(
  report: SelfCheckReport | null,
  lang: Lang,
  now: number,
  timeText: (iso: string) => string = (iso) => iso,
): Pick<SelfCheckView, 'verdict' | 'findings'> {
  if (!report) return { verdict: 'none', findings: [] };
  const findings: SelfCheckFinding[] = [];
  const say = (level: SelfCheckFinding['level'], key: MessageKey, params: MessageParams = {}) =>
    findings.push({ level, text: t(lang, key, params) });
  const locale = lang === 'zh' ? 'zh-CN' : lang;
  const cells = (n: number) => n.toLocaleString(locale);

  const clock = report.clockRun;
  if (clock.status === 'failed') say('fail', 'selfcheck.clock.failed', { detail: clock.error ?? '' });
  else if (clock.status === 'pending') {
    const waited = now - Date.parse(clock.scheduledAt);
    if (waited > CLOCK_LATE_MS) say('warn', 'selfcheck.clock.late', { minutes: Math.round(waited / 60_000) });
    else
      say('wait', clock.via === 'hourly-trigger' ? 'selfcheck.clock.waitHourly' : 'selfcheck.clock.wait', {
        time: timeText(clock.scheduledAt),
      });
  } else if (clock.seen) {
    if (clock.seen.activeSpreadsheet) say('ok', 'selfcheck.clock.ok');
    else if (clock.seen.triggerUid) say('ok', 'selfcheck.clock.noDocument');
    else say('fail', 'selfcheck.clock.lost');
  }

  const tr = report.triggers;
  if (tr.status === 'failed') say('fail', 'selfcheck.triggers.failed', { detail: tr.error ?? '' });
  else if (tr.project >= TRIGGERS_WARN_AT) say('warn', 'selfcheck.triggers.many', { project: tr.project });
  else say('ok', 'selfcheck.triggers.ok', { document: tr.document, project: tr.project });

  let largest: { cells: number; ms: number } | undefined;
  for (const w of report.writes) {
    if (w.status === 'failed')
      say('fail', 'selfcheck.writes.failed', { cells: cells(w.cells), detail: w.error ?? '' });
    else if (w.status === 'skipped') say('warn', 'selfcheck.writes.skipped', { cells: cells(w.cells) });
    else if (!largest || w.cells > largest.cells) largest = w;
  }
  if (largest) {
    const slow = (largest.ms / largest.cells) * 100_000 > SLOW_WRITE_MS_PER_100K;
    say(slow ? 'warn' : 'ok', slow ? 'selfcheck.writes.slow' : 'selfcheck.writes.ok', {
      cells: cells(largest.cells),
      seconds: seconds(largest.ms),
    });
  }

  const f = report.fetchAll;
  if (f.status === 'skipped') say('warn', 'selfcheck.fetch.skipped');
  else if (f.status === 'failed') {
    if (f.httpStatus === 401 || f.httpStatus === 403)
      say('fail', 'selfcheck.fetch.refused', { status: f.httpStatus });
    else say('fail', 'selfcheck.fetch.failed', { detail: f.error ?? `HTTP ${f.httpStatus ?? '?'}` });
  } else
    say(
      f.ms > SLOW_FETCH_MS ? 'warn' : 'ok',
      f.ms > SLOW_FETCH_MS ? 'selfcheck.fetch.slow' : 'selfcheck.fetch.ok',
      {
        seconds: seconds(f.ms),
      },
    );

  const m = report.mapping;
  if (m.status === 'failed') say('fail', 'selfcheck.mapping.failed', { detail: m.error ?? '' });
  else {
    const slow = m.postings > 0 && (m.ms / m.postings) * 1000 > SLOW_MAPPING_MS_PER_1000;
    say(slow ? 'warn' : 'ok', slow ? 'selfcheck.mapping.slow' : 'selfcheck.mapping.ok', {
      postings: m.postings,
      seconds: seconds(m.ms),
    });
  }

  const levels = new Set(findings.map((x) => x.level));
  // A finding that asks the seller to act makes the verdict "problems"; a skipped Ozon test is one.
  const verdict = levels.has('fail') || levels.has('warn') ? 'problems' : levels.has('wait') ? 'wait' : 'ok';
  // Problems first, so "what to do" leads.
  const order = { fail: 0, warn: 1, wait: 2, ok: 3 } as const;
  findings.sort((a, b) => order[a.level] - order[b.level]);
  return { verdict, findings };
}
