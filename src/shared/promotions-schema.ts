// The Discount requests sidebar: the calls' inputs (checked by the server with zod, and by the sidebar
// before sending) and what the server answers.
import * as z from 'zod';
import { lazySchema } from './lazy-schema';

const TaskId = lazySchema(() =>
  z
    .union([z.number(), z.string().regex(/^\d{1,15}$/, 'error.discounts.taskId')], {
      message: 'error.discounts.taskId',
    })
    .transform(Number)
    .pipe(z.number().int('error.discounts.taskId').positive('error.discounts.taskId')),
);

/** A price as typed: 1290, 1290.5, "1 290,50"; empty means the price the buyer asked. */
const Price = lazySchema(() =>
  z
    .union([z.number(), z.string()], { message: 'error.discounts.price' })
    .transform((v) => (typeof v === 'number' ? String(v) : v.replace(/[\s\u00a0]/g, '').replace(',', '.')))
    .refine((v) => v === '' || (/^\d{1,9}(\.\d{1,2})?$/.test(v) && Number(v) > 0), 'error.discounts.price')
    .optional(),
);

export const DecideDiscountInput = lazySchema(() =>
  z.object({
    taskId: TaskId,
    decision: z.enum(['approve', 'decline'], { message: 'error.discounts.decision' }),
    price: Price,
    /** The seller accepts approving at a loss (or with the profit unknown); checked on the server. */
    confirmBelowCost: z.boolean({ message: 'error.discounts.confirm' }).optional(),
  }),
);
export type DecideDiscountInput = z.input<typeof DecideDiscountInput>;
export type DecideDiscountValue = z.output<typeof DecideDiscountInput>;

export interface DiscountRequestView {
  id: number;
  sku: string;
  offerId: string;
  name: string;
  currency: string;
  /** Money in units (not minor): the product's price and the price the buyer asks. */
  price: number | null;
  asked: number | null;
  quantity: number | null;
  /** ISO time by which to answer. */
  endAt: string | null;
  unitCost: number | null;
  /** Profit and margin per unit at the price asked; null when the cost or the fees are unknown. */
  profit: number | null;
  margin: number | null;
  /** Where the fees come from, in the seller's words. */
  basis: string;
  /** Approving needs confirmBelowCost: a loss at the price asked, or the profit unknown. */
  needsConfirm: boolean;
}

export interface DiscountRequestsView {
  requests: DiscountRequestView[];
  message: string;
}

export interface DecideDiscountResult {
  id: number;
  status: 'approved' | 'declined';
  message: string;
}
