// Point 1, Ozon stock refresh: the seller sorts, inserts or deletes rows of Ozon stock and Replenishment
// while a refresh works. A hook makes one such edit between every pair of the refresh's service calls
// (from the lock it reads the tabs under), while the refresh both updates rows and deletes the
// rows of products archived at Ozon. After each refresh every row holds its own key's figures, no
// stale row is left, the seller's typed targets stay on their rows, and the next refresh repairs the rest.
import { demoShop, tabRecords, type DemoShop } from '../../support/shop';
import { insertRows, setCell, sortBy } from '../../support/seller';

jest.setTimeout(900_000);

type Edit = 'sort' | 'insert' | 'delete';
const TABS = ['Ozon stock', 'Replenishment'] as const;

function refresh(shop: DemoShop) {
  const r = shop.rt.run<{ ok: boolean; error?: { message: string } }>('refreshOzonStock');
  if (!r.ok) throw new Error(`refreshOzonStock: ${r.error?.message}`);
}

/** Deletes 1-based row `row` of a tab (clamped to the data rows) and remembers the key it held. */
function deleteKeyed(shop: DemoShop, tab: string, row: number, deleted: Set<string>) {
  const values = shop.rt.spreadsheet.sheet(tab).values() as unknown[][];
  const keyCol = (values[0] as string[]).indexOf('Row key');
  const last = values.length;
  if (last < 2) return;
  const at = Math.max(2, Math.min(row, last));
  const key = String(values[at - 1]?.[keyCol] ?? '');
  if (key) deleted.add(key);
  shop.rt.asUser((g) => g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab)!.deleteRow(at));
}

function edit(shop: DemoShop, kind: Edit, k: number, deleted: Set<string>) {
  for (const tab of TABS) {
    if (kind === 'sort') sortBy(shop.rt, tab, k % 2 ? 'Available' : 'Product name', k % 4 < 2);
    else if (kind === 'insert') insertRows(shop.rt, tab, 2 + ((k * 7) % 20), 1 + (k % 3));
    else deleteKeyed(shop, tab, 2 + ((k * 11) % 30), deleted);
  }
}

/**
 * Problems in Ozon stock and Replenishment against the simulator: each keyed row holds the figures
 * of its own SKU × cluster, once; rows without a key hold none of the add-on's cells; archived
 * products' rows are gone; a typed target stays on its row. `mayMiss` rows may be missing.
 */
function stockProblems(
  shop: DemoShop,
  typed: ReadonlyMap<string, number>,
  sellerDeleted: ReadonlySet<string>,
  mayMiss = 0,
): string[] {
  const { sim } = shop;
  const fbo = sim.fboStock;
  const problems: string[] = [];
  const live = [...fbo.cells.values()].filter((c) => !sim.state.productsBySku.get(c.sku)!.archived);
  const cellOf = (sku: string, cluster: string) => fbo.cells.get(`${sku}:${cluster}`);
  const clusterName = (id: number) => fbo.clusters.find((k) => k.id === id)!.name;
  for (const tab of TABS) {
    const seen = new Set<string>();
    for (const row of tabRecords(shop.rt, tab)) {
      const key = String(row['Row key']);
      if (!key) {
        if (row['SKU'] !== '' || row['Available'] !== '' || row['Offer ID'] !== '')
          problems.push(`${tab}: a row without a key holds ${String(row['Offer ID'])}/${String(row['SKU'])}`);
        continue;
      }
      if (seen.has(key)) problems.push(`${tab}: ${key} twice`);
      seen.add(key);
      const [first, cluster] = key.split('/');
      const sku = tab === 'Ozon stock' ? first : String(sim.state.productsByOffer.get(first)?.sku ?? '');
      const c = cellOf(sku, cluster);
      const product = sim.state.productsBySku.get(Number(sku));
      if (!c || !product) {
        problems.push(`${tab}: ${key} is no stock cell at Ozon`);
        continue;
      }
      if (product.archived) problems.push(`${tab}: ${key} of an archived product is still there`);
      if (String(row['SKU']) !== String(c.sku) || String(row['Offer ID']) !== product.offerId)
        problems.push(`${tab}: ${key} holds ${String(row['Offer ID'])}/${String(row['SKU'])}`);
      if (row['Available'] !== c.available)
        problems.push(`${tab}: ${key} available ${String(row['Available'])}, Ozon ${c.available}`);
      if (row['Cluster'] !== clusterName(c.clusterId))
        problems.push(`${tab}: ${key} cluster ${String(row['Cluster'])}`);
      if (tab === 'Replenishment') {
        const want = typed.get(key);
        const got = row['Target cover, days'];
        if (want === undefined ? got !== '' : got !== want && !(sellerDeleted.has(key) && got === ''))
          problems.push(`${tab}: ${key} has target ${String(got)}, typed ${String(want ?? '')}`);
      }
    }
    const missing = live.filter((c) => {
      const offer = sim.state.productsBySku.get(c.sku)!.offerId;
      return !seen.has(tab === 'Ozon stock' ? `${c.sku}/${c.clusterId}` : `${offer}/${c.clusterId}`);
    }).length;
    if (missing > mayMiss) problems.push(`${tab}: ${missing} rows missing`);
  }
  return problems;
}

describe('Ozon stock refresh while the seller edits its tabs', () => {
  test('a sort, an insert and a delete between every pair of service calls, with stale rows deleted', () => {
    const shop = demoShop({ postings: 40, products: 30, clusters: 4 });
    const { rt, sim } = shop;
    expect(rt.run<{ ok: boolean }>('importProducts').ok).toBe(true);
    refresh(shop);
    const typed = new Map<string, number>();
    const sellerDeleted = new Set<string>();
    for (const [i, row] of tabRecords(rt, 'Replenishment').slice(0, 12).entries()) {
      const key = String(row['Row key']);
      typed.set(key, 30 + i);
      setCell(rt, 'Replenishment', 'Row key', key, 'Target cover, days', 30 + i);
    }
    rt.clock.advance(120_000);
    refresh(shop);
    expect(stockProblems(shop, typed, sellerDeleted)).toEqual([]);

    // Ozon's figures move and products leave, so every refresh updates and deletes rows.
    const targeted = new Set([...typed.keys()].map((key) => key.split('/')[0]));
    const products = sim.state.products.filter(
      (p) => !p.archived && !targeted.has(p.offerId) && sim.fboStock.cellsOf(p.sku).length,
    );
    let next = 0;
    const change = (k: number) => {
      const p = products[next++ % products.length];
      p.archived = !p.archived;
      for (const c of [...sim.fboStock.cells.values()].filter((_c, i) => i % 5 === k % 5)) c.available += 1;
    };

    // Where the refresh's calls are, and where it first reads the sheet.
    change(0);
    rt.clock.advance(120_000);
    const kinds: string[] = [];
    rt.onServiceCall((call) => kinds.push(call.kind));
    refresh(shop);
    rt.onServiceCall(undefined);
    // The tabs are read under the document lock, after Ozon: an edit before it is an edit before the run.
    const firstRead = kinds.indexOf('lock');
    expect(firstRead).toBeGreaterThan(0);
    expect(kinds.length - firstRead).toBeGreaterThan(2);

    for (let k = firstRead; k <= kinds.length + 1; k++) {
      for (const kind of ['sort', 'insert', 'delete'] as const) {
        change(k);
        rt.clock.advance(120_000);
        rt.onServiceCall((call) => {
          if (call.index === k) edit(shop, kind, k, sellerDeleted);
        });
        refresh(shop);
        rt.onServiceCall(undefined);
        const label = `${kind} after call ${k}`;
        // A row the seller deletes after the refresh's last read is the seller's act after the run.
        expect([label, stockProblems(shop, typed, sellerDeleted, kind === 'delete' ? 1 : 0)]).toEqual([
          label,
          [],
        ]);
        rt.clock.advance(120_000);
        refresh(shop);
        expect([`${label}, next refresh`, stockProblems(shop, typed, sellerDeleted)]).toEqual([
          `${label}, next refresh`,
          [],
        ]);
      }
    }
  });
});
