// Part of `npm run bench`: "Refresh Ozon stock & replenishment" on 5,000 products × 20 clusters, on the
// built bundle in the local runtime against the simulator. Prints Ozon requests per method and modeled time.
import { demoShop } from '../test/support/shop';

export function benchOzonStock(products = 5000, clusters = 20): void {
  const setup = Date.now();
  const { rt, sim } = demoShop(
    { postings: 500, days: 30, products, clusters, seed: 1 },
    { timeZone: 'Europe/Moscow' },
  );
  sim.setValidateRequests(false);
  const cells = sim.fboStock.cells.size;
  process.stderr.write(
    `Ozon stock of ${products} products × ${clusters} clusters (${cells} cells) in ${Date.now() - setup} ms\n`,
  );
  const rows: Record<string, unknown>[] = [];
  for (let run = 1; run <= 6; run++) {
    rt.resetCounters();
    sim.resetStats();
    const cpu = process.cpuUsage();
    const answer = rt.run<{
      ok: boolean;
      data?: { turnoverPending: number; cells: number };
      error?: { message: string };
    }>('refreshOzonStock');
    if (!answer.ok || !answer.data) throw new Error(`refreshOzonStock: ${answer.error?.message}`);
    const used = process.cpuUsage(cpu);
    const byPath = sim.stats.byPath;
    const c = rt.counters;
    rows.push({
      run,
      rows: answer.data.cells,
      ozonRequests: c.fetches,
      fetchAllRounds: c.fetchAllBatches,
      products: (byPath['/v3/product/list'] ?? 0) + (byPath['/v3/product/info/list'] ?? 0),
      clusters: byPath['/v1/cluster/list'] ?? 0,
      analyticsStocks: byPath['/v1/analytics/stocks'] ?? 0,
      turnover: byPath['/v1/analytics/turnover/stocks'] ?? 0,
      supplyRequests:
        (byPath['/v3/supply-order/list'] ?? 0) +
        (byPath['/v3/supply-order/get'] ?? 0) +
        (byPath['/v1/supply-order/bundle'] ?? 0),
      sheetsReads: c.sheetsReads,
      sheetsWrites: c.sheetsWrites,
      cellsWritten: c.cellsWritten,
      modeledS: Math.round(c.modeledMs / 100) / 10,
      cpuS: Math.round((used.user + used.system) / 1e5) / 10,
      turnoverPending: answer.data.turnoverPending,
    });
    if (answer.data.turnoverPending === 0) break;
    rt.clock.advance(60 * 60_000); // the next refresh, an hour later
  }
  console.log(
    `\nRefresh Ozon stock & replenishment: ${products} products × ${clusters} clusters (one row per run)\n`,
  );
  console.table(rows);
  console.log(
    'turnover: Ozon allows one request a minute, so what does not fit in one run continues at the next refresh.',
  );
}
