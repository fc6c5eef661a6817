// Validation of the inventory entries and settings, used by the sidebar before sending and by the
// server on receipt. Messages are i18n keys; each side translates them.
import * as z from 'zod';
import { lazySchema } from './lazy-schema';

export const EntryReason = lazySchema(() =>
  z.enum(['receipt', 'write_off', 'count'], { message: 'error.inventory.reason' }),
);
export type EntryReason = z.infer<typeof EntryReason>;

const quantity = lazySchema(() =>
  z
    .union([z.number(), z.string().trim().min(1, 'error.inventory.quantity.number')])
    .transform((value) => (typeof value === 'number' ? value : Number(value.replace(',', '.'))))
    .pipe(
      z
        .number({ message: 'error.inventory.quantity.number' })
        .refine((n) => Number.isFinite(n), 'error.inventory.quantity.number')
        .refine((n) => Number.isInteger(n), 'error.inventory.quantity.integer')
        .refine((n) => Math.abs(n) < 1_000_000, 'error.inventory.quantity.tooLarge'),
    ),
);

export const StockMoveInput = lazySchema(() =>
  z
    .object({
      offerId: z
        .string({ message: 'error.inventory.offerId.required' })
        .trim()
        .min(1, 'error.inventory.offerId.required'),
      reason: EntryReason,
      /** Receipt and write-off: units moved (> 0). Count: units counted on the shelf (≥ 0). */
      quantity,
      note: z.string().trim().max(500, 'error.inventory.note.long').optional().default(''),
    })
    .superRefine((value, ctx) => {
      if (value.reason === 'count') {
        if (value.quantity < 0)
          ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'error.inventory.count.negative' });
        return;
      }
      if (value.quantity === 0)
        ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'error.inventory.quantity.zero' });
      else if (value.quantity < 0)
        ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'error.inventory.quantity.positive' });
    }),
);
export type StockMoveInput = z.input<typeof StockMoveInput>;

/** What a recorded entry did to the offer. */
export interface StockMoveResult {
  offerId: string;
  /** The signed move written to the ledger. */
  quantity: number;
  onHand: number;
  available: number;
  status: 'ok' | 'low' | 'out' | 'oversold';
  message: string;
}

export interface PushItemResult {
  offerId: string;
  warehouse: string;
  stock: number;
  /** Why it was not updated (localised); empty when updated. */
  reason: string;
}

/** A push refused because it would cut stock sharply for many products: what the seller confirms. */
export interface SharpCutPreview {
  /** Send it back as `confirmCut` to push this very cut. */
  token: string;
  /** Offer × warehouse pairs cut sharply, of `pairs` the push covers. */
  count: number;
  pairs: number;
  /** The largest cuts (at most 5). */
  examples: { offerId: string; warehouse: string; from: number; to: number }[];
  /** The examples in words, "A-1: 40 → 0, … and 3 more". */
  text: string;
}

export interface PushStockResult {
  updated: PushItemResult[];
  failed: PushItemResult[];
  skipped: PushItemResult[];
  message: string;
  /** Set when nothing was pushed because the seller must confirm a sharp cut first. */
  needsConfirmation?: SharpCutPreview;
}

/**
 * Push stock: from the menu (nothing, or Apps Script's event object) or the sidebar. `confirmCut` is
 * the token of a sharp cut the seller saw and confirmed; the server pushes that cut and no other.
 */
export const PushStockInput = lazySchema(() =>
  z
    .preprocess(
      // The menu passes nothing or Apps Script's event object.
      (value) => (value && typeof value === 'object' ? value : {}),
      z
        .object({
          source: z.enum(['menu', 'sidebar']).optional(),
          confirmCut: z
            .string({ message: 'error.inventory.confirmCut' })
            .regex(/^[0-9a-z]{1,8}-[0-9a-z]{1,8}$/, 'error.inventory.confirmCut')
            .optional(),
        })
        .loose(),
    )
    .transform((value) => ({
      source: value.source === 'sidebar' ? ('sidebar' as const) : ('menu' as const),
      ...(value.confirmCut ? { confirmCut: value.confirmCut } : {}),
    })),
);
export type PushStockInput = z.input<typeof PushStockInput>;

export const InventorySettingsInput = lazySchema(() =>
  z.object({
    pushAfterSync: z.boolean(),
    /** Replenishment: days of sales the stock at Ozon should cover (1–365); kept as it is when absent. */
    targetCoverDays: z.number().int().min(1).max(365).optional(),
  }),
);
export type InventorySettingsInput = z.input<typeof InventorySettingsInput>;

export interface InventorySettingsView {
  pushAfterSync: boolean;
  targetCoverDays: number;
  /** The seller has imported products or recorded a move in this spreadsheet. */
  enabled: boolean;
}

/** One Inventory row after "Update prices": what happened to its price and quantity discount. */
export interface PriceItemResult {
  offerId: string;
  outcome: 'updated' | 'unchanged' | 'refused' | 'failed';
  /** The row's Price result (localised). */
  text: string;
}

export interface UpdatePricesResult {
  updated: number;
  unchanged: number;
  refused: number;
  failed: number;
  items: PriceItemResult[];
  message: string;
}
