// The Ozon methods this add-on calls, at their current versions. Retired versions are refused
// outright so a stale path can never slip back in.
export const EP = {
  fbsList: '/v4/posting/fbs/list',
  fbsUnfulfilled: '/v4/posting/fbs/unfulfilled/list',
  fbsGet: '/v3/posting/fbs/get',
  fboList: '/v3/posting/fbo/list',
  fboGet: '/v2/posting/fbo/get',
  fbpList: '/v1/posting/fbp/list',
  ship: '/v4/posting/fbs/ship',
  label: '/v2/posting/fbs/package-label',
  labelCreate: '/v2/posting/fbs/package-label/create',
  labelGet: '/v1/posting/fbs/package-label/get',
  trackingSet: '/v2/fbs/posting/tracking-number/set',
  delivering: '/v2/fbs/posting/delivering',
  lastMile: '/v2/fbs/posting/last-mile',
  delivered: '/v2/fbs/posting/delivered',
  cancel: '/v2/posting/fbs/cancel',
  cancelReasons: '/v2/posting/fbs/cancel-reason/list',
  productCancel: '/v2/posting/fbs/product/cancel',
  stocksSet: '/v2/products/stocks',
  stocksGet: '/v4/product/info/stocks',
  stocksByWarehouse: '/v1/product/info/stocks-by-warehouse/fbs',
  warehouses: '/v2/warehouse/list',
  productList: '/v3/product/list',
  productInfo: '/v3/product/info/list',
  prices: '/v5/product/info/prices',
  returns: '/v1/returns/list',
  rfbsReturns: '/v2/returns/rfbs/list',
  rfbsReturn: '/v2/returns/rfbs/get',
  rfbsReturnAction: '/v1/returns/rfbs/action/set',
  chats: '/v3/chat/list',
  chatHistory: '/v3/chat/history',
  chatSend: '/v1/chat/send/message',
  conditionalCancellations: '/v2/conditional-cancellation/list',
  conditionalCancellationApprove: '/v2/conditional-cancellation/approve',
  conditionalCancellationReject: '/v2/conditional-cancellation/reject',
  roles: '/v1/roles',
  clusterList: '/v1/cluster/list',
  analyticsStocks: '/v1/analytics/stocks',
  turnover: '/v1/analytics/turnover/stocks',
  supplyList: '/v3/supply-order/list',
  supplyGet: '/v3/supply-order/get',
  supplyBundle: '/v1/supply-order/bundle',
  actions: '/v1/actions',
  actionProducts: '/v1/actions/products',
  actionCandidates: '/v1/actions/candidates',
  actionActivate: '/v1/actions/products/activate',
  actionDeactivate: '/v1/actions/products/deactivate',
  discountTasks: '/v2/actions/discounts-task/list',
  discountApprove: '/v1/actions/discounts-task/approve',
  discountDecline: '/v1/actions/discounts-task/decline',
  importPrices: '/v1/product/import/prices',
  stairwaySet: '/v1/product/stairway-discount/by-quantity/set',
  stairwayGet: '/v1/product/stairway-discount/by-quantity/get',
} as const;

export type Endpoint = (typeof EP)[keyof typeof EP];

/** Switched off by Ozon (see the shared API notes): never to be called. */
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
  // Deprecated 2026-01-29 in favour of /v2/actions/discounts-task/list.
  '/v1/actions/discounts-task/list',
]);

/**
 * Methods that change something at Ozon and are not idempotent: after an unclear answer (5xx, a
 * timeout, a garbled body) the action may have happened, so they are never re-sent blindly.
 * Setting stock or a tracking number writes an absolute value and may be repeated. Prices and
 * quantity discounts are absolute too, but Ozon counts every price change (10 an hour per product)
 * and applies quantity discounts asynchronously: after a lost answer they are read back, not re-sent.
 */
export const ACTIONS: ReadonlySet<string> = new Set([
  EP.ship,
  EP.labelCreate,
  EP.delivering,
  EP.lastMile,
  EP.delivered,
  EP.cancel,
  EP.productCancel,
  EP.rfbsReturnAction,
  EP.chatSend,
  EP.conditionalCancellationApprove,
  EP.conditionalCancellationReject,
  EP.actionActivate,
  EP.actionDeactivate,
  EP.discountApprove,
  EP.discountDecline,
  EP.importPrices,
  EP.stairwaySet,
]);
