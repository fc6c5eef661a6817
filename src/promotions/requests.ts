// Buyers' discount requests (Ozon's /v2 list): the Discount requests tab with the margin at the price
// asked, and the seller's Approve / Decline applied with the same server-side guard as joining an
// action (never at a loss without the row's confirmation). Deciding is not idempotent: a lost answer
// is settled by reading the requests again.
import { describeError } from '../app/handler';
import { readTabs, writeRequests } from '../adapters/workbook';
import { minorToNumber, numberToMinor, parseMinor } from '../core/finance/minor';
import type { Lang, MessageKey } from '../core/i18n/messages';
import { isConfirmed } from '../core/promotions/plan';
import { discountRequestsSpec, readDecision } from '../core/promotions/requests';
import { landTables } from '../core/table/land';
import { applySetup, prepareTab, type PreparedTab } from '../core/table/snapshot';
import type { RowValues, TableSpec } from '../core/table/spec';
import type { OzonClient } from '../ozon/client';
import { OzonUnclearError } from '../ozon/errors';
import { productPrices, type MarginBook, type ProductPrice } from './margin';

type L = (k: MessageKey, p?: Record<string, string | number>) => string;
type Task = ReturnType<OzonClient['discountTasks']>['items'][number];

const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const money = (minor: number | null | undefined) =>
  minor === null || minor === undefined ? null : minorToNumber(minor);
const body = (tab: PreparedTab) => tab.snapshot.values.slice(1);
const toMinor = (v: number | null | undefined) => (typeof v === 'number' ? numberToMinor(v) : null);

function openTab(): PreparedTab {
  const tab = prepareTab(readTabs([discountRequestsSpec]).get(discountRequestsSpec.tab)!);
  if (tab.setup.length) {
    writeRequests(tab.setup);
    applySetup(tab);
  }
  return tab;
}

const sheets = { readTabs: (specs: readonly TableSpec[]) => readTabs(specs), write: writeRequests };

/**
 * Lands rows by request ID. `read`: the tab as read with nothing asked of Ozon since; without it the
 * tab is read again right before the write (the seller may have sorted, inserted or deleted).
 * `updateOnly`: results for rows the tab holds; a row the seller deleted meanwhile is not re-added.
 */
function write(rows: RowValues[], read?: PreparedTab, updateOnly = false): void {
  landTables(
    sheets,
    [{ spec: discountRequestsSpec, rows, updateOnly }],
    read ? new Map([[discountRequestsSpec.tab, read.snapshot]]) : undefined,
  );
}

/** SKU → the product's price facts (offer, currency, listed fee rates). */
export function bySku(client: OzonClient, skus: readonly number[]): Map<number, ProductPrice> {
  const out = new Map<number, ProductPrice>();
  if (!skus.length) return out;
  const info = client.productInfo({ sku: [...new Set(skus)] });
  const prices = productPrices(
    client,
    info.map((p) => p.id),
  );
  for (const p of info) {
    const price = prices.get(p.id);
    const skusOf = [p.sku, ...p.sources.map((s) => s.sku)].filter((x): x is number => typeof x === 'number');
    if (price) for (const sku of skusOf) out.set(sku, price);
  }
  return out;
}

export const statusText = (status: string | null | undefined, L: L) =>
  status === 'NEW'
    ? L('requests.status.new')
    : status === 'APPROVED'
      ? L('requests.status.approved')
      : status === 'DECLINED'
        ? L('requests.status.declined')
        : cellText(status);

/** Rewrites the Discount requests tab from Ozon; returns how many requests are open. */
export function refreshDiscountRequests(
  client: OzonClient,
  book: MarginBook,
  L: L,
  serial: (ms: number | null) => number | null,
): number {
  const tasks = client.discountTasks('ALL').items;
  const products = bySku(
    client,
    tasks.map((x) => x.sku),
  );
  const tab = openTab();
  const rows: RowValues[] = tasks.map((x) => {
    const p = products.get(x.sku);
    const asked = toMinor(x.requested_price);
    const found =
      p && asked !== null
        ? book.at(p.offerId, p.listed, asked, p.currency)
        : { profit: null, basis: 'none' as const };
    const when = (iso: string | null | undefined) =>
      iso && Date.parse(iso) > 0 ? serial(Date.parse(iso)) : null;
    return {
      task_id: String(x.id),
      created_at: when(x.created_at),
      end_at: when(x.end_at),
      sku: String(x.sku),
      offer_id: p?.offerId ?? '',
      name: x.name ?? '',
      status: statusText(x.status, L),
      original_price: money(toMinor(x.original_price)),
      requested_price: money(asked),
      quantity: x.requested_quantity_max ?? null,
      currency: p?.currency ?? '',
      unit_cost: money(found.profit?.cost),
      profit: money(found.profit?.profit),
      margin: found.profit?.margin ?? null,
      fee_basis: L(`promotions.basis.${found.basis}` as MessageKey),
      checked_at: serial(Date.now()),
    };
  });
  write(rows, tab);
  return tasks.filter((x) => x.status === 'NEW').length;
}

export interface DecisionCounts {
  approved: number;
  declined: number;
  refused: number;
  failed: number;
}

/** Applies the Approve / Decline marks of open requests; one result per marked row. */
export function applyDiscountDecisions(
  client: () => OzonClient,
  book: () => MarginBook,
  L: L,
  lang: Lang,
  serial: (ms: number | null) => number | null,
): DecisionCounts {
  const counts: DecisionCounts = { approved: 0, declined: 0, refused: 0, failed: 0 };
  const tab = openTab();
  const pos = (k: string) => tab.positions.get(k) as number;
  const marked: { id: number; kind: 'approve' | 'decline'; price: number | null; confirmed: boolean }[] = [];
  const results = new Map<number, { text: string; status?: string }>();
  for (const row of body(tab)) {
    const id = Number(cellText(row[pos('task_id')]));
    const decision = readDecision(row[pos('decision')]);
    if (!id || decision === null) continue;
    if (decision === 'unknown') {
      results.set(id, {
        text: L('requests.result.unknownChoice', { value: cellText(row[pos('decision')]) }),
      });
      counts.refused++;
      continue;
    }
    const typed = cellText(row[pos('approve_price')]);
    marked.push({
      id,
      kind: decision,
      price: typed ? parseMinor(row[pos('approve_price')]) : null,
      confirmed: isConfirmed(row[pos('confirm')]),
    });
  }
  if (marked.length) {
    const ozon = client();
    const open = new Map<number, Task>();
    const all = new Map<number, Task>();
    for (const x of ozon.discountTasks('ALL').items) {
      all.set(x.id, x);
      if (x.status === 'NEW') open.set(x.id, x);
    }
    const products = bySku(
      ozon,
      [...open.values()].map((x) => x.sku),
    );
    const margins = book();
    const approvals: { id: number; price: number; quantity: number }[] = [];
    const declines: number[] = [];
    for (const m of marked) {
      const task = open.get(m.id);
      if (!task) {
        const status = all.get(m.id)?.status;
        results.set(m.id, {
          text: L('requests.result.notOpen', { status: statusText(status, L) || '—' }),
          ...(status ? { status: statusText(status, L) } : {}),
        });
        counts.refused++;
        continue;
      }
      if (m.kind === 'decline') {
        declines.push(m.id);
        continue;
      }
      const price = m.price ?? toMinor(task.requested_price);
      if (price === null || price <= 0) {
        results.set(m.id, { text: L('promotions.result.badPrice') });
        counts.refused++;
        continue;
      }
      const p = products.get(task.sku);
      const profit = p ? margins.at(p.offerId, p.listed, price, p.currency).profit : null;
      if (!m.confirmed && (!profit || profit.profit === null || profit.profit < 0)) {
        const loss = profit?.profit;
        results.set(m.id, {
          text:
            loss === null || loss === undefined
              ? L('requests.result.costUnknown')
              : L('requests.result.belowCost', { profit: minorToNumber(Math.abs(loss)).toFixed(2) }),
        });
        counts.refused++;
        continue;
      }
      approvals.push({ id: m.id, price, quantity: Math.max(1, task.requested_quantity_max ?? 1) });
    }
    const decideBatch = (kind: 'approve' | 'decline', ids: number[], call: () => Map<number, string>) => {
      if (!ids.length) return;
      const doneText = kind === 'approve' ? L('requests.result.approved') : L('requests.result.declined');
      const doneStatus = kind === 'approve' ? L('requests.status.approved') : L('requests.status.declined');
      try {
        const failed = call();
        for (const id of ids) {
          const why = failed.get(id);
          if (why === undefined) {
            results.set(id, { text: doneText, status: doneStatus });
            if (kind === 'approve') counts.approved++;
            else counts.declined++;
          } else {
            results.set(id, { text: L('promotions.result.rejected', { reason: why }) });
            counts.failed++;
          }
        }
      } catch (error) {
        if (!(error instanceof OzonUnclearError)) {
          const d = describeError(error, lang);
          for (const id of ids)
            results.set(id, { text: L('promotions.result.failed', { reason: d.ok ? '' : d.error.message }) });
          counts.failed += ids.length;
          return;
        }
        // The answer was lost: the requests' status now is what happened.
        let now: Map<number, Task>;
        try {
          now = new Map(ozon.discountTasks('ALL').items.map((x) => [x.id, x] as const));
        } catch {
          for (const id of ids) results.set(id, { text: L('promotions.result.unknown') });
          counts.failed += ids.length;
          return;
        }
        const want = kind === 'approve' ? 'APPROVED' : 'DECLINED';
        for (const id of ids) {
          if (now.get(id)?.status === want) {
            results.set(id, {
              text: L('promotions.result.confirmedAfterLoss', { what: doneText }),
              status: doneStatus,
            });
            if (kind === 'approve') counts.approved++;
            else counts.declined++;
          } else {
            results.set(id, { text: L('promotions.result.notDoneAfterLoss') });
            counts.failed++;
          }
        }
      }
    };
    decideBatch(
      'approve',
      approvals.map((a) => a.id),
      () =>
        ozon.approveDiscountTasks(
          approvals.map((a) => ({
            id: a.id,
            approved_price: minorToNumber(a.price),
            approved_quantity_min: 1,
            approved_quantity_max: a.quantity,
          })),
        ).failed,
    );
    decideBatch('decline', declines, () => ozon.declineDiscountTasks(declines.map((id) => ({ id }))).failed);
  }
  const checked = serial(Date.now());
  write(
    [...results].map(([id, r]) => ({
      task_id: String(id),
      result: r.text,
      checked_at: checked,
      ...(r.status ? { status: r.status } : {}),
    })),
    undefined,
    true,
  );
  return counts;
}

/**
 * A decision made in the sidebar, shown in the Discount requests tab when the seller has it: the
 * row is found by its request ID at the write (read right before it), and nothing else changes.
 */
export function recordDecision(id: number, status: string, result: string, checkedAt: number | null): void {
  const snapshot = readTabs([discountRequestsSpec]).get(discountRequestsSpec.tab);
  if (!snapshot || !snapshot.exists) return;
  const tab = prepareTab(snapshot);
  const keyCol = tab.positions.get('task_id');
  if (keyCol === undefined || !body(tab).some((row) => cellText(row[keyCol]) === String(id))) return;
  if (tab.setup.length) {
    writeRequests(tab.setup);
    applySetup(tab);
  }
  write([{ task_id: String(id), status, result, checked_at: checkedAt }], tab, true);
}
