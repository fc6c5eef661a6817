// The routed API: path → handler, retired paths, and which methods each key role opens.
import type { Ctx, Handler } from './handlers/common';
import { analyticsStockHandlers } from './handlers/analytics-stock';
import { catalogHandlers } from './handlers/catalog';
import { feedbackHandlers } from './handlers/feedback';
import { fbpHandlers } from './handlers/fbp';
import { fbsActionHandlers, labelFile } from './handlers/fbs-actions';
import { financeHandlers } from './handlers/finance';
import { handoverHandlers } from './handlers/handover';
import { postingReadHandlers } from './handlers/postings';
import { GET_PATHS, promotionsHandlers } from './handlers/promotions';
import { serviceHandlers } from './handlers/service';
import { supplyHandlers } from './handlers/supply';
import { iso } from './render';

/** Methods Ozon has switched off: they answer 404. */
export const RETIRED = new Set([
  '/v3/posting/fbs/list',
  '/v3/posting/fbs/unfulfilled/list',
  '/v2/posting/fbo/list',
  '/v3/finance/transaction/list',
  '/v1/warehouse/list',
  '/v2/chat/list',
  '/v2/chat/history',
  '/v2/fbs/posting/sent-by-seller',
  '/v1/posting/carriage-available/list',
  '/v1/carriage/delivery/list',
  '/v2/posting/fbs/digital/act/check-status',
  '/v2/posting/fbs/digital/act/get-pdf',
]);

/** Role → method path prefixes it opens. `Admin` opens everything. */
export const ROLE_METHODS: Record<string, string[]> = {
  Admin: [],
  'Posting FBS': [
    '/v4/posting/fbs/',
    '/v3/posting/fbs/get',
    '/v2/posting/fbs/',
    '/v1/posting/fbs/',
    '/v2/fbs/posting/',
    '/v2/conditional-cancellation/',
    '/v1/carriage/',
    '/v2/carriage/',
    '/v1/assembly/',
    '/v1/posting/cutoff/',
    '/v5/fbs/posting/',
    '/v6/fbs/posting/',
  ],
  'Posting FBO': ['/v3/posting/fbo/list', '/v2/posting/fbo/get'],
  'Posting FBP': ['/v1/posting/fbp/'],
  Product: [
    '/v3/product/',
    '/v1/product/import/prices',
    '/v1/product/stairway-discount/',
    '/v5/product/info/prices',
    '/v4/product/info/stocks',
    '/v2/products/stocks',
    '/v1/product/info/',
  ],
  Warehouse: ['/v2/warehouse/list', '/v1/cluster/list'],
  'Supply order': ['/v3/supply-order/', '/v1/supply-order/'],
  Analytics: ['/v1/analytics/'],
  Returns: ['/v1/returns/', '/v2/returns/rfbs/'],
  Chat: ['/v3/chat/', '/v1/chat/'],
  Finance: ['/v1/finance/', '/v2/finance/'],
  Review: ['/v1/review/', '/v2/review/'],
  Question: ['/v1/question/'],
  Promotion: ['/v1/actions', '/v2/actions/'],
  Rating: ['/v1/rating/', '/v1/product/rating-by-sku'],
};

const roles: Handler = ({ shop, roles: granted }: Ctx) => {
  const all = Object.keys(handlers);
  return {
    expires_at: iso(shop.startedAt + 180 * 24 * 3_600_000),
    roles: granted.map((name) => ({
      name,
      methods:
        name === 'Admin' ? all : all.filter((p) => (ROLE_METHODS[name] ?? []).some((m) => p.startsWith(m))),
    })),
  };
};

const handlers: Record<string, Handler> = {
  '/v1/roles': roles,
  ...postingReadHandlers,
  ...fbpHandlers,
  ...fbsActionHandlers,
  ...handoverHandlers,
  ...catalogHandlers,
  ...serviceHandlers,
  ...financeHandlers,
  ...feedbackHandlers,
  ...analyticsStockHandlers,
  ...supplyHandlers,
  ...promotionsHandlers,
};

/** Beta methods Ozon documents only in its news (not in the spec copy): the finance accruals. */
export const BETA_PATHS = new Set([
  '/v1/finance/accrual/types',
  '/v1/finance/accrual/postings',
  '/v1/finance/accrual/by-day',
]);

export const routes = { handlers, labelFile, getPaths: GET_PATHS };
