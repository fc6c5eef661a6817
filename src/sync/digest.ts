// The optional email digest of new postings, sent to the user the sync runs as.
import type { AppContext } from '../app/context';
import { spreadsheetUrl } from '../adapters/document';
import { mailToSelf } from '../adapters/mail';
import type { KeyValueStore } from '../adapters/properties';
import { t } from '../core/i18n/messages';
import type { SyncOutcome } from './orders-sync';

export const DIGEST_KEY = 'ODESK_DIGEST';

export function digestEnabled(store: KeyValueStore): boolean {
  return store.get(DIGEST_KEY) === 'on';
}

export function digestBody(ctx: AppContext, outcome: SyncOutcome, spreadsheetUrl: string): string {
  const more = outcome.freshCount - outcome.fresh.length;
  return [
    t(ctx.lang, 'sync.digestIntro'),
    '',
    ...outcome.fresh.map((number) => `• ${number}`),
    ...(more > 0 ? [`… +${more}`] : []),
    '',
    spreadsheetUrl,
  ].join('\n');
}

export function sendDigest(ctx: AppContext, store: KeyValueStore, outcome: SyncOutcome): void {
  if (!digestEnabled(store)) return;
  try {
    mailToSelf({
      subject: t(ctx.lang, 'sync.digestSubject', { count: outcome.freshCount }),
      body: digestBody(ctx, outcome, spreadsheetUrl()),
    });
  } catch {
    // A digest that cannot be sent must not fail the sync; the toast and the log already told the news.
  }
}
