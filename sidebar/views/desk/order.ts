// One order as the desk shows it: state, deadline, items, buyer and delivery (rFBS), amount and
// payment, the seller's columns, and the checklist. Every value goes in as text (dom.h), never markup.
import { checklistComplete, requiredChecks } from '../../../src/core/desk/rules';
import type { CheckItem, DeskOrder, DeskState } from '../../../src/shared/desk-schema';
import { CHECK_ITEMS } from '../../../src/shared/desk-schema';
import type { MessageKey } from '../../../src/core/i18n/messages';
import { h, type Child } from '../../dom';
import { tr } from '../../i18n';
import { timeLeft } from './format';

const ALERT_STATES: ReadonlySet<DeskState> = new Set(['cancelled', 'split', 'changed', 'problem']);

function row(label: MessageKey, value: Child, role = ''): HTMLElement | null {
  if (value === '' || value === null || value === undefined) return null;
  return h(
    'div',
    { class: 'kv', attrs: role ? { 'data-field': role } : {} },
    h('span', { class: 'k' }, tr(label)),
    h('span', { class: 'v' }, value),
  );
}

export function stateBanner(order: DeskOrder): HTMLElement {
  const alert = ALERT_STATES.has(order.state);
  return h(
    'div',
    {
      class: `state ${alert ? 'state-alert' : `state-${order.state}`}`,
      attrs: { 'data-state': order.state },
    },
    tr(`desk.state.${order.state}` as MessageKey),
  );
}

function deadlineText(order: DeskOrder): Child {
  if (!order.shipBy) return '';
  const left = timeLeft(order);
  const overdue = order.msLeft !== null && order.msLeft < 0 && order.status === 'awaiting_packaging';
  return h(
    'span',
    { attrs: { 'data-role': 'deadline' } },
    order.shipByText,
    left ? h('span', { class: overdue ? 'error' : 'gray' }, ` (${left})`) : null,
  );
}

function labelLink(url: string): Child {
  if (!/^https:\/\//.test(url)) return url;
  return h(
    'a',
    { attrs: { href: url, target: '_blank', rel: 'noopener', 'data-role': 'label-link' } },
    tr('desk.label.open'),
  );
}

function itemsTable(order: DeskOrder): HTMLElement {
  return h(
    'table',
    { class: 'items', attrs: { 'data-role': 'items' } },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, tr('desk.field.offerId')),
        h('th', {}, tr('desk.field.product')),
        h('th', { class: 'num' }, tr('desk.field.quantity')),
      ),
    ),
    h(
      'tbody',
      {},
      ...order.lines.map((l) =>
        h(
          'tr',
          { attrs: { 'data-sku': l.sku } },
          h('td', { class: 'offer' }, l.offerId),
          h('td', { class: 'name' }, l.name),
          h('td', { class: 'num' }, String(l.quantity)),
        ),
      ),
    ),
  );
}

/** The full card of a single selected order. */
export function orderCard(order: DeskOrder): HTMLElement {
  const rfbs = order.schema.toLowerCase() === 'rfbs';
  return h(
    'section',
    { class: 'order', attrs: { 'data-posting': order.posting } },
    h(
      'div',
      { class: 'order-head' },
      h('strong', { attrs: { 'data-role': 'posting' } }, order.posting),
      ' ',
      h('span', { class: 'badge' }, order.schema),
    ),
    stateBanner(order),
    order.substatus === 'ship_failed'
      ? h(
          'div',
          { class: 'state state-alert', attrs: { 'data-role': 'ship-failed' } },
          tr('desk.shipFailed.notice'),
        )
      : null,
    order.needsData
      ? h(
          'div',
          { class: 'state state-alert', attrs: { 'data-role': 'needs-data' } },
          `${tr('desk.needs.title')}: ${order.needsData}`,
        )
      : null,
    row(
      'desk.field.status',
      order.statusText + (order.substatusText ? ` · ${order.substatusText}` : ''),
      'status',
    ),
    row('desk.field.shipBy', deadlineText(order), 'ship-by'),
    row('desk.field.orderNumber', order.orderNumber),
    row('desk.field.orderedAt', order.orderedAtText),
    itemsTable(order),
    rfbs || order.buyer ? row('desk.field.buyer', order.buyer, 'buyer') : null,
    row('desk.field.phone', order.buyerPhone),
    row('desk.field.address', order.address, 'address'),
    row('desk.field.delivery', order.deliveryMethod),
    row('desk.field.warehouse', order.warehouse),
    row('desk.field.total', order.totalText, 'total'),
    row('desk.field.payment', order.payment, 'payment'),
    row('desk.field.tracking', order.trackingNumber, 'tracking'),
    row('desk.field.carrier', order.carrier),
    row('desk.field.packages', order.packages === null ? '' : String(order.packages)),
    row('desk.field.cancelReason', order.cancelReason, 'cancel-reason'),
    row('desk.field.splitFrom', order.splitFrom),
    order.verified
      ? row(
          'desk.field.verified',
          tr('desk.verifiedBy', { who: order.verifiedBy || '—', when: order.verifiedAtText }),
          'verified',
        )
      : null,
    row('desk.field.problem', order.problem, 'problem'),
    row('desk.field.note', order.note, 'note'),
    row('desk.field.label', order.label ? labelLink(order.label) : '', 'label'),
    row('desk.field.act', order.act, 'act'),
  );
}

/** A line of the several-orders list. */
export function orderLine(order: DeskOrder): HTMLElement {
  return h(
    'li',
    { class: 'order-line', attrs: { 'data-posting': order.posting, 'data-state': order.state } },
    h('strong', {}, order.posting),
    ` · ${order.schema} · ${order.statusText}`,
    h(
      'div',
      { class: ALERT_STATES.has(order.state) ? 'error' : 'gray' },
      tr(`desk.state.${order.state}` as MessageKey),
    ),
  );
}

export interface Checklist {
  element: HTMLElement;
  ticked(): CheckItem[];
  complete(): boolean;
  onChange(fn: () => void): void;
}

/** The checks a careful seller goes through; items Ozon handles are ticked and disabled. */
export function checklistBox(orders: readonly DeskOrder[]): Checklist {
  const states = Object.fromEntries(
    CHECK_ITEMS.map((item) => {
      const all = orders.map((o) => o.checklist[item]);
      return [
        item,
        all.every((s) => s === 'na') ? 'na' : all.some((s) => s === 'missing') ? 'missing' : 'ok',
      ];
    }),
  ) as Record<CheckItem, 'ok' | 'missing' | 'na'>;
  const boxes = new Map<CheckItem, HTMLInputElement>();
  const listeners: (() => void)[] = [];
  const items = CHECK_ITEMS.map((item) => {
    const id = `check-${item}`;
    const box = h('input', { id, attrs: { type: 'checkbox', 'data-check': item } });
    if (states[item] === 'na') {
      box.checked = true;
      box.disabled = true;
    }
    box.addEventListener('change', () => listeners.forEach((fn) => fn()));
    boxes.set(item, box);
    const note =
      states[item] === 'na'
        ? h('span', { class: 'gray' }, ` (${tr('desk.check.na')})`)
        : states[item] === 'missing'
          ? h('span', { class: 'error' }, ` (${tr('desk.check.missing')})`)
          : null;
    return h(
      'div',
      { class: 'check' },
      box,
      h('label', { attrs: { for: id } }, ' ' + tr(`desk.check.${item}` as MessageKey)),
      note,
    );
  });
  const ticked = () => CHECK_ITEMS.filter((item) => boxes.get(item)?.checked && states[item] !== 'na');
  return {
    element: h(
      'fieldset',
      { class: 'checklist', attrs: { 'data-role': 'checklist' } },
      h('legend', {}, tr('desk.check.title')),
      ...items,
    ),
    ticked: () => requiredChecks(states).filter((i) => ticked().includes(i)),
    complete: () => checklistComplete(states, ticked()),
    onChange: (fn) => listeners.push(fn),
  };
}
