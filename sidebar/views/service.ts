// Returns & messages: the selected order's returns (the seller's check, with Ozon's rFBS actions),
// the buyer's chat with replies, and every cancellation request awaiting an answer. All text from
// Ozon and buyers goes into text nodes (h() never parses markup).
import type { MessageKey } from '../../src/core/i18n/messages';
import { OUTCOMES, QUALITIES, VERDICTS } from '../../src/core/service/workflow';
import {
  DecideCancellationInput,
  SaveReturnInput,
  SendMessageInput,
  type CancellationView,
  type ChatHistoryView,
  type ChatView,
  type ReturnView,
  type RfbsView,
} from '../../src/shared/service-schema';
import { append, h, replaceChildren } from '../dom';
import { getLang, tr, trIssue } from '../i18n';
import { deskPollMs } from '../poll-interval';
import { call } from '../rpc';
import { confirmBox, errorText, markInvalid, notice, whileBusy } from '../ui';
import { dateInput } from '../date-input';
import type { View } from './types';

function select(name: string, group: string, codes: readonly string[], value: string): HTMLSelectElement {
  const node = h('select', { attrs: { name, 'data-field': name } });
  node.appendChild(h('option', { attrs: { value: '' } }, tr('service.return.none')));
  for (const code of codes) {
    const option = h('option', { attrs: { value: code } }, tr(`service.${group}.${code}` as MessageKey));
    node.appendChild(option);
  }
  node.value = value;
  return node;
}

function labelled(text: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'form-group field' }, h('span', {}, text), control);
}

function when(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(getLang() === 'zh' ? 'zh-CN' : getLang(), {
        dateStyle: 'short',
        timeStyle: 'short',
      });
}

function firstIssue(result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}) {
  const issue = result.error?.issues[0];
  return issue ? trIssue(issue.message, String(issue.path[0] ?? '')) : '';
}

export const serviceView: View = {
  async render(root, ctx, initialNotice) {
    const status = h('div', { class: 'status', attrs: { 'data-role': 'status' } });
    const message = h('div', { class: 'message', attrs: { 'data-role': 'message' } });
    const body = h('div', { attrs: { 'data-role': 'service-body' } });
    const say = (kind: 'ok' | 'error' | 'info', text: string | null): void =>
      replaceChildren(message, text ? notice({ kind, text }) : null);
    const busy = <T>(text: string, work: () => Promise<T>) => whileBusy(root, status, text, work);

    const load = async (): Promise<void> => {
      await busy(tr('sidebar.loading'), async () => {
        try {
          const data = await call('getServiceContext');
          shown = data.posting;
          replaceChildren(body, ...sections(data));
        } catch (error) {
          say('error', errorText(error));
        }
      });
    };

    const refresh = h(
      'button',
      { attrs: { type: 'button', 'data-action': 'refresh' }, onClick: () => void load() },
      tr('service.refresh'),
    );
    const sync = h(
      'button',
      {
        class: 'action',
        attrs: { type: 'button', 'data-action': 'sync' },
        onClick: () =>
          void busy(tr('sidebar.working'), async () => {
            try {
              const result = await call('syncService', { source: 'sidebar' });
              say(result.result === 'failed' ? 'error' : 'ok', result.message);
            } catch (error) {
              say('error', errorText(error));
            }
          }).then(load),
      },
      tr('service.sync'),
    );

    const sections = (data: Awaited<ReturnType<typeof call<'getServiceContext'>>>): HTMLElement[] => {
      const out: HTMLElement[] = [];
      out.push(h('h2', {}, tr('service.section.cancellations')));
      out.push(
        data.pending.length
          ? h('div', { attrs: { 'data-role': 'pending' } }, ...data.pending.map(cancellationItem))
          : h('p', { class: 'gray' }, tr('service.noCancellations')),
      );
      if (!data.posting) {
        out.push(h('p', { class: 'gray', attrs: { 'data-role': 'hint' } }, tr('service.selectHint')));
        return out;
      }
      out.push(
        h(
          'p',
          { attrs: { 'data-role': 'selected', 'data-posting': data.posting } },
          tr('service.selected', { order: data.order ?? '', posting: data.posting }),
        ),
      );
      out.push(h('h2', {}, tr('service.section.returns')));
      out.push(
        data.returns.length
          ? h('div', {}, ...data.returns.map(returnItem))
          : h('p', { class: 'gray' }, tr('service.noReturns')),
      );
      out.push(h('h2', {}, tr('service.section.chat')));
      out.push(
        data.chats.length
          ? h('div', {}, ...data.chats.map(chatItem))
          : h('p', { class: 'gray' }, tr('service.noChats')),
      );
      return out;
    };

    const cancellationItem = (c: CancellationView): HTMLElement => {
      const comment = h('input', { attrs: { type: 'text', name: 'comment', maxlength: '500' } });
      const item = h(
        'div',
        { class: 'card', attrs: { 'data-cancellation': c.id } },
        h('div', { class: 'strong' }, c.postingNumber),
        h('div', {}, c.reason),
        c.message ? h('div', { class: 'gray' }, c.message) : null,
        h('div', { class: 'gray' }, tr('service.cancel.deadline', { deadline: when(c.deadline) })),
        labelled(tr('service.cancel.comment'), comment),
      );
      const confirm = confirmBox('decisionConfirm');
      const decide = (decision: 'approve' | 'reject') => {
        const input: DecideCancellationInput = {
          cancellationId: c.id,
          decision,
          comment: comment.value,
          confirmed: confirm.confirmed(),
        };
        const checked = DecideCancellationInput.safeParse(input);
        markInvalid({ comment, confirmed: confirm.box.querySelector('input') }, checked);
        if (!checked.success) {
          say('error', firstIssue(checked));
          return;
        }
        void busy(tr('sidebar.working'), async () => {
          try {
            const result = await call('decideCancellation', input);
            say('ok', result.message);
          } catch (error) {
            say('error', errorText(error));
          }
        }).then(load);
      };
      append(
        item,
        confirm.box,
        h(
          'div',
          { class: 'buttons' },
          h(
            'button',
            {
              class: 'action',
              attrs: { type: 'button', 'data-action': 'approve' },
              onClick: () => decide('approve'),
            },
            tr('service.cancel.approve'),
          ),
          h(
            'button',
            { attrs: { type: 'button', 'data-action': 'reject' }, onClick: () => decide('reject') },
            tr('service.cancel.reject'),
          ),
        ),
      );
      return item;
    };

    const returnItem = (r: ReturnView): HTMLElement => {
      const verdict = select('verdict', 'verdict', VERDICTS, r.verdict);
      const received = dateInput(`received-${r.rowKey}`, { name: 'received', 'data-field': 'received' });
      received.set(r.received);
      const quality = select('quality', 'quality', QUALITIES, r.quality);
      const outcome = select('outcome', 'outcome', OUTCOMES, r.outcome);
      const note = h('input', {
        attrs: { type: 'text', name: 'note', maxlength: '500', 'data-field': 'note' },
      });
      note.value = r.note;
      const save = () => {
        const input: SaveReturnInput = {
          rowKey: r.rowKey,
          verdict: verdict.value as SaveReturnInput['verdict'],
          received: received.value(),
          quality: quality.value as SaveReturnInput['quality'],
          outcome: outcome.value as SaveReturnInput['outcome'],
          note: note.value,
        };
        const checked = SaveReturnInput.safeParse(input);
        markInvalid({ verdict, received: received.input, quality, outcome, note }, checked);
        if (!checked.success) {
          say('error', firstIssue(checked));
          return;
        }
        void busy(tr('sidebar.working'), async () => {
          try {
            say('ok', (await call('saveReturnWork', input)).message);
          } catch (error) {
            say('error', errorText(error));
          }
        });
      };
      const actions = h('div', { attrs: { 'data-role': 'rfbs-actions' } });
      return h(
        'div',
        { class: 'card', attrs: { 'data-return': r.rowKey } },
        h('div', { class: 'strong' }, `${r.type} · ${r.returnId}`),
        h('div', {}, `${r.offerId} × ${r.quantity} — ${r.name}`),
        h('div', { class: 'gray', attrs: { 'data-role': 'return-status' } }, r.status),
        labelled(tr('service.return.verdict'), verdict),
        labelled(tr('service.return.received'), received.element),
        labelled(tr('service.return.quality'), quality),
        labelled(tr('service.return.outcome'), outcome),
        labelled(tr('service.return.note'), note),
        h(
          'div',
          { class: 'buttons' },
          h(
            'button',
            { class: 'action', attrs: { type: 'button', 'data-action': 'save-return' }, onClick: save },
            tr('service.return.receive'),
          ),
          r.kind === 'rfbs'
            ? h(
                'button',
                {
                  attrs: { type: 'button', 'data-action': 'rfbs-load' },
                  onClick: () =>
                    void busy(tr('sidebar.loading'), async () => {
                      try {
                        renderRfbs(actions, await call('getRfbsReturn', { returnId: r.returnId }));
                      } catch (error) {
                        say('error', errorText(error));
                      }
                    }),
                },
                tr('service.return.loadActions'),
              )
            : null,
        ),
        actions,
      );
    };

    const renderRfbs = (target: HTMLElement, view: RfbsView): void => {
      const reason = h('select', { attrs: { name: 'rejectionReason' } });
      for (const x of view.rejectionReasons)
        reason.appendChild(h('option', { attrs: { value: String(x.id) } }, x.name));
      const comment = h('input', { attrs: { type: 'text', name: 'rfbsComment', maxlength: '1000' } });
      const amount = h('input', { attrs: { type: 'text', name: 'amount', inputmode: 'decimal' } });
      const confirm = confirmBox('rfbsConfirm');
      const act = (id: number) =>
        void busy(tr('sidebar.working'), async () => {
          try {
            const next = await call('rfbsReturnAction', {
              returnId: view.returnId,
              actionId: id,
              ...(id === -1 || id === -10
                ? { rejectionReasonId: Number(reason.value), comment: comment.value }
                : {}),
              ...(id === 1020 ? { compensationAmount: Number(amount.value.replace(',', '.')) } : {}),
              confirmed: confirm.confirmed(),
            });
            say('ok', next.message ?? '');
            renderRfbs(target, next);
          } catch (error) {
            say('error', errorText(error));
          }
        });
      const needsReason = view.actions.some((a) => a.needs === 'reason');
      const needsAmount = view.actions.some((a) => a.needs === 'amount');
      replaceChildren(
        target,
        h('div', { class: 'gray' }, `${tr('service.return.actions')}: ${view.stateName || view.state}`),
        view.comment ? h('div', {}, view.comment) : null,
        view.actions.length ? null : h('p', { class: 'gray' }, tr('service.return.noActions')),
        needsReason ? labelled(tr('service.return.rejectReason'), reason) : null,
        needsReason ? labelled(tr('service.return.comment'), comment) : null,
        needsAmount ? labelled(tr('service.return.amount'), amount) : null,
        view.actions.length ? confirm.box : null,
        h(
          'div',
          { class: 'buttons' },
          ...view.actions.map((a) =>
            h(
              'button',
              {
                attrs: { type: 'button', 'data-action': 'rfbs-action', 'data-id': String(a.id) },
                onClick: () => act(a.id),
              },
              a.name,
            ),
          ),
        ),
      );
    };

    const chatItem = (c: ChatView): HTMLElement => {
      const list = h('div', { class: 'chat', attrs: { 'data-role': 'messages' } });
      const more = h('div');
      const reply = h('textarea', { attrs: { name: 'reply', maxlength: '1000', rows: '3' } });
      let oldest = '';
      const show = (history: ChatHistoryView, older: boolean) => {
        const nodes = history.messages.map((m) =>
          h(
            'div',
            { class: m.mine ? 'msg mine' : 'msg', attrs: { 'data-message-id': m.id } },
            h('div', { class: 'gray' }, `${m.fromText} · ${when(m.at)}`),
            h('div', { class: 'msg-text' }, m.isImage && !m.text ? tr('service.chat.image') : m.text),
          ),
        );
        if (older) list.insertBefore(h('div', {}, ...nodes), list.firstChild);
        else replaceChildren(list, ...nodes);
        if (history.messages.length) oldest = history.messages[0].id;
        replaceChildren(
          more,
          history.hasOlder
            ? h(
                'button',
                {
                  attrs: { type: 'button', 'data-action': 'older' },
                  onClick: () =>
                    void busy(tr('sidebar.loading'), async () => {
                      try {
                        show(await call('getChatHistory', { chatId: c.chatId, before: oldest }), true);
                      } catch (error) {
                        say('error', errorText(error));
                      }
                    }),
                },
                tr('service.chat.older'),
              )
            : null,
        );
      };
      const send = () => {
        const input: SendMessageInput = { chatId: c.chatId, text: reply.value };
        const checked = SendMessageInput.safeParse(input);
        markInvalid({ text: reply }, checked);
        if (!checked.success) {
          say('error', firstIssue(checked));
          return;
        }
        void busy(tr('sidebar.working'), async () => {
          try {
            const history = await call('sendChatReply', input);
            reply.value = '';
            show(history, false);
            say('ok', history.message ?? '');
          } catch (error) {
            say('error', errorText(error));
          }
        });
      };
      // The history loads as soon as the chat is shown (the context load is still busy then, so this
      // call does not wait for the busy gate).
      void call('getChatHistory', { chatId: c.chatId })
        .then((history) => show(history, false))
        .catch((error: unknown) => say('error', errorText(error)));
      return h(
        'div',
        { class: 'card', attrs: { 'data-chat': c.chatId } },
        more,
        list,
        labelled(tr('service.chat.reply'), reply),
        h(
          'div',
          { class: 'buttons' },
          h(
            'button',
            { class: 'action', attrs: { type: 'button', 'data-action': 'send' }, onClick: send },
            tr('service.chat.send'),
          ),
        ),
      );
    };

    // Follows the sheet's selection as the order desk does: a cheap poll (no read while the active
    // row stays put, no Sheets API quota when it moves); the context reloads when the posting changes.
    let key = '';
    let shown: string | null | undefined;
    let polling = false;
    const follow = async (): Promise<void> => {
      const selection = await call('pollServiceSelection', { known: key });
      if (!selection.changed) return;
      key = selection.key;
      if (selection.posting === shown) return;
      shown = selection.posting;
      replaceChildren(message);
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

    void ctx;
    append(
      root,
      h('h1', { class: 'title' }, tr('service.title')),
      initialNotice ? notice(initialNotice) : null,
      h('div', { class: 'buttons' }, refresh, sync),
      status,
      message,
      body,
    );
    await load();
  },
};
