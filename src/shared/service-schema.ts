// Inputs of the returns & messages sidebar calls (checked in the sidebar before sending and by the
// server on receipt; messages are i18n keys) and the shapes the server answers with.
import * as z from 'zod';
import { OUTCOMES, QUALITIES, VERDICTS } from '../core/service/workflow';
import { Confirmed } from './confirm-schema';
import { lazySchema } from './lazy-schema';

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.union([z.literal(''), z.enum(values, { message })], { message }).optional();

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function realDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 2000;
}

export const SaveReturnInput = lazySchema(() =>
  z.object({
    rowKey: z
      .string({ message: 'error.service.returnId' })
      .regex(/^(R|RFBS)\d{1,20}$/, 'error.service.returnId'),
    verdict: optionalChoice(VERDICTS, 'error.service.verdict'),
    received: z
      .string({ message: 'error.service.date' })
      .trim()
      .refine((v) => v === '' || realDate(v), 'error.service.date')
      .optional(),
    quality: optionalChoice(QUALITIES, 'error.service.quality'),
    outcome: optionalChoice(OUTCOMES, 'error.service.outcome'),
    note: z.string({ message: 'error.service.note' }).max(500, 'error.service.note').optional(),
  }),
);
export type SaveReturnInput = z.input<typeof SaveReturnInput>;
export type SaveReturnValue = z.output<typeof SaveReturnInput>;

const id = (message: string) =>
  z
    .union([z.number(), z.string().regex(/^\d{1,15}$/, message)], { message })
    .transform(Number)
    .pipe(z.number({ message }).int(message).positive(message).max(Number.MAX_SAFE_INTEGER, message));

export const RfbsReturnInput = lazySchema(() => z.object({ returnId: id('error.service.returnId') }));
export type RfbsReturnInput = z.input<typeof RfbsReturnInput>;
export type RfbsReturnValue = z.output<typeof RfbsReturnInput>;

export const RfbsActionInput = lazySchema(() =>
  z
    .object({
      returnId: id('error.service.returnId'),
      actionId: z.number({ message: 'error.service.actionId' }).int('error.service.actionId'),
      rejectionReasonId: z.number({ message: 'error.service.rejectReason' }).int().optional(),
      comment: z
        .string({ message: 'error.service.comment' })
        .trim()
        .max(1000, 'error.service.comment')
        .optional(),
      compensationAmount: z.number({ message: 'error.service.amount' }).optional(),
      confirmed: Confirmed,
    })
    .superRefine((v, ctx) => {
      if (v.actionId === -1 || v.actionId === -10) {
        if (v.rejectionReasonId === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['rejectionReasonId'],
            message: 'error.service.rejectReason',
          });
        if (!v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'error.service.comment' });
      }
      if (v.actionId === 1020 && !(typeof v.compensationAmount === 'number' && v.compensationAmount > 0))
        ctx.addIssue({ code: 'custom', path: ['compensationAmount'], message: 'error.service.amount' });
    }),
);
export type RfbsActionInput = z.input<typeof RfbsActionInput>;
export type RfbsActionValue = z.output<typeof RfbsActionInput>;

const chatId = z
  .string({ message: 'error.service.chatId' })
  .regex(/^[A-Za-z0-9-]{1,100}$/, 'error.service.chatId');

export const ChatHistoryInput = lazySchema(() =>
  z.object({
    chatId,
    /** Exact message id (a decimal string: ids exceed 2^53); older messages than this one. */
    before: z
      .string()
      .regex(/^\d{1,20}$/, 'error.service.chatId')
      .optional(),
  }),
);
export type ChatHistoryInput = z.input<typeof ChatHistoryInput>;
export type ChatHistoryValue = z.output<typeof ChatHistoryInput>;

export const SendMessageInput = lazySchema(() =>
  z.object({
    chatId,
    text: z
      .string({ message: 'error.service.text' })
      .trim()
      .min(1, 'error.service.text')
      .max(1000, 'error.service.text'),
  }),
);
export type SendMessageInput = z.input<typeof SendMessageInput>;
export type SendMessageValue = z.output<typeof SendMessageInput>;

export const DecideCancellationInput = lazySchema(() =>
  z
    .object({
      cancellationId: id('error.service.cancellationId'),
      decision: z.enum(['approve', 'reject'], { message: 'error.service.decision' }),
      comment: z
        .string({ message: 'error.service.comment' })
        .trim()
        .max(500, 'error.service.comment')
        .optional(),
      confirmed: Confirmed,
    })
    .superRefine((v, ctx) => {
      if (v.decision === 'reject' && !v.comment)
        ctx.addIssue({ code: 'custom', path: ['comment'], message: 'error.service.rejectComment' });
    }),
);
export type DecideCancellationInput = z.input<typeof DecideCancellationInput>;
export type DecideCancellationValue = z.output<typeof DecideCancellationInput>;

export interface ServiceSyncSummary {
  result: 'done' | 'partial' | 'failed' | 'locked';
  message: string;
  fetched: number;
  added: number;
  updated: number;
}

export interface ReturnView {
  rowKey: string;
  returnId: string;
  kind: 'return' | 'rfbs';
  type: string;
  status: string;
  statusCode: string;
  offerId: string;
  name: string;
  quantity: number;
  verdict: string;
  /** YYYY-MM-DD or ''. */
  received: string;
  quality: string;
  outcome: string;
  note: string;
}

export interface ChatView {
  chatId: string;
  status: string;
  unread: number;
  lastText: string;
}

export interface CancellationView {
  id: string;
  postingNumber: string;
  state: string;
  stateCode: string;
  reason: string;
  message: string;
  /** ISO instant, or null once answered. */
  deadline: string | null;
}

/** What the returns & messages sidebar's poll answers: the active row, and its posting when it moved. */
export interface ServiceSelection {
  key: string;
  changed: boolean;
  posting: string | null;
}

export interface ServiceContextView {
  posting: string | null;
  order: string | null;
  returns: ReturnView[];
  chats: ChatView[];
  cancellations: CancellationView[];
  /** Every request awaiting the seller's answer, soonest deadline first. */
  pending: CancellationView[];
}

export interface RfbsActionView {
  id: number;
  name: string;
  needs: 'reason' | 'amount' | null;
}

export interface RfbsView {
  returnId: number;
  state: string;
  stateName: string;
  reason: string;
  comment: string;
  actions: RfbsActionView[];
  rejectionReasons: { id: number; name: string; hint: string; commentRequired: boolean }[];
  message?: string;
}

export interface ChatMessageView {
  /** Exact decimal id. */
  id: string;
  at: string;
  from: string;
  fromText: string;
  text: string;
  isImage: boolean;
  mine: boolean;
}

export interface ChatHistoryView {
  chatId: string;
  messages: ChatMessageView[];
  hasOlder: boolean;
  message?: string;
}

export interface SaveReturnResult {
  message: string;
  returnView: ReturnView;
  /** Units put back in stock by this call (0 when already recorded or not resellable). */
  restocked: number;
}

export interface DecideCancellationResult {
  message: string;
  cancellation: CancellationView;
}
