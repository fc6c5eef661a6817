// Makes runtime/fixtures/<date>-runtime-modelled.json: the self-check ("Check this spreadsheet") run
// on the built bundle in runtime/ against the Ozon simulator, its clock run included. It is the
// runtime's own guesses, so it is marked "modelled"; a report a seller copies from the sidebar is
// "measured" and goes next to it. Usage: npm run build && npm run selfcheck:fixture (the npm script
// formats the file with prettier afterwards).
import fs from 'node:fs';
import path from 'node:path';
import { createRuntime, FIXTURES_DIR } from '../runtime';
import { createSimulator } from '../simulator';
import { SelfCheckReport, type SelfCheckView } from '../src/shared/selfcheck-schema';

export function modelledReport(distDir?: string): SelfCheckReport {
  const start = '2026-11-20T09:00:00Z';
  const sim = createSimulator({ seed: 7, postings: 20, days: 5, now: start });
  const rt = createRuntime({
    startTime: start,
    ...(distDir ? { distDir } : {}),
    fetch: (req) => sim.handle(req),
  });
  sim.setClock(() => rt.clock.now());
  rt.properties.user.set('OZON_CLIENT_ID', sim.credentials.clientId);
  rt.properties.user.set('OZON_API_KEY', sim.credentials.apiKey);
  const first = rt.callFromSidebar<{ ok: boolean; data: SelfCheckView }>('runSelfCheck');
  if (!first.ok) throw new Error(`runSelfCheck failed: ${JSON.stringify(first)}`);
  rt.clock.advance(3_600_000 + 60_000);
  const runs = rt.fireTimeTriggers();
  if (runs.some((r) => r.error)) throw new Error(`clock run failed: ${JSON.stringify(runs)}`);
  const view = rt.callFromSidebar<{ ok: boolean; data: SelfCheckView }>('getSelfCheck');
  if (!view.ok || !view.data.report) throw new Error('getSelfCheck gave no report');
  return SelfCheckReport.parse({ ...view.data.report, evidence: 'modelled' });
}

export function fixtureName(report: SelfCheckReport): string {
  return `${report.takenAt.slice(0, 10)}-runtime-modelled.json`;
}

if (require.main === module) {
  const report = modelledReport();
  const file = path.join(FIXTURES_DIR, fixtureName(report));
  const text = `${JSON.stringify(report, null, 2)}\n`;
  fs.mkdirSync(FIXTURES_DIR, { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
