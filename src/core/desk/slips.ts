// Packing slips: one printable page per posting (order number, items, quantities, a space for the
// seller's notes) in the seller's language. Every value is HTML-escaped: names come from buyers and
// product cards and may hold markup.
import { t, type Lang } from '../i18n/messages';

export interface Slip {
  posting: string;
  orderNumber: string;
  /** Already formatted for display (spreadsheet zone). */
  orderedAt: string;
  shipBy: string;
  deliveryMethod: string;
  buyer: string;
  address: string;
  note: string;
  lines: { offerId: string; name: string; quantity: number }[];
}

export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
body{font-family:Arial,sans-serif;font-size:13px;color:#202124;margin:0}
.toolbar{padding:8px 12px;border-bottom:1px solid #dadce0}
.slip{padding:16px 20px;page-break-after:always;break-after:page}
.slip:last-child{page-break-after:auto;break-after:auto}
h2{font-size:18px;margin:0 0 4px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}
dt{color:#5f6368}dd{margin:0}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid #dadce0;padding:4px 6px;text-align:left;vertical-align:top}
td.qty,th.qty{text-align:right;width:60px}
.notes{border:1px dashed #9aa0a6;min-height:90px;padding:6px;margin-top:8px}
@media print{.toolbar{display:none}}
`;

export function slipsHtml(lang: Lang, slips: readonly Slip[]): string {
  const e = escapeHtml;
  const row = (label: string, value: string) => (value ? `<dt>${e(label)}</dt><dd>${e(value)}</dd>` : '');
  const pages = slips.map((s) => {
    const units = s.lines.reduce((n, l) => n + l.quantity, 0);
    const lines = s.lines
      .map(
        (l) =>
          `<tr><td>${e(l.offerId)}</td><td>${e(l.name)}</td><td class="qty">${e(l.quantity)}</td><td class="qty">&#9744;</td></tr>`,
      )
      .join('');
    return (
      `<section class="slip" data-posting="${e(s.posting)}">` +
      `<h2>${e(t(lang, 'desk.slip.heading', { orderNumber: s.orderNumber || s.posting }))}</h2>` +
      `<dl>${row(t(lang, 'desk.field.posting'), s.posting)}${row(t(lang, 'desk.field.orderedAt'), s.orderedAt)}` +
      `${row(t(lang, 'desk.field.shipBy'), s.shipBy)}${row(t(lang, 'desk.field.delivery'), s.deliveryMethod)}` +
      `${row(t(lang, 'desk.field.buyer'), s.buyer)}${row(t(lang, 'desk.field.address'), s.address)}</dl>` +
      `<table><thead><tr><th>${e(t(lang, 'desk.field.offerId'))}</th><th>${e(t(lang, 'desk.field.product'))}</th>` +
      `<th class="qty">${e(t(lang, 'desk.field.quantity'))}</th><th class="qty">${e(t(lang, 'desk.slip.packed'))}</th></tr></thead>` +
      `<tbody>${lines}</tbody></table>` +
      `<div>${e(t(lang, 'desk.slip.units', { units }))}</div>` +
      `<div class="notes"><strong>${e(t(lang, 'desk.slip.notes'))}</strong>${s.note ? `<div>${e(s.note)}</div>` : ''}</div>` +
      `</section>`
    );
  });
  return (
    `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : lang}"><head><meta charset="utf-8"><base target="_top">` +
    `<style>${STYLE}</style></head><body>` +
    `<div class="toolbar"><button type="button" onclick="window.print()">${e(t(lang, 'desk.slip.print'))}</button></div>` +
    pages.join('') +
    `</body></html>`
  );
}
