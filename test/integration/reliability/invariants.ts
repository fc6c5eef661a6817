// What must hold after any run, whatever the seller did to the sheet during it: every posting is in
// Orders once with Ozon's status, no Inventory cell sits on another offer's row, and the ledger holds
// no move Ozon did not cause. Shared by the edit-injection and the seeded property tests.
import { tabRecords, type DemoShop } from '../../support/shop';
import { SHIPPED_STATUSES } from '../../../src/core/orders/statuses';
import { CANCELLED_STATUSES } from '../../../src/core/inventory/ledger';

/** Problems found (empty when all is well), so a failing seed or edit point can name them. */
export function ordersProblems(shop: DemoShop, mayMiss = 0): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const row of tabRecords(shop.rt, 'Orders')) {
    const key = String(row['Posting number']);
    if (!key) continue;
    if (seen.has(key)) problems.push(`Orders: ${key} twice`);
    seen.set(key, String(row['Status code']));
  }
  const raw = shop.rt.properties.document.get('ODESK_SYNC_MARK');
  if (!raw) return problems;
  const asOf = Date.parse((JSON.parse(raw) as { to: string }).to);
  let missing = 0;
  for (const posting of shop.sim.state.postings.values()) {
    if (posting.lastChangedStatusDate > asOf) continue;
    const status = seen.get(posting.postingNumber);
    if (status === undefined) missing++;
    else if (status !== posting.status)
      problems.push(`Orders: ${posting.postingNumber} shows ${status}, Ozon ${posting.status}`);
  }
  if (missing > mayMiss) problems.push(`Orders: ${missing} postings missing`);
  for (const key of seen.keys())
    if (!shop.sim.state.postings.has(key)) problems.push(`Orders: ${key} is no posting at Ozon`);
  return problems;
}

function ozonPresent(shop: DemoShop, productId: number): number {
  let present = 0;
  for (const w of shop.sim.state.warehouses)
    present += shop.sim.state.stocks.get(`${productId}:${w.id}`)?.present ?? 0;
  return present;
}

/**
 * Inventory rows each belong to their offer: the product id is the offer's, on hand is the sum of the
 * offer's moves, available and difference follow from the row's own figures, and after a push the
 * "Ozon stock" and "Pushed stock" cells hold what Ozon has for that offer.
 */
export function inventoryProblems(
  shop: DemoShop,
  opts: { afterPush?: boolean; mayMiss?: number; notPushed?: ReadonlySet<string> } = {},
): string[] {
  const problems: string[] = [];
  const moves = tabRecords(shop.rt, 'Stock moves');
  const sums = new Map<string, number>();
  for (const m of moves)
    sums.set(String(m['Offer ID']), (sums.get(String(m['Offer ID'])) ?? 0) + Number(m['Quantity']));
  const seen = new Set<string>();
  for (const row of tabRecords(shop.rt, 'Inventory')) {
    const offer = String(row['Offer ID']);
    if (!offer) continue;
    if (seen.has(offer)) problems.push(`Inventory: ${offer} twice`);
    seen.add(offer);
    const product = shop.sim.state.productsByOffer.get(offer);
    if (!product) {
      problems.push(`Inventory: ${offer} is no offer at Ozon`);
      continue;
    }
    if (row['Product ID'] !== '' && String(row['Product ID']) !== String(product.productId))
      problems.push(`Inventory: ${offer} has product ${String(row['Product ID'])}`);
    if (Number(row['On hand']) !== (sums.get(offer) ?? 0))
      problems.push(`Inventory: ${offer} on hand ${String(row['On hand'])}, moves ${sums.get(offer) ?? 0}`);
    if (Number(row['Available']) !== Number(row['On hand']) - Number(row['Reserved']))
      problems.push(`Inventory: ${offer} available ${String(row['Available'])} ≠ on hand − reserved`);
    if (
      row['Ozon stock'] !== '' &&
      Number(row['Difference']) !== Number(row['On hand']) - Number(row['Ozon stock'])
    )
      problems.push(`Inventory: ${offer} difference ${String(row['Difference'])} ≠ on hand − Ozon stock`);
    if (opts.afterPush && !product.archived && !opts.notPushed?.has(offer)) {
      const present = ozonPresent(shop, product.productId);
      if (Number(row['Ozon stock']) !== present)
        problems.push(`Inventory: ${offer} Ozon stock ${String(row['Ozon stock'])}, Ozon has ${present}`);
      let reserved = 0;
      for (const w of shop.sim.state.warehouses)
        reserved += shop.sim.state.stocks.get(`${product.productId}:${w.id}`)?.reserved ?? 0;
      if (Number(row['Pushed stock']) !== present - reserved)
        problems.push(
          `Inventory: ${offer} pushed ${String(row['Pushed stock'])}, Ozon holds ${present - reserved}`,
        );
    }
  }
  const expected = [...shop.sim.state.products].filter((p) => !p.archived).length;
  if (seen.size < expected - (opts.mayMiss ?? 0))
    problems.push(`Inventory: ${expected - seen.size} offers missing`);
  return problems;
}

/** Every move of the ledger is the seller's own entry or one Ozon's postings call for, and only once. */
export function ledgerProblems(shop: DemoShop): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const m of tabRecords(shop.rt, 'Stock moves')) {
    const key = String(m['Move key']);
    if (keys.has(key)) problems.push(`Stock moves: ${key} twice`);
    keys.add(key);
    const [kind, postingNumber, ...rest] = key.split(':');
    if (kind !== 'shipment' && kind !== 'cancellation') continue;
    const offer = rest.join(':');
    const posting = shop.sim.state.postings.get(postingNumber);
    const quantity = (posting?.lines ?? [])
      .filter((l) => l.offerId === offer)
      .reduce((sum, l) => sum + l.quantity, 0);
    if (!posting || posting.scheme === 'fbo' || posting.scheme === 'fbp' || !quantity) {
      problems.push(`Stock moves: ${key} for nothing Ozon has`);
      continue;
    }
    const shipped = SHIPPED_STATUSES.has(posting.status);
    const cancelled = CANCELLED_STATUSES.has(posting.status);
    if (kind === 'shipment' && !shipped && !(cancelled && posting.packedAt !== null))
      problems.push(`Stock moves: ${key} but Ozon has ${posting.status}`);
    if (kind === 'shipment' && Number(m['Quantity']) !== -quantity)
      problems.push(`Stock moves: ${key} moves ${String(m['Quantity'])}, Ozon shipped ${quantity}`);
    if (kind === 'cancellation' && !cancelled)
      problems.push(`Stock moves: ${key} but Ozon has ${posting.status}`);
  }
  return problems;
}
