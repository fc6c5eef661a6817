// Inventory costs at scale, for `npm run bench` (or run directly:
// `node -r ./scripts/ts-register.cjs test/integration/inventory-bench.ts`): 5,000 products and 50,000
// postings in the runtime with the simulator; prints Sheets calls, cells and modeled/wall time.
import path from 'node:path';
import { createRuntime } from '../../runtime';
import { createSimulator } from '../../simulator';
import { API_KEY_KEY, CLIENT_ID_KEY } from '../../src/settings/credentials';

export interface InventoryBenchFigures {
  products: number;
  postings: number;
  syncRuns: number;
  step: string;
  wallMs: number;
  modeledMs: number;
  counters: Record<string, number>;
  moves: number;
  inventoryRows: number;
}

export function benchInventory(products = 5000, postings = 50_000): InventoryBenchFigures[] {
  const now = Date.parse('2026-11-20T09:00:00Z');
  const sim = createSimulator({ seed: 3, products, postings, days: 90, now });
  const rt = createRuntime({
    distDir: path.resolve(__dirname, '../../dist'),
    fetch: (req) => sim.handle(req),
    startTime: now,
  });
  sim.setClock(() => rt.clock.now());
  rt.properties.user.set(CLIENT_ID_KEY, sim.credentials.clientId);
  rt.properties.user.set(API_KEY_KEY, sim.credentials.apiKey);
  rt.properties.document.set('ODESK_LOOKBACK_DAYS', '120');
  let syncRuns = 0;
  for (; syncRuns < 40; syncRuns++) {
    const r = rt.run<{ ok: boolean; data?: { result?: string } }>('syncOrders');
    if (!r.ok || r.data?.result === 'done') break;
  }
  const figures: InventoryBenchFigures[] = [];
  const measure = (step: string, fn: string) => {
    rt.resetCounters();
    const started = Date.now();
    const result = rt.run<{ ok: boolean; error?: { message: string } }>(fn);
    if (!result.ok) throw new Error(`${fn}: ${result.error?.message}`);
    const counters = rt.counters as unknown as Record<string, number>;
    figures.push({
      products,
      postings,
      syncRuns: syncRuns + 1,
      step,
      wallMs: Date.now() - started,
      modeledMs: counters.modeledMs,
      counters,
      moves: rt.spreadsheet.byName('Stock moves')?.lastRow() ?? 0,
      inventoryRows: rt.spreadsheet.byName('Inventory')?.lastRow() ?? 0,
    });
  };
  measure('import products (opening counts + shipment moves)', 'importProducts');
  measure('refresh after import (import already derived the shipments)', 'refreshInventory');
  measure('refresh again (nothing new)', 'refreshInventory');
  measure('push stock (all offers)', 'pushStockToOzon');
  return figures;
}

if (require.main === module) {
  const products = Number(process.argv[2] ?? 5000);
  const postings = Number(process.argv[3] ?? 50_000);
  for (const f of benchInventory(products, postings)) {
    const c = f.counters;
    const calls = Object.entries(c)
      .filter(([k, v]) => k !== 'modeledMs' && typeof v === 'number' && v > 0)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    console.log(
      `inventory ${f.products} products / ${f.postings} postings (orders synced in ${f.syncRuns} runs) — ${f.step}: wall ${f.wallMs} ms, ` +
        `modeled ${Math.round(f.modeledMs)} ms, ledger rows ${f.moves}, inventory rows ${f.inventoryRows}; ${calls}`,
    );
  }
}
