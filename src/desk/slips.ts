// Packing slips for the selected orders, shown in a dialog to print.
import type { AppContext } from '../app/context';
import { AppError } from '../core/errors';
import { statusError } from '../core/desk/rules';
import { slipsHtml, type Slip } from '../core/desk/slips';
import type { ActionResult } from '../shared/desk-schema';
import { each, env, requireKnown, tr } from './env';
import type { DeskHost } from './host';
import { readDesk } from './workbook';

export function showPackingSlips(
  ctx: AppContext,
  input: { postings: string[] },
  host?: DeskHost,
): ActionResult {
  const e = env(ctx, host);
  const book = readDesk(e.host, ctx.lang);
  const slips: Slip[] = [];
  const results = each(e, input.postings, (posting) => {
    const record = requireKnown(book, posting);
    if (!record.order.actions.includes('slip')) throw statusError(record.facts, record.order.statusText);
    const o = record.order;
    slips.push({
      posting,
      orderNumber: o.orderNumber,
      orderedAt: o.orderedAtText,
      shipBy: o.shipByText,
      deliveryMethod: o.deliveryMethod,
      buyer: o.buyer,
      address: o.address,
      note: o.note,
      lines: o.lines.map((l) => ({ offerId: l.offerId, name: l.name, quantity: l.quantity })),
    });
    return { posting, ok: true, message: '' };
  });
  if (!slips.length) throw new AppError('desk.slips.none', 'error.desk.slips.none');
  e.host.showDialog(slipsHtml(ctx.lang, slips), tr(e, 'desk.slip.title', { count: slips.length }), 820, 640);
  const message = tr(e, 'desk.slip.shown', { count: slips.length });
  return { message, results: results.map((r) => (r.ok ? { ...r, message } : r)) };
}
