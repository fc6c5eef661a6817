// The order desk: follows the sheet's selection (a cheap poll every two seconds while visible; see
// sidebar/poll-interval.ts),
// shows the selected order(s) with the checklist, and offers the actions their status allows.
import type { ActionResult, DeskAction, DeskOrder, DeskOrders } from '../../../src/shared/desk-schema';
import type { MessageKey } from '../../../src/core/i18n/messages';
import { append, h, replaceChildren } from '../../dom';
import { tr } from '../../i18n';
import { errorText, notice, reveal, whileBusy } from '../../ui';
import type { View } from '../types';
import { call } from '../../rpc';
import { deskCall } from './api';
import { cancelForm, problemForm, shipForm, trackingForm, type Act, type Say } from './forms';
import { handoverForm, packDataForm, type Stay } from './handover';
import { checklistBox, orderCard, orderLine } from './order';
import { DESK_CSS } from './style';
import { deskPollMs } from '../../poll-interval';

export const deskView: View = {
  async render(root, ctx, initialNotice) {
    if (!document.getElementById('desk-style')) {
      document.head.appendChild(h('style', { id: 'desk-style' }, DESK_CSS));
    }
    const status = h('div', { class: 'status', attrs: { 'data-role': 'status' } });
    // Answers appear where the seller acted: below the order's actions, or below the top buttons.
    const message = h('div', { class: 'message', attrs: { 'data-role': 'message', 'aria-live': 'polite' } });
    const topMessage = h('div', {
      class: 'message',
      attrs: { 'data-role': 'top-message', 'aria-live': 'polite' },
    });
    const formMessage = h('div', {
      class: 'message',
      attrs: { 'data-role': 'form-message', 'aria-live': 'polite' },
    });
    let slot = message;
    // The slot follows the button pressed last: its form, the top buttons, or the order's actions.
    root.addEventListener(
      'click',
      (event) => {
        const pressed = (event.target as Element | null)?.closest('button');
        if (!pressed) return;
        slot = pressed.closest('[data-role="form"]')
          ? formMessage
          : pressed.closest('[data-role="top-buttons"]')
            ? topMessage
            : message;
      },
      true,
    );
    const clearOtherSlots = (): void => {
      for (const other of [message, topMessage, formMessage]) if (other !== slot) replaceChildren(other);
    };
    const queue = h('div', { class: 'queue gray', attrs: { 'data-role': 'queue' } });
    const content = h('div', { attrs: { 'data-role': 'orders' } });
    const formArea = h('div', { attrs: { 'data-role': 'form' } });
    const account = h('div', { class: 'account', attrs: { 'data-role': 'account' } });
    const intro = h(
      'p',
      { class: 'intro gray', attrs: { 'data-role': 'intro' } },
      tr('desk.intro', { command: tr('menu.syncOrders'), menu: tr('menu.title') }),
    );

    let key = '';
    let postings: string[] = [];
    let data: DeskOrders | null = null;
    let polling = false;

    const say: Say = (kind, text) => {
      clearOtherSlots();
      replaceChildren(slot, notice({ kind, text }));
    };
    const report = (result: ActionResult): void => {
      const failed = result.results.filter((r) => !r.ok);
      const list =
        result.results.length > 1
          ? h(
              'ul',
              { class: 'results', attrs: { 'data-role': 'results' } },
              ...result.results.map((r) =>
                h(
                  'li',
                  {
                    class: r.ok ? 'ok' : 'error',
                    attrs: { 'data-posting': r.posting, 'data-ok': String(r.ok) },
                  },
                  r.message,
                ),
              ),
            )
          : null;
      const link =
        result.labelUrl && /^https:\/\//.test(result.labelUrl)
          ? h(
              'a',
              {
                attrs: {
                  href: result.labelUrl,
                  target: '_blank',
                  rel: 'noopener',
                  'data-role': 'label-result',
                },
              },
              tr('desk.label.open'),
            )
          : null;
      // A form that did its work closes: its answer shows below the order's actions.
      if (slot === formMessage) slot = message;
      clearOtherSlots();
      const actLink =
        result.actUrl && /^https:\/\//.test(result.actUrl)
          ? h(
              'a',
              {
                attrs: { href: result.actUrl, target: '_blank', rel: 'noopener', 'data-role': 'act-result' },
              },
              tr('handover.open'),
            )
          : null;
      replaceChildren(
        slot,
        notice({ kind: failed.length ? 'error' : 'ok', text: result.message }),
        link,
        actLink,
        list,
      );
    };

    const act: Act = async (progress, work) => {
      await whileBusy(root, slot, progress, async () => {
        try {
          const result = await work();
          report(result);
          replaceChildren(formArea);
        } catch (error) {
          say('error', errorText(error));
          return;
        }
        await load();
        // The reloaded order above may have pushed the answer down.
        if (slot.firstElementChild) reveal(slot.firstElementChild);
      });
    };

    const button = (action: string, label: MessageKey, onClick: () => void, cls = ''): HTMLButtonElement => {
      const element = h(
        'button',
        { class: cls, attrs: { type: 'button', 'data-action': action } },
        tr(label),
      );
      element.addEventListener('click', () => {
        slot = element.closest('[data-role="top-buttons"]') ? topMessage : message;
        onClick();
      });
      return element;
    };
    const stay: Stay = async (progress, work) => {
      await whileBusy(root, status, progress, async () => {
        try {
          await work();
        } catch (error) {
          say('error', errorText(error));
        }
      });
    };

    const openForm = (element: HTMLElement) => {
      replaceChildren(formMessage);
      replaceChildren(
        formArea,
        element,
        formMessage,
        h(
          'div',
          { class: 'buttons' },
          button('close-form', 'desk.form.close', () => replaceChildren(formArea), 'secondary'),
        ),
      );
    };

    const simple = (
      action: DeskAction,
      label: MessageKey,
      run: () => Promise<ActionResult>,
      progress = tr('sidebar.working'),
      cls = '',
    ) => button(action, label, () => void act(progress, run), cls);

    const actionsFor = (orders: DeskOrder[]): HTMLElement => {
      const all = (a: DeskAction) => orders.filter((o) => o.actions.includes(a)).map((o) => o.posting);
      const single = orders.length === 1 ? orders[0] : null;
      const buttons: HTMLElement[] = [];
      const verify = all('verify');
      let checklist: ReturnType<typeof checklistBox> | null = null;
      if (verify.length) {
        const targets = orders.filter((o) => verify.includes(o.posting));
        checklist = checklistBox(targets);
        const b = button(
          single ? 'verify' : 'verify-all',
          single ? 'desk.action.verify' : 'desk.action.verifyAll',
          () => {
            const box = checklist as NonNullable<typeof checklist>;
            void act(tr('desk.verifying'), () =>
              deskCall('verifyOrders', { postings: verify, checked: box.ticked() }),
            );
          },
          'create',
        );
        b.disabled = !checklist.complete();
        checklist.onChange(() => (b.disabled = !(checklist as NonNullable<typeof checklist>).complete()));
        buttons.push(b);
      }
      const problem = all('problem');
      if (problem.length)
        buttons.push(button('problem', 'desk.action.problem', () => openForm(problemForm(problem, act))));
      const clear = all('clearProblem');
      if (clear.length)
        buttons.push(
          simple('clearProblem', 'desk.action.clearProblem', () =>
            deskCall('clearOrderProblem', { postings: clear }),
          ),
        );
      const ship = all('ship');
      if (single && ship.length)
        buttons.push(button('ship', 'desk.action.ship', () => openForm(shipForm(single, act)), 'action'));
      if (!single && ship.length)
        buttons.push(
          simple(
            'ship',
            'desk.action.shipAll',
            () => deskCall('shipAndLabelOrders', { postings: ship }),
            tr('desk.labels.working'),
            'action',
          ),
        );
      const labels = all('labels');
      if (labels.length)
        buttons.push(
          simple(
            'labels',
            'desk.action.labels',
            () => deskCall('printLabels', { postings: labels }),
            tr('desk.labels.working'),
          ),
        );
      const tracking = orders.filter((o) => o.actions.includes('tracking'));
      if (tracking.length)
        buttons.push(button('tracking', 'desk.action.tracking', () => openForm(trackingForm(tracking, act))));
      for (const step of ['delivering', 'last_mile', 'delivered'] as const) {
        const targets = all(step);
        if (targets.length)
          buttons.push(
            simple(step, `desk.action.${step}`, () =>
              deskCall('moveRfbsOrders', { postings: targets, to: step }),
            ),
          );
      }
      const packData = all('packData');
      if (single && packData.length)
        buttons.push(
          button(
            'packData',
            'desk.action.packData',
            () => openForm(packDataForm(single.posting, stay, say, load)),
            'action',
          ),
        );
      const handover = all('handover');
      if (handover.length)
        buttons.push(
          button('handover', 'desk.action.handover', () => openForm(handoverForm(act, stay, say, handover))),
        );
      const slips = all('slip');
      if (slips.length)
        buttons.push(
          simple('slip', 'desk.action.slip', () => deskCall('showPackingSlips', { postings: slips })),
        );
      if (single && single.actions.includes('cancel'))
        buttons.push(
          button('cancel', 'desk.action.cancel', () => openForm(cancelForm(single, act)), 'secondary danger'),
        );
      return h(
        'div',
        { class: 'desk-actions' },
        checklist ? checklist.element : null,
        h('div', { class: 'buttons', attrs: { 'data-role': 'actions' } }, ...buttons),
      );
    };

    const draw = (): void => {
      if (!data) return;
      const q = data.queue;
      queue.textContent = tr('desk.queue', {
        toVerify: q.toVerify,
        ready: q.ready,
        problems: q.problems,
        today: q.toShipToday,
      });
      const { orders, unknown } = data;
      // How orders get here is only worth saying while none is shown.
      intro.hidden = orders.length > 0;
      const missing = unknown.length
        ? notice({ kind: 'error', text: tr('desk.unknown', { postings: unknown.join(', ') }) })
        : null;
      if (!orders.length) {
        replaceChildren(
          content,
          missing,
          h('p', { class: 'gray', attrs: { 'data-role': 'hint' } }, tr('desk.select.hint')),
        );
        return;
      }
      if (orders.length === 1) {
        replaceChildren(content, missing, orderCard(orders[0]), actionsFor(orders));
        return;
      }
      replaceChildren(
        content,
        missing,
        h('div', { attrs: { 'data-role': 'selected-count' } }, tr('desk.selected', { count: orders.length })),
        h('ul', { class: 'order-list' }, ...orders.map(orderLine)),
        actionsFor(orders),
      );
    };

    const load = async (): Promise<void> => {
      if (!postings.length) {
        data = null;
        intro.hidden = false;
        replaceChildren(formArea);
        replaceChildren(
          content,
          h(
            'p',
            { class: 'gray', attrs: { 'data-role': 'hint' } },
            tr(key && !key.startsWith('none') ? 'desk.select.hint' : 'desk.select.notOrders'),
          ),
        );
        return;
      }
      try {
        data = await deskCall('getDeskOrders', { postings });
        draw();
      } catch (error) {
        replaceChildren(content, notice({ kind: 'error', text: errorText(error) }));
      }
    };

    /** Reads the selection; loads the orders when it moved to other postings. */
    const follow = async (): Promise<void> => {
      const selection = await deskCall('pollDeskSelection', { known: key });
      if (!selection.changed) return;
      key = selection.key;
      const next = selection.postings;
      if (!selection.onOrders) {
        postings = [];
        data = null;
        replaceChildren(formArea);
        replaceChildren(
          content,
          h('p', { class: 'gray', attrs: { 'data-role': 'hint' } }, tr('desk.select.notOrders')),
        );
        return;
      }
      if (next.join() === postings.join() && data) return;
      postings = next;
      replaceChildren(formArea);
      replaceChildren(message);
      replaceChildren(topMessage);
      await load();
    };

    const timer = window.setInterval(() => {
      if (!root.isConnected) {
        window.clearInterval(timer);
        return;
      }
      if (document.visibilityState !== 'visible' || polling || root.getAttribute('aria-busy') === 'true')
        return;
      polling = true;
      follow()
        .catch(() => undefined)
        .finally(() => (polling = false));
    }, deskPollMs());

    const nextButton = button(
      'next',
      'desk.next',
      () => {
        void whileBusy(root, status, tr('sidebar.working'), async () => {
          try {
            const next = await deskCall('selectNextUnverified', { from: 'sidebar' });
            say('ok', next.message);
            if (next.selection) {
              key = next.selection.key;
              postings = next.selection.postings;
              replaceChildren(formArea);
              await load();
            }
          } catch (error) {
            say('error', errorText(error));
          }
        });
      },
      'action',
    );
    const refresh = button('refresh', 'desk.refresh', () => {
      void whileBusy(root, status, tr('desk.loadingOrders'), async () => {
        key = '';
        await follow().catch((error: unknown) => say('error', errorText(error)));
        await load();
      });
    });
    const pick = simple(
      'slip',
      'desk.pickList',
      () => deskCall('buildPickList', { from: 'sidebar' }),
      tr('desk.pick.working'),
    );
    pick.setAttribute('data-action', 'pick-list');
    const handOver = button('handover-day', 'desk.action.handover', () =>
      openForm(handoverForm(act, stay, say)),
    );
    const settings = button('open-settings', 'desk.settings', () => ctx.navigate('settings'), 'secondary');

    append(
      root,
      h('h1', { class: 'title' }, tr('menu.openDesk')),
      initialNotice ? notice(initialNotice) : null,
      queue,
      h(
        'div',
        { class: 'buttons', attrs: { 'data-role': 'top-buttons' } },
        nextButton,
        refresh,
        pick,
        handOver,
        settings,
      ),
      status,
      topMessage,
      account,
      content,
      message,
      formArea,
      intro,
    );
    replaceChildren(
      content,
      h('p', { class: 'gray', attrs: { 'data-role': 'hint' } }, tr('desk.select.hint')),
    );
    await whileBusy(root, status, tr('desk.loadingOrders'), async () => {
      const connection = call('getSettings').then(
        (settings) =>
          settings.hasApiKey && settings.clientId
            ? replaceChildren(
                account,
                h('div', { class: 'gray' }, tr('desk.connected', { clientId: settings.clientId })),
              )
            : replaceChildren(
                account,
                notice({ kind: 'error', text: tr('error.credentials.missing') }),
                h(
                  'button',
                  {
                    class: 'action',
                    attrs: { type: 'button', 'data-action': 'open-settings' },
                    onClick: () => ctx.navigate('settings'),
                  },
                  tr('desk.openSettings'),
                ),
              ),
        (error: unknown) => replaceChildren(account, notice({ kind: 'error', text: errorText(error) })),
      );
      try {
        polling = true;
        await follow();
      } catch (error) {
        say('error', errorText(error));
      } finally {
        polling = false;
      }
      await connection;
    });
  },
};
