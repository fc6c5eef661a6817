// Discount requests: buyers asking for a lower price, each with the profit and margin at the price
// asked, and Approve (optionally at another price) or Decline. An approval at a loss needs the
// "Approve below cost" tick; the server checks it against fresh prices and costs either way.
import { DecideDiscountInput, type DiscountRequestView } from '../../src/shared/promotions-schema';
import { append, h, replaceChildren } from '../dom';
import { getLang, tr, trIssue } from '../i18n';
import { call, SidebarError } from '../rpc';
import { errorText, notice, whileBusy } from '../ui';
import type { View } from './types';

function when(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(getLang() === 'zh' ? 'zh-CN' : getLang(), {
        dateStyle: 'short',
        timeStyle: 'short',
      });
}

const amount = (n: number | null) => (n === null ? '—' : n.toFixed(2));

export const discountsView: View = {
  async render(root, _ctx, initialNotice) {
    const status = h('div', { class: 'status', attrs: { 'data-role': 'status' } });
    const message = h('div', { class: 'message', attrs: { 'data-role': 'message' } });
    const list = h('div', { attrs: { 'data-role': 'requests' } });
    const say = (kind: 'ok' | 'error' | 'info', text: string | null): void =>
      replaceChildren(message, text ? notice({ kind, text }) : null);
    const busy = <T>(text: string, work: () => Promise<T>) => whileBusy(root, status, text, work);

    const load = async (): Promise<void> => {
      await busy(tr('discounts.loading'), async () => {
        try {
          const data = await call('getDiscountRequests');
          replaceChildren(
            list,
            h('p', { class: 'gray', attrs: { 'data-role': 'count' } }, data.message),
            ...data.requests.map(card),
          );
        } catch (error) {
          say('error', errorText(error));
        }
      });
    };

    const card = (r: DiscountRequestView): HTMLElement => {
      const price = h('input', {
        attrs: {
          type: 'text',
          name: 'price',
          inputmode: 'decimal',
          autocomplete: 'off',
          value: amount(r.asked),
        },
      });
      const error = h('div', {
        class: 'field-error error',
        attrs: { 'data-field-error': 'price', role: 'alert' },
      });
      const tick = h('input', {
        attrs: { type: 'checkbox', name: 'confirmBelowCost', 'data-role': 'confirm' },
      });
      const confirm = h('label', { class: 'confirm' }, tick, ' ', tr('discounts.confirm'));
      const margin =
        r.profit === null
          ? tr('discounts.marginUnknown')
          : r.profit < 0
            ? tr('discounts.loss', { loss: amount(-r.profit), currency: r.currency, basis: r.basis })
            : tr('discounts.margin', {
                profit: amount(r.profit),
                margin: r.margin === null ? '—' : String(r.margin),
                currency: r.currency,
                basis: r.basis,
              });
      const item = h(
        'div',
        {
          class: 'card',
          attrs: { 'data-request': String(r.id), 'data-needs-confirm': String(r.needsConfirm) },
        },
        h('div', { class: 'strong' }, r.name || r.offerId || r.sku),
        h('div', { class: 'gray' }, [r.offerId, r.sku].filter(Boolean).join(' · ')),
        h(
          'div',
          { attrs: { 'data-role': 'asked' } },
          tr('discounts.asked', {
            asked: amount(r.asked),
            price: amount(r.price),
            currency: r.currency,
            quantity: r.quantity ?? 1,
          }),
        ),
        h('div', { class: r.needsConfirm ? 'error' : '', attrs: { 'data-role': 'margin' } }, margin),
        h('div', { class: 'gray' }, tr('discounts.deadline', { deadline: when(r.endAt) })),
        h('label', { class: 'form-group field' }, h('span', {}, tr('discounts.price')), price),
        error,
        r.needsConfirm ? confirm : null,
      );
      const decide = (decision: 'approve' | 'decline') => {
        error.textContent = '';
        const input: DecideDiscountInput = {
          taskId: r.id,
          decision,
          ...(decision === 'approve' ? { price: price.value } : {}),
          confirmBelowCost: tick.checked,
        };
        const checked = DecideDiscountInput.safeParse(input);
        if (!checked.success) {
          const issue = checked.error.issues[0];
          error.textContent = trIssue(issue.message, String(issue.path[0] ?? ''));
          return;
        }
        let decided = false;
        void busy(tr('sidebar.working'), async () => {
          try {
            const result = await call('decideDiscountRequest', input);
            say('ok', result.message);
            decided = true;
          } catch (e) {
            // A refusal about this card (price, the below-cost tick) is shown on it, the rest on top.
            if (e instanceof SidebarError && (e.field === 'price' || e.field === 'confirmBelowCost')) {
              error.textContent = e.message;
              if (e.field === 'confirmBelowCost' && !confirm.isConnected) item.insertBefore(confirm, buttons);
              say('error', null);
            } else say('error', errorText(e));
          }
        }).then(() => (decided ? load() : undefined));
      };
      const buttons = h(
        'div',
        { class: 'buttons' },
        h(
          'button',
          {
            class: 'action',
            attrs: { type: 'button', 'data-action': 'approve' },
            onClick: () => decide('approve'),
          },
          tr('discounts.approve'),
        ),
        h(
          'button',
          { attrs: { type: 'button', 'data-action': 'decline' }, onClick: () => decide('decline') },
          tr('discounts.decline'),
        ),
      );
      append(item, buttons);
      return item;
    };

    const refresh = h(
      'button',
      { attrs: { type: 'button', 'data-action': 'refresh' }, onClick: () => void load() },
      tr('discounts.refresh'),
    );
    append(
      root,
      h('h1', {}, tr('discounts.title')),
      message,
      h('div', { class: 'buttons' }, refresh),
      status,
      list,
    );
    if (initialNotice) say(initialNotice.kind, initialNotice.text);
    await load();
  },
};
