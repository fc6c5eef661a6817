// The order desk's inputs (validated by the sidebar before sending and by the server on receipt) and
// the plain-JSON shapes it answers with. Messages are i18n keys; each side translates them.
import * as z from 'zod';
import { Confirmed } from './confirm-schema';
import { lazySchema } from './lazy-schema';

/** Ozon posting numbers: digits in dash-separated groups, e.g. 12345678-0001-1. */
export const PostingNumber = z
  .string({ message: 'error.desk.posting.required' })
  .trim()
  .min(1, 'error.desk.posting.required')
  .regex(/^[0-9]{1,20}(-[0-9]{1,10}){1,3}$/, 'error.desk.posting.format');

/** At most this many postings in one call (keeps an execution well within its time). */
export const MAX_POSTINGS = 50;

export const PostingList = z
  .array(PostingNumber, { message: 'error.desk.postings.required' })
  .min(1, 'error.desk.postings.required')
  .max(MAX_POSTINGS, 'error.desk.postings.tooMany')
  .transform((list) => [...new Set(list)]);

export const PostingsInput = lazySchema(() => z.object({ postings: PostingList }));
export type PostingsInput = z.input<typeof PostingsInput>;

export const CHECK_ITEMS = ['order', 'items', 'buyer', 'amount'] as const;
export const CheckItemName = lazySchema(() => z.enum(CHECK_ITEMS));

/** Verify: the postings, and the checklist items the seller ticked (every needed one is required). */
export const VerifyInput = lazySchema(() =>
  z.object({
    postings: PostingList,
    checked: z.array(CheckItemName).max(CHECK_ITEMS.length).default([]),
  }),
);
export type VerifyInput = z.input<typeof VerifyInput>;

export const PollInput = lazySchema(() =>
  z
    .union([z.undefined(), z.null(), z.object({ known: z.string().max(200).optional() })])
    .transform((v) => ({ known: v?.known ?? '' })),
);
export type PollInput = z.input<typeof PollInput>;

export const PROBLEM_REASONS = [
  'out_of_stock',
  'damaged',
  'wrong_details',
  'payment',
  'address',
  'buyer_contact',
  'other',
] as const;
export const ProblemReason = lazySchema(() =>
  z.enum(PROBLEM_REASONS, { message: 'error.desk.problem.reason' }),
);
export type ProblemReason = z.infer<typeof ProblemReason>;

export const NOTE_MAX = 500;

export const ProblemInput = lazySchema(() =>
  z
    .object({
      postings: PostingList,
      reason: ProblemReason,
      note: z.string().trim().max(NOTE_MAX, 'error.desk.note.long').optional().default(''),
    })
    .superRefine((value, ctx) => {
      if (value.reason === 'other' && !value.note)
        ctx.addIssue({ code: 'custom', path: ['note'], message: 'error.desk.note.required' });
    }),
);
export type ProblemInput = z.input<typeof ProblemInput>;

const Quantity = lazySchema(() =>
  z
    .union([z.number(), z.string().trim()])
    .transform((v) => (typeof v === 'number' ? v : v === '' ? 0 : Number(v)))
    .pipe(
      z
        .number({ message: 'error.desk.package.quantity' })
        .refine((n) => Number.isInteger(n), 'error.desk.package.quantity')
        .refine((n) => n >= 0 && n <= 100_000, 'error.desk.package.quantity'),
    ),
);

export const MAX_PACKAGES = 20;

export const ShipInput = lazySchema(() =>
  z.object({
    posting: PostingNumber,
    packages: z
      .array(
        z.object({
          items: z.array(
            z.object({
              sku: z
                .string()
                .trim()
                .regex(/^\d{1,20}$/, 'error.desk.package.sku'),
              quantity: Quantity,
            }),
          ),
        }),
        { message: 'error.desk.package.none' },
      )
      .min(1, 'error.desk.package.none')
      .max(MAX_PACKAGES, 'error.desk.package.tooMany'),
  }),
);
export type ShipInput = z.input<typeof ShipInput>;

/** Tracking numbers: no spaces, letters, digits and dashes, 4 to 40 characters. */
export const TrackingNumber = z
  .string({ message: 'error.desk.tracking.empty' })
  .trim()
  .min(1, 'error.desk.tracking.empty')
  .refine((s) => !/\s/.test(s), 'error.desk.tracking.spaces')
  .refine((s) => /^[A-Za-z0-9-]*$/.test(s), 'error.desk.tracking.chars')
  .refine((s) => s.length >= 4 && s.length <= 40, 'error.desk.tracking.length');

export const TrackingInput = lazySchema(() =>
  z.object({
    items: z
      .array(
        z.object({
          posting: PostingNumber,
          trackingNumber: TrackingNumber,
          carrier: z.string().trim().max(60, 'error.desk.carrier.long').optional().default(''),
        }),
        { message: 'error.desk.postings.required' },
      )
      .min(1, 'error.desk.postings.required')
      .max(MAX_POSTINGS, 'error.desk.postings.tooMany'),
  }),
);
export type TrackingInput = z.input<typeof TrackingInput>;

export const RfbsStep = lazySchema(() =>
  z.enum(['delivering', 'last_mile', 'delivered'], {
    message: 'error.desk.rfbs.step',
  }),
);
export type RfbsStep = z.infer<typeof RfbsStep>;

export const RfbsStatusInput = lazySchema(() => z.object({ postings: PostingList, to: RfbsStep }));
export type RfbsStatusInput = z.input<typeof RfbsStatusInput>;

/** Ozon's "other reason": it requires a message. */
export const OTHER_CANCEL_REASON = 402;

export const CancelInput = lazySchema(() =>
  z
    .object({
      posting: PostingNumber,
      reasonId: z.coerce
        .number({ message: 'error.desk.cancel.reason' })
        .int('error.desk.cancel.reason')
        .positive('error.desk.cancel.reason'),
      message: z.string().trim().max(NOTE_MAX, 'error.desk.note.long').optional().default(''),
      confirmed: Confirmed,
    })
    .superRefine((value, ctx) => {
      if (value.reasonId === OTHER_CANCEL_REASON && !value.message)
        ctx.addIssue({ code: 'custom', path: ['message'], message: 'error.desk.cancel.message' });
    }),
);
export type CancelInput = z.input<typeof CancelInput>;

// ---- Answers ------------------------------------------------------------------------------------

export type CheckItem = (typeof CHECK_ITEMS)[number];
/** ok: the data is there to check; missing: something to resolve first; na: not needed (Ozon delivers). */
export type CheckState = 'ok' | 'missing' | 'na';

export type DeskAction =
  | 'verify'
  | 'problem'
  | 'clearProblem'
  | 'ship'
  | 'labels'
  | 'tracking'
  | 'delivering'
  | 'last_mile'
  | 'delivered'
  | 'cancel'
  | 'slip'
  | 'packData'
  | 'handover';

/** Where the posting stands for the desk. */
export type DeskState =
  'to_verify' | 'verified' | 'changed' | 'problem' | 'shipped' | 'cancelled' | 'split' | 'waiting' | 'done';

export interface DeskLine {
  sku: string;
  offerId: string;
  name: string;
  quantity: number;
  price: number;
}

export interface DeskOrder {
  posting: string;
  orderNumber: string;
  schema: string;
  status: string;
  statusText: string;
  /** Ozon's substatus code, and in words. */
  substatus: string;
  substatusText: string;
  state: DeskState;
  /** ISO instants or null. */
  orderedAt: string | null;
  shipBy: string | null;
  /** The same instants as the grid shows them, with their zone (core/format/time): '' for none. */
  orderedAtText: string;
  shipByText: string;
  verifiedAtText: string;
  /** ms until ship-by at the time of the answer (negative: overdue), null without a deadline. */
  msLeft: number | null;
  /** Moscow calendar days from today to the ship-by day (0 today, 1 tomorrow, -1 yesterday). */
  shipByDays: number | null;
  lines: DeskLine[];
  items: number;
  total: number;
  currency: string;
  /** The total as the grid shows it, currency after it (core/format/money). */
  totalText: string;
  payment: string;
  warehouse: string;
  deliveryMethod: string;
  trackingNumber: string;
  carrier: string;
  region: string;
  buyer: string;
  buyerPhone: string;
  address: string;
  cancelReason: string;
  splitFrom: string;
  verified: boolean;
  verifiedBy: string;
  verifiedAt: string | null;
  problem: string;
  note: string;
  label: string;
  /** What Ozon needs before packing ('' when nothing), and the act or shipping it left with. */
  needsData: string;
  act: string;
  packages: number | null;
  checklist: Record<CheckItem, CheckState>;
  actions: DeskAction[];
}

export interface QueueCounts {
  toVerify: number;
  ready: number;
  problems: number;
  toShipToday: number;
}

export interface DeskOrders {
  orders: DeskOrder[];
  /** Requested postings not in the Orders tab. */
  unknown: string[];
  queue: QueueCounts;
}

export interface DeskSelection {
  /** Changes whenever the selection does; send it back as `known` to learn whether it moved. */
  key: string;
  changed: boolean;
  /** True when the active tab is Orders. */
  onOrders: boolean;
  postings: string[];
}

export interface PostingOutcome {
  posting: string;
  ok: boolean;
  /** Localised: what happened, or why not. */
  message: string;
  /** A shipment that split the posting: the new posting numbers. */
  postings?: string[];
}

export interface ActionResult {
  message: string;
  results: PostingOutcome[];
  /** Label PDF saved to Drive, when the action made one. */
  labelUrl?: string;
  /** Act and waybill PDF saved to Drive, when a handover made one. */
  actUrl?: string;
}

export interface CancelReason {
  id: number;
  title: string;
  needsMessage: boolean;
}

export interface NextResult {
  posting: string | null;
  message: string;
  selection: DeskSelection | null;
}
