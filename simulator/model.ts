// The simulated shop's state. Times are epoch ms; the wire format (ISO strings, money shapes) is made by render.ts.

export type Scheme = 'fbs' | 'rfbs' | 'fbo' | 'fbp';

/** FBO and FBP postings are packed and shipped by Ozon or its partner warehouse, not by the seller. */
export const shippedByOzon = (scheme: Scheme): boolean => scheme === 'fbo' || scheme === 'fbp';
export type Currency = 'RUB' | 'KZT';

export interface Product {
  productId: number; // Ozon product_id
  sku: number; // Ozon SKU (what postings and ship use)
  offerId: string; // seller article: text, may have leading zeros
  name: string;
  price: number; // in `currency`
  oldPrice: number;
  currency: Currency;
  commissionPercent: number;
  weightKg: number;
  color: string;
  barcode: string;
  createdAt: number;
  archived: boolean;
  vat: string;
  fboStock: number;
  fboReserved: number;
}

export interface Warehouse {
  id: number;
  name: string;
  isRfbs: boolean;
  city: string;
  address: string;
  deliveryMethodId: number;
  deliveryMethodName: string;
  tplProvider: string;
  tplProviderId: number;
  /** Ozon's recommended drop-off time ('' where it is not offered: hand over with an act). */
  recommendedTime: string;
  createdAt: number;
}

export interface StockCell {
  present: number; // includes reserved
  reserved: number;
  updatedAt: number; // last seller update via /v2/products/stocks (0 = never)
}

export interface Address {
  address_tail: string;
  city: string;
  comment: string;
  country: string;
  district: string;
  latitude: number;
  longitude: number;
  provider_pvz_code: string;
  pvz_code: number;
  region: string;
  zip_code: string;
}

export interface Buyer {
  customerId: number;
  name: string;
  phone: string;
  email: string;
  address: Address;
  prefix: string; // first part of the buyer's order numbers (8 digits, may start with 0)
  orders: number;
}

export interface PostingLine {
  sku: number;
  offerId: string;
  name: string;
  quantity: number;
  price: number; // unit price the buyer pays, posting currency
  oldPrice: number;
  commissionPercent: number;
}

export interface Cancellation {
  reasonId: number;
  reason: string;
  initiator: 'Seller' | 'Client' | 'Ozon' | 'System' | 'Delivery';
  type: 'seller' | 'client' | 'ozon' | 'system' | 'delivery';
  afterShip: boolean;
  affectsRating: boolean;
}

export interface Posting {
  seq: number; // unique, increasing with creation: the tie-breaker of every ordering
  postingNumber: string;
  orderId: number;
  orderNumber: string;
  scheme: Scheme;
  status: string;
  substatus: string;
  previousSubstatus: string;
  inProcessAt: number;
  shipmentDate: number; // pack-by deadline
  deliveringDate: number | null;
  deliveredAt: number | null;
  lastChangedStatusDate: number;
  packedAt: number | null;
  warehouseId: number; // seller warehouse (FBS/rFBS) or Ozon FBO warehouse
  warehouseName: string;
  currency: Currency;
  lines: PostingLine[];
  buyer: Buyer | null; // rFBS only
  region: string;
  city: string;
  clusterFrom: string;
  clusterTo: string;
  paymentType: string;
  deliveryType: string;
  isPremium: boolean;
  isLegal: boolean;
  legal: { company_name: string; inn: string; kpp: string } | null;
  trackingNumber: string;
  tplIntegrationType: string;
  parentPostingNumber: string;
  cancellation: Cancellation | null;
  barcodes: { upper: string; lower: string };
  isExpress: boolean;
  exemplarsSet: boolean;
  /** Data Ozon needs before packing (country, marking codes, ship date); absent = none. */
  compliance?: Compliance;
}

/** What a posting still needs before Ozon lets it be packed, and what the seller has given. */
export interface Compliance {
  /** SKUs whose country of manufacture is missing. */
  country: Set<number>;
  /** SKUs that need a Chestny ZNAK marking code per unit. */
  mark: Set<number>;
  /** A cross-border rFBS posting whose ship date the seller must set. */
  cutoff: boolean;
  countries: Map<number, string>;
  /** exemplar ids per SKU, made by create-or-get. */
  exemplars: Map<number, number[]>;
  /** Saved by exemplar/set: exemplar id → codes; checked `MARK_CHECK_MS` after `setAt`. */
  marks: Map<number, string[]>;
  setAt: number | null;
}

export interface ReturnItem {
  id: number;
  postingNumber: string;
  orderId: number;
  orderNumber: string;
  schema: 'FBS' | 'FBO';
  type: 'FullReturn' | 'PartialReturn' | 'Cancellation' | 'ClientReturn';
  reason: string;
  sku: number;
  offerId: string;
  name: string;
  price: number;
  currency: Currency;
  commissionPercent: number;
  quantity: number;
  createdAt: number;
  statusChangedAt: number;
  statusSysName: string;
  statusName: string;
  warehouseId: number;
  warehouseName: string;
  barcode: string;
}

export interface RfbsReturnRequest {
  returnId: number;
  returnNumber: string;
  postingNumber: string;
  orderNumber: string;
  clientName: string;
  createdAt: number;
  sku: number;
  offerId: string;
  name: string;
  price: number;
  currency: Currency;
  state: string;
  groupState: string;
  stateName: string;
  moneyReturnStateName: string;
  comment: string;
  reasonId: number;
  reasonName: string;
  isDefect: boolean;
  rejectionComment: string;
  warehouseId: number;
}

export interface ChatMessage {
  id: bigint; // > 2^53: written to JSON as a bare integer
  createdAt: number;
  userType: 'Customer' | 'Seller' | 'Support' | 'NotificationUser';
  userId: string;
  text: string;
  isRead: boolean;
  orderNumber: string;
  sku: string;
}

export interface Chat {
  chatId: string;
  createdAt: number;
  status: 'OPENED' | 'CLOSED';
  type: 'BUYER_SELLER' | 'SELLER_SUPPORT' | 'SELLER_API_NOTIFICATIONS';
  messages: ChatMessage[];
}

export interface ConditionalCancellation {
  id: number;
  postingNumber: string;
  initiator: 'OZON' | 'SELLER' | 'CLIENT' | 'SYSTEM' | 'DELIVERY';
  reasonId: number;
  reasonName: string;
  message: string;
  createdAt: number;
  orderDate: number;
  autoApproveAt: number;
  state: 'ON_APPROVAL' | 'APPROVED' | 'REJECTED';
  decidedAt: number | null;
  comment: string;
  tplIntegrationType: string;
}

export interface LabelTask {
  id: number;
  type: 'big_label';
  postingNumbers: string[];
  createdAt: number;
}

export interface Carriage {
  id: number;
  /** `carriage`: /v1/carriage/create (approved by the seller); `act`: /v2/posting/fbs/act/create. */
  kind: 'carriage' | 'act';
  deliveryMethodId: number;
  deliveryMethodName: string;
  warehouseId: number;
  postingNumbers: string[];
  createdAt: number;
  departureDate: number;
  /** new → formed (approved / documents ready) → received (accepted by Ozon) | cancelled. */
  status: 'new' | 'in_process' | 'formed' | 'received' | 'cancelled';
  approvedAt: number | null;
  containersCount: number;
  updatedAt: number;
  /** Postings Ozon did not find at acceptance (a mismatch certificate), and surplus (excess). */
  missing: string[];
  excess: number;
}

/** Read-only view for tests (and the live state the handlers change). */
export interface ShopState {
  readonly postings: Map<string, Posting>;
  readonly products: Product[];
  readonly productsBySku: Map<number, Product>;
  readonly productsById: Map<number, Product>;
  readonly productsByOffer: Map<string, Product>;
  readonly warehouses: Warehouse[];
  /** key `${productId}:${warehouseId}` */
  readonly stocks: Map<string, StockCell>;
  readonly returns: ReturnItem[];
  readonly rfbsReturns: RfbsReturnRequest[];
  readonly chats: Chat[];
  readonly conditionalCancellations: ConditionalCancellation[];
  readonly labelTasks: Map<number, LabelTask>;
  /** Handover acts (shipments to the carrier) by id. */
  readonly carriages: Map<number, Carriage>;
  /** Corrections Ozon books on a posting at any later time, beside those derived from it (tests add them). */
  readonly accrualCorrections: AccrualCorrection[];
}

/** A signed accrual Ozon books on a posting later, e.g. logistics re-priced weeks after delivery. */
export interface AccrualCorrection {
  postingNumber: string;
  /** An accrual type id (121: logistics re-priced). */
  typeId: number;
  /** When it is booked (epoch ms): its Moscow date is the accrual's date. */
  at: number;
  minor: number;
  /** The product it is for; 0 for the posting as a whole. */
  sku: number;
}
