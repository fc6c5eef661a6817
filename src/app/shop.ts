// A workbook belongs to one Ozon cabinet (Client-Id). Every piece of its state — sync positions, job
// states, the postings count, the stock ledger and its settings — is that cabinet's, so a key for
// another cabinet is refused before it can read or write any of it. The workbook is bound to the
// cabinet of the first key Ozon accepts here (a mistyped Client-Id that Ozon refuses binds nothing).
import type { KeyValueStore } from '../adapters/properties';
import { AppError } from '../core/errors';
import type { HttpPort } from '../ozon/ports';

export const SHOP_KEY = 'ODESK_SHOP';

/** The cabinet this workbook belongs to (null until a key has worked here). */
export function workbookShop(doc: KeyValueStore): string | null {
  return doc.get(SHOP_KEY) || null;
}

/** Refuses a Client-Id of another cabinet than the workbook's, with what to do instead. */
export function assertWorkbookShop(doc: KeyValueStore, clientId: string, field?: string): void {
  const shop = workbookShop(doc);
  if (shop && shop !== clientId.trim())
    throw new AppError('shop.other', 'error.shop.other', { shop, yours: clientId.trim() }, field);
}

/** Binds an unbound workbook to `clientId` after the first answer Ozon gives with success. */
export function bindingOnSuccess(http: HttpPort, doc: KeyValueStore, clientId: string): HttpPort {
  let bound = false;
  return {
    fetchAll(requests) {
      const responses = http.fetchAll(requests);
      if (!bound && responses.some((r) => r.status >= 200 && r.status < 300 && !r.networkError)) {
        bound = true;
        if (!workbookShop(doc)) doc.set(SHOP_KEY, clientId);
      }
      return responses;
    },
  };
}
