// Ozon area: fulfilment (packing, labels, rFBS tracking and statuses, cancellations).
import { z } from 'zod';
import type { OzonApi } from './api';
import { base64ToBytes, chunks, clampLimit, compact } from './body';
import { EP } from './endpoints';
import { collect, nextLastId } from './paging';
import { parseAnswer } from './schemas/common';
import {
  cancelAnswer,
  cancelReasonsAnswer,
  conditionalCancellationsAnswer,
  labelTaskCreateAnswer,
  labelTaskGetAnswer,
  postingOutcomesAnswer,
  productCancelAnswer,
  shipAnswer,
} from './schemas/fulfilment';
import { emptyAnswer } from './schemas/service';

export interface LabelFile {
  posting_numbers: string[];
  /** Raw PDF bytes. */
  bytes: number[] | Uint8Array;
  /** The Apps Script Blob of the answer, when the host provides one. */
  blob?: unknown;
  content_type: string;
}

export interface PostingOutcome {
  posting_number: string;
  result: boolean;
  error: string;
}

export interface ConditionalCancellationFilters {
  posting_number?: string[];
  state?: 'ALL' | 'ON_APPROVAL' | 'APPROVED' | 'REJECTED';
  cancellation_initiator?: string[];
}

const TRACKING_PER_REQUEST = 20;
const LABELS_PER_REQUEST = 20;

export function fulfilmentMethods(api: OzonApi) {
  function outcomes(path: string, bodies: unknown[]): PostingOutcome[] {
    if (!bodies.length) return [];
    return api.callMany(path, bodies, postingOutcomesAnswer).flatMap((a) =>
      a.result.map((r) => ({
        posting_number: r.posting_number,
        result: r.result === true,
        error: r.error ?? '',
      })),
    );
  }

  function conditionalCancellationsPage(
    filters: ConditionalCancellationFilters = {},
    lastId = 0,
    limit = 500,
  ) {
    const size = clampLimit(limit, 500);
    const a = api.call(
      EP.conditionalCancellations,
      compact({
        filters: compact({ ...filters }),
        limit: size,
        last_id: lastId || undefined,
        with: { counter: true },
      }),
      conditionalCancellationsAnswer,
    );
    return { items: a.result, next: nextLastId(a.last_id, a.result.length, size), counter: a.counter };
  }

  return {
    /**
     * Packs a posting into packages (several packages split it). product_id is the SKU. HTTP 200 is not
     * success: re-read the posting and check for substatus ship_failed.
     */
    shipPosting(
      postingNumber: string,
      packages: { products: { product_id: number; quantity: number }[] }[],
      withAdditional = false,
    ) {
      const body = {
        packages,
        posting_number: postingNumber,
        ...(withAdditional ? { with: { additional_data: true } } : {}),
      };
      return api.call(EP.ship, body, shipAnswer);
    },

    /** Labels as PDFs (≤20 postings a request, only awaiting_deliver, ready 45–60 s after packing). */
    getLabels(postingNumbers: readonly string[]): LabelFile[] {
      const groups = chunks(postingNumbers, LABELS_PER_REQUEST);
      const answers = api.transport.many(
        groups.map((g) => ({ path: EP.label, body: { posting_number: g }, raw: true })),
      );
      return answers.map((a, k) => {
        if (a.json !== undefined) {
          const parsed = parseAnswer(
            EP.label,
            z.looseObject({ file_content: z.string(), content_type: z.string().nullish() }),
            a.json,
          );
          return {
            posting_numbers: groups[k],
            bytes: base64ToBytes(parsed.file_content),
            content_type: parsed.content_type ?? 'application/pdf',
          };
        }
        const raw = a.response.bytes
          ? a.response.bytes()
          : Array.from(a.response.body, (ch) => ch.charCodeAt(0) & 0xff);
        return {
          posting_numbers: groups[k],
          bytes: raw,
          ...(a.response.blob !== undefined ? { blob: a.response.blob } : {}),
          content_type: 'application/pdf',
        };
      });
    },

    createLabelTask(postingNumbers: readonly string[]) {
      return api.call(EP.labelCreate, { posting_number: postingNumbers }, labelTaskCreateAnswer).result.tasks;
    },

    getLabelTask(taskId: number) {
      return api.call(EP.labelGet, { task_id: taskId }, labelTaskGetAnswer).result;
    },

    /** rFBS tracking numbers, ≤20 a request (split here); per-posting outcomes. */
    setTrackingNumbers(
      items: readonly { posting_number: string; tracking_number: string }[],
    ): PostingOutcome[] {
      const bodies = chunks(items, TRACKING_PER_REQUEST).map((g) => ({ tracking_numbers: g }));
      return outcomes(EP.trackingSet, bodies);
    },

    /** rFBS status → delivering (asynchronous: re-read the posting to confirm). */
    setDelivering(postingNumbers: readonly string[]): PostingOutcome[] {
      return outcomes(EP.delivering, [{ posting_number: postingNumbers }]);
    },

    setLastMile(postingNumbers: readonly string[]): PostingOutcome[] {
      return outcomes(EP.lastMile, [{ posting_number: postingNumbers }]);
    },

    setDelivered(postingNumbers: readonly string[]): PostingOutcome[] {
      return outcomes(EP.delivered, [{ posting_number: postingNumbers }]);
    },

    cancelPosting(input: {
      posting_number: string;
      cancel_reason_id: number;
      cancel_reason_message?: string;
    }): boolean {
      return api.call(EP.cancel, compact({ ...input }), cancelAnswer).result;
    },

    cancelReasons() {
      return api.call(EP.cancelReasons, {}, cancelReasonsAnswer).result;
    },

    cancelProducts(input: {
      posting_number: string;
      cancel_reason_id: number;
      cancel_reason_message: string;
      items: { sku: number; quantity: number }[];
    }) {
      return api.call(EP.productCancel, input, productCancelAnswer).result ?? '';
    },

    conditionalCancellationsPage,

    listConditionalCancellations(filters: ConditionalCancellationFilters = {}) {
      return collect(0, (id) => conditionalCancellationsPage(filters, id), api.bounds());
    },

    /** Approves a buyer's rFBS cancellation request (ON_APPROVAL only): the order is cancelled. */
    approveConditionalCancellation(cancellationId: number, comment?: string): void {
      api.call(
        EP.conditionalCancellationApprove,
        compact({ cancellation_id: cancellationId, comment: comment || undefined }),
        emptyAnswer,
      );
    },

    /** Rejects a buyer's rFBS cancellation request (ON_APPROVAL only): the order goes on. */
    rejectConditionalCancellation(cancellationId: number, comment?: string): void {
      api.call(
        EP.conditionalCancellationReject,
        compact({ cancellation_id: cancellationId, comment: comment || undefined }),
        emptyAnswer,
      );
    },
  };
}
