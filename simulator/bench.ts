// Simulator figures: `node -r ./scripts/ts-register.cjs simulator/bench.ts [postings]`.
// Prints generation time, the cost of a v4 list page (full blocks) and of advance(24h).
import { createSimulator } from './index';

const n = Number(process.argv[2] ?? 50_000);
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

let t = process.hrtime.bigint();
const sim = createSimulator({ seed: 7, postings: n, products: 500 });
const genMs = ms(t);
sim.setRateLimit(null);
sim.setValidateRequests(false);
const headers = { 'Client-Id': sim.credentials.clientId, 'Api-Key': sim.credentials.apiKey };
const now = sim.now();
const filter = { since: new Date(now - 31 * 86_400_000).toISOString(), to: new Date(now).toISOString() };
const withAll = { analytics_data: true, financial_data: true, barcodes: true, legal_info: true };
let cursor = '';
let pages = 0;
let postings = 0;
t = process.hrtime.bigint();
for (;;) {
  const r = sim.handle({
    method: 'POST',
    url: '/v4/posting/fbs/list',
    headers,
    payload: JSON.stringify({ limit: 100, cursor, filter, with: withAll }),
  });
  const page = JSON.parse(r.body as string);
  pages++;
  postings += page.postings.length;
  if (!page.has_next) break;
  cursor = page.cursor;
}
const pageMs = ms(t);
t = process.hrtime.bigint();
sim.advance(24);
const advanceMs = ms(t);
const out = process.stdout;
out.write(`simulator: ${sim.state.postings.size} postings generated in ${genMs.toFixed(0)} ms\n`);
out.write(
  `simulator: paged ${postings} FBS/rFBS postings in ${pages} pages of 100 (all blocks): ` +
    `${pageMs.toFixed(0)} ms, ${(pageMs / pages).toFixed(2)} ms/page incl. client JSON.parse\n`,
);
out.write(`simulator: advance(24h) ${advanceMs.toFixed(0)} ms\n`);
