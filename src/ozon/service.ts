// Ozon area: customer service (returns, rFBS return requests, chats).
import type { OzonApi } from './api';
import { clampLimit, compact } from './body';
import { EP } from './endpoints';
import { nextCursor, nextLastId } from './paging';
import {
  chatHistoryAnswer,
  chatListAnswer,
  emptyAnswer,
  rfbsReturnAnswer,
  rfbsReturnsAnswer,
  returnsAnswer,
  sendMessageAnswer,
} from './schemas/service';

export interface RfbsReturnsFilter {
  offer_id?: string;
  posting_number?: string;
  group_state?: string[];
  created_at?: { from?: string; to?: string };
}

export function serviceMethods(api: OzonApi) {
  return {
    returnsPage(filter: Record<string, unknown> = {}, lastId = 0, limit = 500) {
      const size = clampLimit(limit, 500);
      const a = api.call(
        EP.returns,
        compact({ filter: compact(filter), limit: size, last_id: lastId || undefined }),
        returnsAnswer,
      );
      const last = a.returns.length ? a.returns[a.returns.length - 1].id : null;
      return { items: a.returns, next: nextLastId(last, a.returns.length, size, a.has_next) };
    },

    rfbsReturnsPage(filter: RfbsReturnsFilter = {}, lastId = 0, limit = 1000) {
      const size = clampLimit(limit, 1000);
      const a = api.call(
        EP.rfbsReturns,
        compact({ filter: compact({ ...filter }), limit: size, last_id: lastId || undefined }),
        rfbsReturnsAnswer,
      );
      const last = a.returns.length ? a.returns[a.returns.length - 1].return_id : null;
      return { items: a.returns, next: nextLastId(last, a.returns.length, size) };
    },

    getRfbsReturn(returnId: number) {
      return api.call(EP.rfbsReturn, { return_id: returnId }, rfbsReturnAnswer).returns;
    },

    /** An action on an rFBS return request; `id` is one of getRfbsReturn(...).available_actions. */
    setRfbsReturnAction(input: {
      return_id: number;
      id: number;
      comment?: string;
      compensation_amount?: number;
      rejection_reason_id?: number;
      return_for_back_way?: number;
    }): void {
      api.call(EP.rfbsReturnAction, compact({ ...input }), emptyAnswer);
    },

    chatsPage(filter: { chat_status?: string; unread_only?: boolean } = {}, cursor = '', limit = 100) {
      const size = clampLimit(limit, 100);
      const a = api.call(
        EP.chats,
        compact({ filter: compact({ ...filter }), limit: size, cursor: cursor || undefined }),
        chatListAnswer,
      );
      return {
        items: a.chats,
        next: nextCursor(a, a.chats.length),
        total_unread_count: a.total_unread_count,
      };
    },

    /** Messages of a chat; message ids are exact decimal strings (they exceed 2^53). */
    chatHistory(
      chatId: string,
      options: { from_message_id?: string; direction?: 'Forward' | 'Backward'; limit?: number } = {},
    ) {
      const body = compact({
        chat_id: chatId,
        direction: options.direction ?? 'Backward',
        from_message_id: options.from_message_id,
        limit: clampLimit(options.limit, 1000),
      });
      return api.call(EP.chatHistory, body, chatHistoryAnswer);
    },

    /** The latest `limit` messages of several chats, fetched side by side (one fetchAll). */
    chatHistories(chatIds: readonly string[], limit = 1) {
      if (!chatIds.length) return [];
      const size = clampLimit(limit, 1000);
      return api.callMany(
        EP.chatHistory,
        chatIds.map((chat_id) => ({ chat_id, direction: 'Backward', limit: size })),
        chatHistoryAnswer,
      );
    },

    /** Sends a text to a chat (needs Ozon Premium Plus/Pro: a 403 becomes OzonSubscriptionError). */
    sendChatMessage(chatId: string, text: string): string {
      return api.call(EP.chatSend, { chat_id: chatId, text }, sendMessageAnswer).result ?? '';
    },
  };
}
