// Validation of the inventory entries and settings, used by the sidebar before sending and by the
// server on receipt. Messages are i18n keys; each side translates them.
import * as z from 'zod';

export const EntryReason = z.enum(['receipt', 'write_off', 'count'], { message: 'error.inventory.reason' });
export type EntryReason = z.infer<typeof EntryReason>;

const quantity = z
  .union([z.number(), z.string().trim().min(1, 'error.inventory.quantity.number')])
  .transform((value) => (typeof value === 'number' ? value : Number(value.replace(',', '.'))))
  .pipe(
    z
      .number({ message: 'error.inventory.quantity.number' })
      .refine((n) => Number.isFinite(n), 'error.inventory.quantity.number')
      .refine((n) => Number.isInteger(n), 'error.inventory.quantity.integer')
      .refine((n) => Math.abs(n) < 1_000_000, 'error.inventory.quantity.tooLarge'),
  );

export const StockMoveInput = z
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
  });
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

export interface PushStockResult {
  updated: PushItemResult[];
  failed: PushItemResult[];
  skipped: PushItemResult[];
  message: string;
}

export const InventorySettingsInput = z.object({
  pushAfterSync: z.boolean(),
  /** Replenishment: days of sales the stock at Ozon should cover (1–365); kept as it is when absent. */
  targetCoverDays: z.number().int().min(1).max(365).optional(),
});
export type InventorySettingsInput = z.input<typeof InventorySettingsInput>;

export interface InventorySettingsView {
  pushAfterSync: boolean;
  targetCoverDays: number;
  /** The seller has imported products or recorded a move in this spreadsheet. */
  enabled: boolean;
}
