// The pick list: what to take from which warehouse shelf for every verified order awaiting packaging.
import type { AppContext } from '../app/context';
import { t, type Lang, type MessageKey } from '../core/i18n/messages';
import { pickRows, type PickLine } from '../core/desk/picklist';
import { READY_TO_PACK } from '../core/desk/rules';
import { reportHeight, reportTabRequests } from '../core/reports/requests';
import { rewriteTabs } from '../core/reports/rewrite';
import type { ReportSpec } from '../core/reports/specs';
import type { TableSpec } from '../core/table/spec';
import type { ActionResult } from '../shared/desk-schema';
import { env, tr } from './env';
import type { DeskHost } from './host';
import { readDesk } from './workbook';

export const PICK_TAB = 'Pick list';

function pickSpec(lang: Lang): ReportSpec {
  const col = (key: string, header: MessageKey, kind: 'text' | 'id' | 'int', width: number) => ({
    key,
    header: t(lang, header),
    kind,
    role: 'sync' as const,
    width,
  });
  return {
    tab: PICK_TAB,
    columns: [
      col('warehouse', 'desk.field.warehouse', 'text', 150),
      col('offer_id', 'desk.field.offerId', 'id', 120),
      col('name', 'desk.field.product', 'text', 280),
      col('quantity', 'desk.field.quantity', 'int', 80),
      col('picked', 'desk.pick.picked', 'text', 70),
      col('count', 'desk.pick.postings', 'int', 80),
      col('postings', 'desk.pick.postingList', 'text', 320),
    ],
  };
}

export function buildPickList(
  ctx: AppContext,
  host?: DeskHost,
): ActionResult & { offers: number; units: number } {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    const lines: PickLine[] = [];
    let postings = 0;
    const needData: string[] = [];
    for (const { order } of book.records.values()) {
      if (order.state !== 'verified' || order.status !== READY_TO_PACK) continue;
      // Ozon refuses to pack these until the seller gives the data it needs: not worth picking yet.
      if (order.needsData) {
        needData.push(order.posting);
        continue;
      }
      postings++;
      for (const l of order.lines)
        lines.push({
          posting: order.posting,
          warehouse: order.warehouse,
          offerId: l.offerId,
          sku: l.sku,
          name: l.name,
          quantity: l.quantity,
        });
    }
    const rows = pickRows(lines);
    const spec = pickSpec(ctx.lang);
    const tableSpec: TableSpec = { tab: spec.tab, key: 'offer_id', columns: spec.columns };
    const cells = rows.map((r) => [
      r.warehouse,
      r.offerId,
      r.name,
      r.quantity,
      '',
      r.postings.length,
      r.postings.join(', '),
    ]);
    // The tab as it is right before the write, read again when the seller's edits refuse it.
    rewriteTabs(
      { read: () => e.host.readTabs([tableSpec]).get(PICK_TAB)!, write: (r) => e.host.write(r) },
      (tab) => {
        const state = {
          sheetId: tab.sheetId,
          exists: tab.exists,
          rowCount: tab.rowCount,
          columnCount: tab.columnCount,
          filter: null,
        };
        return {
          requests: reportTabRequests(spec, state, cells),
          fits: (after) => after.exists && after.rowCount === reportHeight(cells.length),
        };
      },
    );
    const units = rows.reduce((s, r) => s + r.quantity, 0);
    const picked = rows.length
      ? tr(e, 'desk.pick.done', { offers: rows.length, units, postings })
      : tr(e, 'desk.pick.empty');
    const message = needData.length
      ? `${picked} ${tr(e, 'desk.pick.skipped', { postings: needData.join(', ') })}`
      : picked;
    return { message, results: [], offers: rows.length, units };
  });
}
