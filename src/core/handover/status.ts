// Ozon's shipping and act statuses and its certificate (document) statuses in the seller's language.
// The codes are those Ozon's spec lists (/v1/carriage/get `status`, act `related_docs.*.document_status`);
// a code it adds later is shown as Ozon's, named as such. The code itself stays in a hidden column.
import { t, type Lang, type MessageKey } from '../i18n/messages';

export const HANDOVER_STATUS_CODES = [
  'new',
  'awaiting_retry',
  'in_process',
  'success',
  'error',
  'sent',
  'received',
  'formed',
  'cancelled',
  'pending',
  'completion_enqueued',
  'completion_processing',
  'completion_failed',
  'cancelation_enqueued',
  'cancelation_processing',
  'cancelation_failed',
  'completed',
  'closed',
] as const;

export const HANDOVER_DOC_CODES = [
  'FORMING',
  'FORMED',
  'CONFIRMED',
  'CONFIRMED_WITH_MISMATCH',
  'NEED_TO_SIGN',
  'ON_CONFIRMATION',
  'DISPUTE_OPENED',
  'ACCEPTED_BY_CARGO_PLACES',
  'PRINTED_CARRIAGE',
  'ERROR',
  'UNKNOWN_ERROR',
] as const;

const STATUS = new Set<string>(HANDOVER_STATUS_CODES);
const DOC = new Set<string>(HANDOVER_DOC_CODES);

/** A shipping's or act's status in words; '' for none. */
export function handoverStatusText(lang: Lang, code: string | null | undefined): string {
  const c = (code ?? '').toLowerCase();
  if (!c) return '';
  return STATUS.has(c)
    ? t(lang, `handover.status.${c}` as MessageKey)
    : t(lang, 'handover.status.other', { code: code as string });
}

/** A certificate's status in words; '' for none. */
export function handoverDocText(lang: Lang, code: string | null | undefined): string {
  if (!code) return '';
  return DOC.has(code)
    ? t(lang, `handover.doc.${code}` as MessageKey)
    : t(lang, 'handover.status.other', { code });
}
