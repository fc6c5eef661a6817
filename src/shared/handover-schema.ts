// Inputs of the handover and pre-pack data calls (checked by the sidebar before sending and by the server
// on receipt) and the plain-JSON answers. Messages are i18n keys; each side translates them.
import * as z from 'zod';
import { Confirmed } from './confirm-schema';
import { PostingList, PostingNumber } from './desk-schema';
import { lazySchema } from './lazy-schema';

export const DepartureDate = z
  .string({ message: 'error.handover.date' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'error.handover.date')
  .refine((s) => Number.isFinite(Date.parse(`${s}T00:00:00Z`)), 'error.handover.date');

const Id = lazySchema(() =>
  z.coerce.number({ message: 'error.handover.id' }).int('error.handover.id').positive('error.handover.id'),
);

/** The menu passes an event object (or nothing): every field is optional. */
export const HandoverInput = lazySchema(() =>
  z
    .union([
      z.undefined(),
      z.null(),
      z
        .object({
          date: DepartureDate.optional(),
          deliveryMethodId: Id.optional(),
          /** Only these postings (a shipping's composition); default: every packed one. */
          postings: PostingList.optional(),
          /** Package units, for sellers with trusted acceptance. */
          containers: z.coerce.number().int().min(1).max(999).optional(),
        })
        .loose(),
    ])
    .transform((v) => ({
      date: v?.date,
      deliveryMethodId: v?.deliveryMethodId,
      postings: v?.postings,
      containers: v?.containers,
    })),
);
export type HandoverInput = z.input<typeof HandoverInput>;

export const HandoverDayInput = lazySchema(() =>
  z
    .union([z.undefined(), z.null(), z.object({ date: DepartureDate.optional() })])
    .transform((v) => ({ date: v?.date })),
);
export type HandoverDayInput = z.input<typeof HandoverDayInput>;

/** Deleting a shipping is destructive: the call itself must carry the seller's confirmation. */
export const CancelCarriageInput = lazySchema(() =>
  z.object({
    id: Id,
    confirmed: Confirmed,
  }),
);
export type CancelCarriageInput = z.input<typeof CancelCarriageInput>;

export const PostingInput = lazySchema(() => z.object({ posting: PostingNumber }));
export type PostingInput = z.input<typeof PostingInput>;

export const CutoffInput = lazySchema(() => z.object({ posting: PostingNumber, date: DepartureDate }));
export type CutoffInput = z.input<typeof CutoffInput>;

const Sku = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, 'error.desk.package.sku');

export const CountryInput = lazySchema(() =>
  z.object({
    posting: PostingNumber,
    items: z
      .array(
        z.object({
          sku: Sku,
          country: z
            .string({ message: 'error.handover.country' })
            .trim()
            .regex(/^[A-Za-z]{2}$/, 'error.handover.country'),
        }),
      )
      .min(1, 'error.handover.country')
      .max(50),
  }),
);
export type CountryInput = z.input<typeof CountryInput>;

export const MARK_MAX = 200;

export const MarksInput = lazySchema(() =>
  z.object({
    posting: PostingNumber,
    items: z
      .array(
        z.object({
          sku: Sku,
          /** One Chestny ZNAK code per unit, as scanned. */
          codes: z.array(z.string().max(MARK_MAX, 'error.handover.mark.long')).max(1000),
        }),
      )
      .min(1, 'error.handover.mark.none')
      .max(50),
  }),
);
export type MarksInput = z.input<typeof MarksInput>;

// ---- Answers ------------------------------------------------------------------------------------

export interface HandoverMethod {
  id: number;
  name: string;
  warehouse: string;
  flow: 'carriage' | 'act';
  /** Packed postings not yet in a shipping. */
  ready: number;
  /** `status` is Ozon's code, `statusText` its words in the seller's language. */
  carriages: { id: number; status: string; statusText: string; postings: number }[];
}

export interface HandoverDay {
  date: string;
  methods: HandoverMethod[];
}

export interface HandoverOutcome {
  method: string;
  id: number | null;
  ok: boolean;
  message: string;
  actUrl?: string;
}

export interface HandoverResult {
  message: string;
  results: HandoverOutcome[];
  actUrl?: string;
}

export interface PackLine {
  sku: string;
  offerId: string;
  name: string;
  quantity: number;
  needsCountry: boolean;
  needsMark: boolean;
}

export interface PackRequirements {
  posting: string;
  needs: { kind: string; skus: string[]; text: string }[];
  needsCutoff: boolean;
  lines: PackLine[];
  countries: { code: string; name: string }[];
  /** What Ozon says of the marking codes (ship_available, validation_in_process, …), '' if none. */
  markStatus: string;
  /** Today in the spreadsheet's time zone (the earliest ship date). */
  today: string;
}

export interface MarkProblem {
  sku: string;
  /** 1-based unit within the SKU; 0 for the SKU as a whole. */
  unit: number;
  code: string;
  message: string;
}

export interface PackDataResult {
  ok: boolean;
  message: string;
  problems: MarkProblem[];
  requirements: PackRequirements;
}
