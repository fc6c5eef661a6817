// Inventory: record a receipt, write-off or count (offer, quantity, note), push stock to Ozon with
// per-item results, the "push after every sync" switch, and Update prices with a result per row.
import {
  EntryReason,
  StockMoveInput,
  type PushStockResult,
  type SharpCutPreview,
  type UpdatePricesResult,
} from '../../src/shared/inventory-schema';
import { append, h, replaceChildren } from '../dom';
import { tr, trIssue } from '../i18n';
import { call, SidebarError } from '../rpc';
import { button, errorText, type Field, field, notice, showFieldError, whileBusy } from '../ui';
import type { View } from './types';

type FieldName = 'offerId' | 'reason' | 'quantity' | 'note';

const KIND_LABELS = {
  receipt: 'inventory.kind.receipt',
  write_off: 'inventory.kind.write_off',
  count: 'inventory.kind.count',
} as const;

export const inventoryView: View = {
  async render(root, _ctx, initialNotice) {
    const status = h('div', { class: 'status', attrs: { 'data-role': 'status' } });
    const message = h('div', { class: 'message', attrs: { 'data-role': 'message' } });
    const say = (kind: 'ok' | 'error' | 'info', text: string | null): void =>
      replaceChildren(message, text ? notice({ kind, text }) : null);

    const offerId = h('input', {
      id: 'offerId',
      attrs: { type: 'text', name: 'offerId', autocomplete: 'off', spellcheck: 'false' },
    });
    const reason = h('select', { id: 'reason', attrs: { name: 'reason' } });
    for (const kind of EntryReason.options) {
      reason.appendChild(h('option', { attrs: { value: kind } }, tr(KIND_LABELS[kind])));
    }
    const quantity = h('input', {
      id: 'quantity',
      attrs: { type: 'text', name: 'quantity', inputmode: 'numeric', autocomplete: 'off' },
    });
    const note = h('input', { id: 'note', attrs: { type: 'text', name: 'note', autocomplete: 'off' } });
    const fields: Record<FieldName, Field> = {
      offerId: field('offerId', tr('inventory.form.offerId'), offerId),
      reason: field('reason', tr('inventory.form.reason'), reason),
      quantity: field('quantity', tr('inventory.form.quantity'), quantity),
      note: field('note', tr('inventory.form.note'), note),
    };
    const quantityLabel = fields.quantity.wrapper.querySelector('label');
    const relabel = (): void => {
      if (quantityLabel) {
        quantityLabel.textContent =
          reason.value === 'count' ? tr('inventory.form.quantityCount') : tr('inventory.form.quantity');
      }
    };
    reason.addEventListener('change', relabel);
    relabel();

    const clearErrors = (): void => {
      for (const f of Object.values(fields)) showFieldError(f, '');
    };
    const showError = (error: unknown): void => {
      if (error instanceof SidebarError && error.field && error.field in fields) {
        showFieldError(fields[error.field as FieldName], error.message);
        say('error', null);
      } else say('error', errorText(error));
    };

    const form = h('form', { attrs: { novalidate: '', autocomplete: 'off', 'data-role': 'entry' } });
    const save = button('record', tr('inventory.form.save'), { primary: true, submit: true });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void record();
    });
    const record = async (): Promise<void> => {
      clearErrors();
      say('error', null);
      const input: StockMoveInput = {
        offerId: offerId.value,
        reason: reason.value as StockMoveInput['reason'],
        quantity: quantity.value,
        note: note.value,
      };
      const checked = StockMoveInput.safeParse(input);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        const name = String(issue.path[0] ?? '');
        const text = trIssue(issue.message, name);
        if (name in fields) showFieldError(fields[name as FieldName], text);
        else say('error', text);
        return;
      }
      await whileBusy(root, status, tr('inventory.form.saving'), async () => {
        try {
          const result = await call('recordStockMove', input);
          quantity.value = '';
          note.value = '';
          say('ok', result.message);
        } catch (error) {
          showError(error);
        }
      });
    };

    const pushButton = button('push', tr('inventory.push.button'));
    const pushResults = h('div', { class: 'push-results', attrs: { 'data-role': 'push-results' } });
    // A push that would cut stock sharply for many products comes back unsent with what it would cut;
    // the seller confirms that very cut (its token) or leaves it.
    const push = (confirmCut?: string): void => {
      void whileBusy(root, status, tr('inventory.push.working'), async () => {
        replaceChildren(pushResults);
        try {
          const result = await call('pushStockToOzon', {
            source: 'sidebar',
            ...(confirmCut ? { confirmCut } : {}),
          });
          const cut = result.needsConfirmation;
          replaceChildren(
            pushResults,
            cut
              ? cutConfirmation(
                  result.message,
                  cut,
                  () => push(cut.token),
                  () => replaceChildren(pushResults),
                )
              : pushReport(result),
          );
        } catch (error) {
          replaceChildren(pushResults, notice({ kind: 'error', text: errorText(error) }));
        }
      });
    };
    pushButton.addEventListener('click', () => push());

    const pricesButton = button('update-prices', tr('prices.sidebar.button'));
    const priceResults = h('div', { attrs: { 'data-role': 'price-results' } });
    pricesButton.addEventListener('click', () => {
      void whileBusy(root, status, tr('prices.sidebar.working'), async () => {
        replaceChildren(priceResults);
        try {
          replaceChildren(priceResults, priceReport(await call('updatePrices')));
        } catch (error) {
          replaceChildren(priceResults, notice({ kind: 'error', text: errorText(error) }));
        }
      });
    });

    const auto = h('input', { id: 'pushAfterSync', attrs: { type: 'checkbox', name: 'pushAfterSync' } });
    const cover = h('input', {
      id: 'targetCoverDays',
      attrs: { type: 'number', name: 'targetCoverDays', min: '1', max: '365', step: '1' },
    }) as HTMLInputElement;
    const saveSettings = () => {
      void whileBusy(root, status, tr('sidebar.working'), async () => {
        try {
          const days = Number(cover.value);
          const saved = await call('saveInventorySettings', {
            pushAfterSync: auto.checked,
            ...(Number.isInteger(days) && days >= 1 && days <= 365 ? { targetCoverDays: days } : {}),
          });
          auto.checked = saved.pushAfterSync;
          cover.value = String(saved.targetCoverDays);
          say('ok', tr('inventory.settingsSaved'));
        } catch (error) {
          say('error', errorText(error));
        }
      });
    };
    auto.addEventListener('change', saveSettings);
    cover.addEventListener('change', saveSettings);

    append(
      form,
      fields.offerId.wrapper,
      fields.reason.wrapper,
      fields.quantity.wrapper,
      fields.note.wrapper,
      h('div', { class: 'buttons' }, save),
    );
    append(
      root,
      h('h1', { class: 'title' }, tr('inventory.title')),
      initialNotice ? notice(initialNotice) : null,
      status,
      h('h2', {}, tr('inventory.form.title')),
      form,
      message,
      h('h2', {}, tr('inventory.push.title')),
      h(
        'div',
        { class: 'form-group' },
        auto,
        h('label', { attrs: { for: 'pushAfterSync' } }, ' ' + tr('inventory.pushAfterSync')),
      ),
      h(
        'div',
        { class: 'form-group' },
        h('label', { attrs: { for: 'targetCoverDays' } }, tr('ozonStock.targetCover') + ' '),
        cover,
      ),
      h('div', { class: 'buttons' }, pushButton),
      pushResults,
      h('h2', {}, tr('prices.sidebar.title')),
      h('p', { class: 'gray' }, tr('prices.sidebar.hint')),
      h('div', { class: 'buttons' }, pricesButton),
      priceResults,
    );
    await whileBusy(root, status, tr('sidebar.loading'), async () => {
      try {
        const settings = await call('getInventorySettings');
        auto.checked = settings.pushAfterSync;
        cover.value = String(settings.targetCoverDays);
      } catch (error) {
        say('error', errorText(error));
      }
    });
  },
};

function cutConfirmation(
  message: string,
  cut: SharpCutPreview,
  confirm: () => void,
  cancel: () => void,
): HTMLElement {
  const yes = button('push-confirm', tr('inventory.sharpCut.confirm'), { primary: true });
  const no = button('push-cancel', tr('inventory.sharpCut.cancel'));
  yes.addEventListener('click', confirm);
  no.addEventListener('click', cancel);
  return h(
    'div',
    { attrs: { 'data-role': 'push-confirm' } },
    notice({ kind: 'error', text: message }),
    h(
      'ul',
      {},
      ...cut.examples.map((e) =>
        h('li', { attrs: { 'data-offer': e.offerId } }, tr('inventory.sharpCut.item', e)),
      ),
    ),
    h('div', { class: 'buttons' }, yes, no),
  );
}

function pushReport(result: PushStockResult): HTMLElement {
  const list = (role: string, title: string, items: PushStockResult['updated']) =>
    items.length
      ? h(
          'div',
          { attrs: { 'data-role': role } },
          h('div', { class: 'gray' }, title),
          h(
            'ul',
            {},
            ...items.map((i) =>
              h(
                'li',
                { attrs: { 'data-offer': i.offerId } },
                tr('inventory.push.item', { offerId: i.offerId, warehouse: i.warehouse, stock: i.stock }),
                i.reason ? h('div', { class: 'error' }, i.reason) : null,
              ),
            ),
          ),
        )
      : null;
  return h(
    'div',
    {},
    notice({ kind: result.failed.length ? 'error' : 'ok', text: result.message }),
    list('push-failed', tr('inventory.push.failedList'), result.failed),
    list('push-skipped', tr('inventory.push.skippedList'), result.skipped),
    list('push-updated', tr('inventory.push.updatedList'), result.updated),
  );
}

/** The toast's counts, then every row that was not simply updated or already so, with its result. */
function priceReport(result: UpdatePricesResult): HTMLElement {
  const open = result.items.filter((i) => i.outcome === 'refused' || i.outcome === 'failed');
  const done = result.items.filter((i) => i.outcome === 'updated' || i.outcome === 'unchanged');
  const item = (i: UpdatePricesResult['items'][number]) =>
    h(
      'li',
      { attrs: { 'data-offer': i.offerId, 'data-outcome': i.outcome } },
      h('span', { class: 'strong' }, i.offerId),
      ': ',
      h('span', { class: open.includes(i) ? 'error' : '' }, i.text),
    );
  return h(
    'div',
    {},
    notice({ kind: open.length ? 'error' : 'ok', text: result.message }),
    open.length ? h('ul', { attrs: { 'data-role': 'prices-not-done' } }, ...open.map(item)) : null,
    done.length ? h('ul', { attrs: { 'data-role': 'prices-done' } }, ...done.map(item)) : null,
  );
}
