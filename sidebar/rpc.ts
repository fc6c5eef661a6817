// Typed promise wrapper over google.script.run. Result types come from the server's own
// signatures (a type-only import: nothing of the server ends up in the bundle).
import type * as Server from '../src/index';
import type { ApiResult } from '../src/shared/result';
import type { SaveSettingsInput, TestConnectionInput } from '../src/shared/settings-schema';
import type { SyncSettingsInput } from '../src/shared/sync-schema';
import type { ArchiveSettingsInput } from '../src/shared/archive-schema';
import type { BigQuerySettingsInput } from '../src/shared/bigquery-schema';
import type { ReportSettingsInput } from '../src/shared/report-schema';
import type { InventorySettingsInput, PushStockInput, StockMoveInput } from '../src/shared/inventory-schema';
import type {
  ChatHistoryInput,
  DecideCancellationInput,
  RfbsActionInput,
  RfbsReturnInput,
  SaveReturnInput,
  SendMessageInput,
} from '../src/shared/service-schema';
import type {
  AnswerQuestionInput,
  MarkQuestionInput,
  MarkReviewInput,
  QuestionInput,
  ReplyReviewInput,
  ReviewInput,
} from '../src/shared/feedback-schema';
import type { DecideDiscountInput } from '../src/shared/promotions-schema';

type ServerModule = typeof Server;

/** What the server function `K` answers with when it succeeds. */
type ServerData<K extends keyof ServerModule> = ServerModule[K] extends (
  ...args: never[]
) => ApiResult<infer T>
  ? T
  : never;

export interface ConnectionInfo {
  roles: string[];
  methodsCount: number;
  expiresAt: string | null;
  clientId: string;
}

/**
 * The server functions the sidebar calls. Arguments are typed here (the server takes `unknown` and
 * validates with zod); results are derived from src/index.ts.
 */
export interface ServerApi {
  getSettings(): ServerData<'getSettings'>;
  saveSettings(input: SaveSettingsInput): ServerData<'saveSettings'>;
  forgetApiKey(): ServerData<'forgetApiKey'>;
  testConnection(input: TestConnectionInput): ServerData<'testConnection'>;
  syncOrders(input: { source: 'sidebar' }): ServerData<'syncOrders'>;
  getSyncSettings(): ServerData<'getSyncSettings'>;
  saveSyncSettings(input: SyncSettingsInput): ServerData<'saveSyncSettings'>;
  getArchiveSettings(): ServerData<'getArchiveSettings'>;
  saveArchiveSettings(input: ArchiveSettingsInput): ServerData<'saveArchiveSettings'>;
  archiveOldOrders(input: 'sidebar'): ServerData<'archiveOldOrders'>;
  getBigQuerySettings(): ServerData<'getBigQuerySettings'>;
  saveBigQuerySettings(input: BigQuerySettingsInput): ServerData<'saveBigQuerySettings'>;
  loadBigQuery(): ServerData<'loadBigQuery'>;
  getReportSettings(): ServerData<'getReportSettings'>;
  saveReportSettings(input: ReportSettingsInput): ServerData<'saveReportSettings'>;
  buildReports(): ServerData<'buildReports'>;
  recordStockMove(input: StockMoveInput): ServerData<'recordStockMove'>;
  pushStockToOzon(input: PushStockInput): ServerData<'pushStockToOzon'>;
  getInventorySettings(): ServerData<'getInventorySettings'>;
  saveInventorySettings(input: InventorySettingsInput): ServerData<'saveInventorySettings'>;
  syncService(input: { source: 'sidebar' }): ServerData<'syncService'>;
  getServiceContext(): ServerData<'getServiceContext'>;
  pollServiceSelection(input: { known: string }): ServerData<'pollServiceSelection'>;
  saveReturnWork(input: SaveReturnInput): ServerData<'saveReturnWork'>;
  getRfbsReturn(input: RfbsReturnInput): ServerData<'getRfbsReturn'>;
  rfbsReturnAction(input: RfbsActionInput): ServerData<'rfbsReturnAction'>;
  getChatHistory(input: ChatHistoryInput): ServerData<'getChatHistory'>;
  sendChatReply(input: SendMessageInput): ServerData<'sendChatReply'>;
  decideCancellation(input: DecideCancellationInput): ServerData<'decideCancellation'>;
  syncFeedback(input: { source: 'sidebar' }): ServerData<'syncFeedback'>;
  getFeedbackContext(): ServerData<'getFeedbackContext'>;
  getReview(input: ReviewInput): ServerData<'getReview'>;
  replyToReview(input: ReplyReviewInput): ServerData<'replyToReview'>;
  markReview(input: MarkReviewInput): ServerData<'markReview'>;
  getQuestion(input: QuestionInput): ServerData<'getQuestion'>;
  answerQuestion(input: AnswerQuestionInput): ServerData<'answerQuestion'>;
  markQuestion(input: MarkQuestionInput): ServerData<'markQuestion'>;
  runSelfCheck(): ServerData<'runSelfCheck'>;
  getSelfCheck(): ServerData<'getSelfCheck'>;
  getSupportReport(): ServerData<'getSupportReport'>;
  updatePrices(): ServerData<'updatePrices'>;
  getDiscountRequests(): ServerData<'getDiscountRequests'>;
  decideDiscountRequest(input: DecideDiscountInput): ServerData<'decideDiscountRequest'>;
}

export type ServerName = keyof ServerApi;

/** A failed call: the server's ApiError, or `rpc` when the call itself failed (server threw, network). */
export class SidebarError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SidebarError';
  }
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function unwrap<T>(result: unknown): T {
  if (!isApiResult(result)) throw new SidebarError('rpc', 'Unexpected answer from the server');
  if (result.ok) return result.data as T;
  const { code, message, field } = result.error;
  throw new SidebarError(code, message, field);
}

/** Calls a top-level server function through google.script.run and unwraps its ApiResult. */
export function runServer<T>(name: string, args: readonly unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => {
        try {
          resolve(unwrap<T>(value));
        } catch (error) {
          reject(error);
        }
      })
      .withFailureHandler((error) => {
        const message = error && typeof error.message === 'string' ? error.message : String(error);
        reject(new SidebarError('rpc', message));
      }) as unknown as Record<string, ((...a: unknown[]) => void) | undefined>;
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new SidebarError('rpc', `The server has no function ${name}`));
      return;
    }
    fn.apply(runner, [...args]);
  });
}

export function call<K extends ServerName>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return runServer(name, args);
}
