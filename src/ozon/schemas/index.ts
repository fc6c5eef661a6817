// Which schema validates which Ozon method's answer (the PDF label method has none: it answers bytes).
import type { z } from 'zod';
import { EP } from '../endpoints';
import {
  pricesAnswer,
  productInfoAnswer,
  productListAnswer,
  rolesAnswer,
  setStocksAnswer,
  stocksAnswer,
  warehousesAnswer,
} from './catalog';
import {
  cancelAnswer,
  cancelReasonsAnswer,
  conditionalCancellationsAnswer,
  labelTaskCreateAnswer,
  labelTaskGetAnswer,
  postingOutcomesAnswer,
  productCancelAnswer,
  shipAnswer,
} from './fulfilment';
import {
  analyticsStocksAnswer,
  clusterListAnswer,
  supplyBundleAnswer,
  supplyGetAnswer,
  supplyListAnswer,
  turnoverAnswer,
} from './analytics-stock';
import { fbpListAnswer } from './fbp';
import { stocksByWarehouseAnswer } from './warehouse-stock';
import { fboGetAnswer, fboListAnswer, fbsGetAnswer, fbsListAnswer, fbsUnfulfilledAnswer } from './postings';
import {
  chatHistoryAnswer,
  chatListAnswer,
  emptyAnswer,
  rfbsReturnAnswer,
  rfbsReturnsAnswer,
  returnsAnswer,
  sendMessageAnswer,
} from './service';

export const ANSWER_SCHEMAS: Record<string, z.ZodType> = {
  [EP.fbsList]: fbsListAnswer,
  [EP.fbsUnfulfilled]: fbsUnfulfilledAnswer,
  [EP.fbsGet]: fbsGetAnswer,
  [EP.fboList]: fboListAnswer,
  [EP.fboGet]: fboGetAnswer,
  [EP.fbpList]: fbpListAnswer,
  [EP.ship]: shipAnswer,
  [EP.labelCreate]: labelTaskCreateAnswer,
  [EP.labelGet]: labelTaskGetAnswer,
  [EP.trackingSet]: postingOutcomesAnswer,
  [EP.delivering]: postingOutcomesAnswer,
  [EP.lastMile]: postingOutcomesAnswer,
  [EP.delivered]: postingOutcomesAnswer,
  [EP.cancel]: cancelAnswer,
  [EP.cancelReasons]: cancelReasonsAnswer,
  [EP.productCancel]: productCancelAnswer,
  [EP.stocksSet]: setStocksAnswer,
  [EP.stocksGet]: stocksAnswer,
  [EP.stocksByWarehouse]: stocksByWarehouseAnswer,
  [EP.warehouses]: warehousesAnswer,
  [EP.productList]: productListAnswer,
  [EP.productInfo]: productInfoAnswer,
  [EP.prices]: pricesAnswer,
  [EP.returns]: returnsAnswer,
  [EP.rfbsReturns]: rfbsReturnsAnswer,
  [EP.rfbsReturn]: rfbsReturnAnswer,
  [EP.rfbsReturnAction]: emptyAnswer,
  [EP.chats]: chatListAnswer,
  [EP.chatHistory]: chatHistoryAnswer,
  [EP.chatSend]: sendMessageAnswer,
  [EP.conditionalCancellations]: conditionalCancellationsAnswer,
  [EP.conditionalCancellationApprove]: emptyAnswer,
  [EP.conditionalCancellationReject]: emptyAnswer,
  [EP.roles]: rolesAnswer,
  [EP.clusterList]: clusterListAnswer,
  [EP.analyticsStocks]: analyticsStocksAnswer,
  [EP.turnover]: turnoverAnswer,
  [EP.supplyList]: supplyListAnswer,
  [EP.supplyGet]: supplyGetAnswer,
  [EP.supplyBundle]: supplyBundleAnswer,
};
