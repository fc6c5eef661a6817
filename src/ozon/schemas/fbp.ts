// FBP postings (Ozon's partner warehouses) as /v1/posting/fbp/list returns them (beta). Products and
// financial lines share the FBO shapes; the list pages by cursor alone (an empty cursor ends it).
import { z } from 'zod';
import { int, text } from './common';
import {
  fboProduct,
  fillCurrency,
  financialData,
  listPage,
  type FboProduct,
  type FinancialData,
} from './postings';
import { lazySchema } from '../../shared/lazy-schema';

const s = text.nullish();
const i = int.nullish();

export interface FbpPosting {
  posting_number: string;
  order_id?: number | null;
  order_number?: string | null;
  status: string;
  in_process_at?: string | null;
  order_date?: string | null;
  provider_id?: number | null;
  products: FboProduct[];
  financial_data?: FinancialData | null;
  [extra: string]: unknown;
}

export const fbpPosting = lazySchema(() =>
  z
    .looseObject({
      posting_number: text,
      order_id: i,
      order_number: s,
      status: text,
      in_process_at: s,
      order_date: s,
      provider_id: i,
      products: z.array(fboProduct),
      financial_data: financialData,
    })
    .transform((p): FbpPosting => {
      const currency = p.products.find((x) => x.currency_code)?.currency_code ?? '';
      return { ...p, financial_data: fillCurrency(p.financial_data, currency) } as FbpPosting;
    }),
);

export const fbpListAnswer = lazySchema(() => listPage(fbpPosting));
