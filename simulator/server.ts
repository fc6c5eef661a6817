// CLI: `npm run ozon-sim -- --port 8085 --postings 1000 --seed 7 [--products 60] [--days 30] [--warehouses 3]
//   [--rate429 0.05 --rate500 0.02 --rate503 0.02 --malformed 0.01 --slow 0.02 --slow-ms 8000 --circle 0.001]`
// The shop lives in real time from its start (orders arrive, statuses move).
import { createSimulator, startServer } from './index';

function args(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) continue;
    if (m[2] !== undefined) out[m[1]] = m[2];
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[m[1]] = argv[++i];
    else out[m[1]] = 'true';
  }
  return out;
}

async function main(): Promise<void> {
  const a = args(process.argv.slice(2));
  const num = (k: string) => (a[k] !== undefined ? Number(a[k]) : undefined);
  const started = Date.now();
  const t0 = Date.now();
  const sim = createSimulator({
    seed: num('seed'),
    postings: num('postings'),
    products: num('products'),
    days: num('days'),
    warehouses: num('warehouses'),
    now: a.now,
    clientId: a['client-id'],
    apiKey: a['api-key'],
  });
  const generatedMs = Date.now() - t0;
  const shopStart = sim.now();
  sim.setClock(() => shopStart + (Date.now() - started));
  sim.setFaults({
    rate429: num('rate429'),
    rate500: num('rate500'),
    rate503: num('rate503'),
    malformedRate: num('malformed'),
    slowRate: num('slow'),
    slowMs: num('slow-ms'),
    circleOpenRate: num('circle'),
    seed: num('fault-seed') ?? num('seed'),
  });
  if (a['rate-limit'] !== undefined)
    sim.setRateLimit(a['rate-limit'] === 'off' ? null : Number(a['rate-limit']));
  const server = await startServer(sim, num('port') ?? 8085, a.host ?? '127.0.0.1');
  const out = process.stdout;
  out.write(`Ozon Seller API simulator listening on ${server.url}\n`);
  out.write(`  Client-Id: ${sim.credentials.clientId}\n  Api-Key:   ${sim.credentials.apiKey}\n`);
  out.write(`  shop: ${sim.state.postings.size} postings, ${sim.state.products.length} products, `);
  out.write(
    `${sim.state.warehouses.length} warehouses (generated in ${generatedMs} ms); clock ${new Date(shopStart).toISOString()}\n`,
  );
  out.write(
    `  try: curl -s -X POST ${server.url}/v1/roles -H 'Client-Id: ${sim.credentials.clientId}' -H 'Api-Key: ${sim.credentials.apiKey}'\n`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
