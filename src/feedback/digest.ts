// The digest line for new negative reviews: when the seller turned the email digest on, a complete
// feedback sync that found new 1–3 star reviews mails them (the orders digest goes out with orders).
import { spreadsheetUrl } from '../adapters/document';
import { mailToSelf } from '../adapters/mail';
import type { KeyValueStore } from '../adapters/properties';
import type { AppContext } from '../app/context';
import { t } from '../core/i18n/messages';
import { digestEnabled } from '../sync/digest';
import type { FeedbackJob } from './sync';

export function feedbackDigestBody(ctx: AppContext, job: FeedbackJob, spreadsheetUrl: string): string {
  const more = job.negative.count - job.negative.samples.length;
  return [
    t(ctx.lang, 'feedback.negative', { count: job.negative.count }),
    '',
    ...job.negative.samples.map((s) => `• ${'★'.repeat(s.rating)} ${s.offerId}: ${s.text}`),
    ...(more > 0 ? [`… +${more}`] : []),
    '',
    spreadsheetUrl,
  ].join('\n');
}

export function sendFeedbackDigest(ctx: AppContext, store: KeyValueStore, job: FeedbackJob): void {
  if (!digestEnabled(store)) return;
  try {
    mailToSelf({
      subject: t(ctx.lang, 'feedback.digestSubject', { count: job.negative.count }),
      body: feedbackDigestBody(ctx, job, spreadsheetUrl()),
    });
  } catch {
    // A digest that cannot be sent must not fail the sync; the toast and the log already told it.
  }
}
