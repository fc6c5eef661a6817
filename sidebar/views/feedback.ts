// Reviews & questions: the reviews waiting to be processed (worst first), the open product
// questions, and the review or question on the selected row. Each opens its thread from Ozon with a
// reply (answer) form and processed marks. Buyer text goes into text nodes only (h() never parses
// markup), so a review holding HTML or a formula is shown exactly as the buyer typed it.
import {
  AnswerQuestionInput,
  ReplyReviewInput,
  type QuestionCard,
  type QuestionDetailView,
  type ReviewCard,
  type ReviewDetailView,
  type ThreadEntry,
} from '../../src/shared/feedback-schema';
import { append, h, replaceChildren } from '../dom';
import { getLang, tr, trIssue } from '../i18n';
import { call } from '../rpc';
import { errorText, markInvalid, notice, whileBusy } from '../ui';
import type { View } from './types';

function when(iso: string): string {
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

function threadNodes(entries: ThreadEntry[]): HTMLElement[] {
  return entries.map((e) =>
    h(
      'div',
      { class: e.mine ? 'msg mine' : 'msg', attrs: { 'data-entry-id': e.id } },
      h(
        'div',
        { class: 'gray' },
        `${e.mine ? tr('feedback.thread.mine') : tr('feedback.thread.other')} · ${when(e.at)}`,
      ),
      h('div', { class: 'msg-text' }, e.text),
    ),
  );
}

export const feedbackView: View = {
  async render(root, _ctx, initialNotice) {
    const status = h('div', { class: 'status', attrs: { 'data-role': 'status' } });
    const message = h('div', { class: 'message', attrs: { 'data-role': 'message' } });
    const body = h('div', { attrs: { 'data-role': 'feedback-body' } });
    const say = (kind: 'ok' | 'error' | 'info', text: string | null): void =>
      replaceChildren(message, text ? notice({ kind, text }) : null);
    const busy = <T>(text: string, work: () => Promise<T>) => whileBusy(root, status, text, work);

    const load = async (): Promise<void> => {
      let chosen: HTMLButtonElement | null = null;
      await busy(tr('sidebar.loading'), async () => {
        try {
          const data = await call('getFeedbackContext');
          const out: HTMLElement[] = data.notices.map((n) =>
            h('div', { attrs: { 'data-role': 'plan-notice' } }, notice({ kind: 'info', text: n })),
          );
          if (!data.selected)
            out.push(h('p', { class: 'gray', attrs: { 'data-role': 'hint' } }, tr('feedback.selectHint')));
          out.push(h('h2', {}, tr('feedback.section.reviews', { count: data.unprocessedReviews })));
          out.push(
            data.reviews.length
              ? h('div', { attrs: { 'data-role': 'reviews' } }, ...data.reviews.map(reviewItem))
              : h('p', { class: 'gray' }, tr('feedback.noReviews')),
          );
          out.push(h('h2', {}, tr('feedback.section.questions', { count: data.openQuestions })));
          out.push(
            data.questions.length
              ? h('div', { attrs: { 'data-role': 'questions' } }, ...data.questions.map(questionItem))
              : h('p', { class: 'gray' }, tr('feedback.noQuestions')),
          );
          replaceChildren(body, ...out);
          chosen = data.selected
            ? body.querySelector<HTMLButtonElement>(
                `[data-${data.selected.kind}="${CSS.escape(data.selected.id)}"] [data-action="open"]`,
              )
            : null;
        } catch (error) {
          say('error', errorText(error));
        }
      });
      // The selected review or question opens by itself once the lists are there.
      (chosen as HTMLButtonElement | null)?.click();
    };

    const reviewItem = (r: ReviewCard): HTMLElement => {
      const thread = h('div', { class: 'chat', attrs: { 'data-role': 'thread' } });
      const form = h('div');
      const head = h('div', { class: 'strong', attrs: { 'data-role': 'review-head' } });
      const paint = (card: ReviewCard) =>
        replaceChildren(
          head,
          `${tr('feedback.stars', { rating: card.rating })} · ${card.offerId || ''} · ${card.status}`,
        );
      paint(r);
      const show = (view: ReviewDetailView) => {
        paint(view.review);
        replaceChildren(thread, ...threadNodes(view.comments));
        const reply = h('textarea', { attrs: { name: 'reply', maxlength: '3000', rows: '3' } });
        const processed = h('input', { attrs: { type: 'checkbox', name: 'markProcessed' } });
        processed.checked = true;
        const act = (
          name: 'replyToReview' | 'markReview',
          input: Parameters<typeof call<'markReview'>>[1] | ReplyReviewInput,
        ) =>
          void busy(tr('sidebar.working'), async () => {
            try {
              const next =
                name === 'replyToReview'
                  ? await call('replyToReview', input as ReplyReviewInput)
                  : await call('markReview', input as Parameters<typeof call<'markReview'>>[1]);
              show(next);
              say('ok', next.message ?? '');
            } catch (error) {
              say('error', errorText(error));
            }
          });
        replaceChildren(
          form,
          h('label', { class: 'form-group field' }, h('span', {}, tr('feedback.reply.label')), reply),
          h('label', {}, processed, ' ', tr('feedback.reply.andProcess')),
          h(
            'div',
            { class: 'buttons' },
            h(
              'button',
              {
                class: 'action',
                attrs: { type: 'button', 'data-action': 'reply' },
                onClick: () => {
                  const input: ReplyReviewInput = {
                    reviewId: r.id,
                    text: reply.value,
                    markProcessed: processed.checked,
                  };
                  const checked = ReplyReviewInput.safeParse(input);
                  markInvalid({ text: reply }, checked);
                  if (!checked.success) say('error', firstIssue(checked));
                  else act('replyToReview', input);
                },
              },
              tr('feedback.reply.send'),
            ),
            h(
              'button',
              {
                attrs: { type: 'button', 'data-action': 'mark' },
                onClick: () =>
                  act('markReview', { reviewId: r.id, processed: view.review.statusCode !== 'PROCESSED' }),
              },
              view.review.statusCode === 'PROCESSED'
                ? tr('feedback.markUnprocessed')
                : tr('feedback.markProcessed'),
            ),
          ),
        );
      };
      const open = h(
        'button',
        {
          attrs: { type: 'button', 'data-action': 'open' },
          onClick: () =>
            void busy(tr('sidebar.loading'), async () => {
              try {
                show(await call('getReview', { reviewId: r.id }));
              } catch (error) {
                say('error', errorText(error));
              }
            }),
        },
        tr('feedback.open'),
      );
      const item = h(
        'div',
        { class: 'card', attrs: { 'data-review': r.id } },
        head,
        h('div', { class: 'gray' }, `${when(r.publishedAt)} · ${r.product}`),
        h('div', { class: 'msg-text', attrs: { 'data-role': 'text' } }, r.text || tr('feedback.noText')),
        r.photos || r.videos
          ? h('div', { class: 'gray' }, tr('feedback.media', { photos: r.photos, videos: r.videos }))
          : null,
        r.reply ? h('div', { class: 'gray' }, tr('feedback.ourReply', { text: r.reply })) : null,
        thread,
        form,
      );
      append(item, h('div', { class: 'buttons' }, open));
      return item;
    };

    const questionItem = (q: QuestionCard): HTMLElement => {
      const thread = h('div', { class: 'chat', attrs: { 'data-role': 'thread' } });
      const form = h('div');
      const head = h('div', { class: 'strong' });
      const paint = (card: QuestionCard) =>
        replaceChildren(head, `${card.offerId || card.sku} · ${card.status}`);
      paint(q);
      const show = (view: QuestionDetailView) => {
        paint(view.question);
        replaceChildren(thread, ...threadNodes(view.answers));
        const answer = h('textarea', { attrs: { name: 'answer', maxlength: '3000', rows: '3' } });
        const act = (work: () => Promise<QuestionDetailView>) =>
          void busy(tr('sidebar.working'), async () => {
            try {
              const next = await work();
              show(next);
              say('ok', next.message ?? '');
            } catch (error) {
              say('error', errorText(error));
            }
          });
        replaceChildren(
          form,
          h('label', { class: 'form-group field' }, h('span', {}, tr('feedback.answer.label')), answer),
          h(
            'div',
            { class: 'buttons' },
            h(
              'button',
              {
                class: 'action',
                attrs: { type: 'button', 'data-action': 'answer' },
                onClick: () => {
                  const input: AnswerQuestionInput = { questionId: q.id, text: answer.value };
                  const checked = AnswerQuestionInput.safeParse(input);
                  markInvalid({ text: answer }, checked);
                  if (!checked.success) say('error', firstIssue(checked));
                  else act(() => call('answerQuestion', input));
                },
              },
              tr('feedback.answer.send'),
            ),
            view.question.statusCode === 'NEW'
              ? h(
                  'button',
                  {
                    attrs: { type: 'button', 'data-action': 'viewed' },
                    onClick: () => act(() => call('markQuestion', { questionId: q.id, status: 'VIEWED' })),
                  },
                  tr('feedback.markViewed'),
                )
              : null,
            view.question.statusCode !== 'PROCESSED'
              ? h(
                  'button',
                  {
                    attrs: { type: 'button', 'data-action': 'mark' },
                    onClick: () => act(() => call('markQuestion', { questionId: q.id, status: 'PROCESSED' })),
                  },
                  tr('feedback.markProcessed'),
                )
              : null,
          ),
        );
      };
      const open = h(
        'button',
        {
          attrs: { type: 'button', 'data-action': 'open' },
          onClick: () =>
            void busy(tr('sidebar.loading'), async () => {
              try {
                show(await call('getQuestion', { questionId: q.id }));
              } catch (error) {
                say('error', errorText(error));
              }
            }),
        },
        tr('feedback.open'),
      );
      return h(
        'div',
        { class: 'card', attrs: { 'data-question': q.id } },
        head,
        h('div', { class: 'gray' }, `${when(q.publishedAt)} · ${q.author} · ${q.product}`),
        h('div', { class: 'msg-text', attrs: { 'data-role': 'text' } }, q.text || tr('feedback.noText')),
        q.answer ? h('div', { class: 'gray' }, tr('feedback.ourAnswer', { text: q.answer })) : null,
        thread,
        form,
        h('div', { class: 'buttons' }, open),
      );
    };

    const sync = h(
      'button',
      {
        class: 'action',
        attrs: { type: 'button', 'data-action': 'sync' },
        onClick: () =>
          void busy(tr('sidebar.working'), async () => {
            try {
              const result = await call('syncFeedback', { source: 'sidebar' });
              say(result.result === 'failed' ? 'error' : 'ok', [result.message, ...result.notes].join(' '));
            } catch (error) {
              say('error', errorText(error));
            }
          }).then(load),
      },
      tr('feedback.sync'),
    );
    const refresh = h(
      'button',
      { attrs: { type: 'button', 'data-action': 'refresh' }, onClick: () => void load() },
      tr('feedback.refresh'),
    );

    append(
      root,
      h('h1', {}, tr('feedback.title')),
      initialNotice ? notice(initialNotice) : null,
      h('div', { class: 'buttons' }, sync, refresh),
      status,
      message,
      body,
    );
    await load();
  },
};
