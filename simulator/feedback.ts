// Buyer feedback in the simulated shop: reviews (with their comments and processed state), product
// questions (with answers and NEW → VIEWED → PROCESSED states), the seller's ratings and the FBS
// error index. Reviews and questions arrive on a fixed, seeded rhythm: the k-th review is published
// at `first + k·gap`, so the set grows as modeled time passes and two runs of one seed agree.
// Buyers' texts include formulas and HTML on purpose: the add-on must keep them as text.
import type { Shop } from './shop';
import { mix, Rng } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ReviewComment {
  id: string;
  text: string;
  publishedAt: number;
  isOwner: boolean;
  isOfficial: boolean;
  parentId: string;
}

export interface Review {
  k: number;
  id: string;
  sku: number;
  text: string;
  rating: number;
  publishedAt: number;
  status: 'PROCESSED' | 'UNPROCESSED';
  photos: number;
  videos: number;
  orderStatus: 'DELIVERED' | 'CANCELLED';
  comments: ReviewComment[];
}

export interface Answer {
  id: string;
  text: string;
  publishedAt: number;
  authorName: string;
}

export interface Question {
  k: number;
  id: string;
  sku: number;
  text: string;
  authorName: string;
  publishedAt: number;
  status: 'NEW' | 'VIEWED' | 'PROCESSED';
  answers: Answer[];
}

export interface ErrorPosting {
  postingNumber: string;
  type: 'SELLER_CANCELLATION' | 'SELLER_DELAY';
  at: number;
  price: number;
  currency: string;
  schema: string;
}

const REVIEW_TEXTS: readonly [string, number][] = [
  ['Отличный товар, всё как в описании!', 5],
  ['Пришло быстро, упаковка целая. Рекомендую.', 5],
  ['Нормально, но цвет немного отличается от фото.', 4],
  ['Хорошее качество за свои деньги', 4],
  ['Средне. Швы кривые.', 3],
  ['=HYPERLINK("http://evil.example","Нажми")', 3],
  ['Сломался через неделю, очень расстроен', 2],
  ['<script>alert("xss")</script> товар не пришёл целым', 1],
  ['Не соответствует размеру, верну', 1],
  ['质量很好，物流很快 👍', 5],
  ['', 5],
];

const QUESTION_TEXTS = [
  'Подойдёт ли для iPhone 15?',
  'Какой размер у упаковки?',
  'Есть ли гарантия?',
  '=IMPORTXML("http://evil.example","//a")',
  '<b>Когда</b> будет снова в наличии?',
  '这个产品有黑色吗？',
];

const NAMES = ['Анна', 'Игорь', 'Мария П.', 'Покупатель', 'Li Wei'];

function uuid(r: Rng, prefix: string): string {
  const h = () => Math.floor(r.next() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, h).join('');
  return `${prefix}${part(8 - prefix.length)}-${part(4)}-7${part(3)}-a${part(3)}-${part(12)}`;
}

export class FeedbackWorld {
  readonly reviews: Review[] = [];
  readonly reviewsById = new Map<string, Review>();
  readonly questions: Question[] = [];
  readonly questionsById = new Map<string, Question>();
  /** First instant and rhythm of arrivals. */
  readonly firstReview: number;
  readonly reviewGap = 3 * HOUR;
  readonly firstQuestion: number;
  readonly questionGap = 7 * HOUR;
  private seq = 0;

  constructor(private readonly shop: Shop) {
    this.firstReview = shop.startedAt - 40 * DAY + 17 * 60_000;
    this.firstQuestion = shop.startedAt - 40 * DAY + 41 * 60_000;
  }

  /** Brings the reviews and questions up to `now`. */
  catchUp(now: number): void {
    const skus = this.shop.state.products.filter((p) => !p.archived).map((p) => p.sku);
    if (!skus.length) return;
    for (let k = this.reviews.length; this.firstReview + k * this.reviewGap <= now; k++) {
      this.addReview(k, skus, now);
    }
    for (let k = this.questions.length; this.firstQuestion + k * this.questionGap <= now; k++) {
      this.addQuestion(k, skus, now);
    }
  }

  private addReview(k: number, skus: number[], now: number): void {
    const r = new Rng(mix(this.shop.seed, k, 9101));
    const [text, rating] = r.pick(REVIEW_TEXTS);
    const publishedAt = this.firstReview + k * this.reviewGap;
    const review: Review = {
      k,
      id: uuid(r, '0199'),
      sku: r.pick(skus),
      text,
      rating,
      publishedAt,
      status: 'UNPROCESSED',
      photos: r.chance(0.2) ? r.int(1, 4) : 0,
      videos: r.chance(0.05) ? 1 : 0,
      orderStatus: r.chance(0.95) ? 'DELIVERED' : 'CANCELLED',
      comments: [],
    };
    // Reviews older than ten days were mostly handled in Ozon's own cabinet before the add-on came.
    if (now - publishedAt > 10 * DAY && r.chance(0.6)) {
      review.status = 'PROCESSED';
      if (r.chance(0.7))
        review.comments.push(this.comment(review, 'Спасибо за отзыв!', publishedAt + 5 * HOUR, true));
    }
    this.reviews.push(review);
    this.reviewsById.set(review.id, review);
  }

  private addQuestion(k: number, skus: number[], now: number): void {
    const r = new Rng(mix(this.shop.seed, k, 9202));
    const publishedAt = this.firstQuestion + k * this.questionGap;
    const q: Question = {
      k,
      id: uuid(r, '0192'),
      sku: r.pick(skus),
      text: r.pick(QUESTION_TEXTS),
      authorName: r.pick(NAMES),
      publishedAt,
      status: 'NEW',
      answers: [],
    };
    if (now - publishedAt > 10 * DAY && r.chance(0.6)) {
      q.status = 'PROCESSED';
      q.answers.push(this.answer('Да, подойдёт.', publishedAt + 3 * HOUR));
    } else if (r.chance(0.3)) q.status = 'VIEWED';
    this.questions.push(q);
    this.questionsById.set(q.id, q);
  }

  comment(review: Review, text: string, at: number, owner: boolean, parentId = ''): ReviewComment {
    const r = new Rng(mix(this.shop.seed, review.k, 9303, ++this.seq));
    return { id: uuid(r, '0193'), text, publishedAt: at, isOwner: owner, isOfficial: owner, parentId };
  }

  answer(text: string, at: number): Answer {
    const r = new Rng(mix(this.shop.seed, 9404, ++this.seq));
    return { id: uuid(r, '0194'), text, publishedAt: at, authorName: 'Продавец' };
  }

  /** Postings the seller cancelled or shipped late: what the FBS error index counts. */
  errorPostings(from: number, to: number): ErrorPosting[] {
    const out: ErrorPosting[] = [];
    for (const p of this.shop.state.postings.values()) {
      if (p.scheme === 'fbo') continue;
      const sellerCancel = p.cancellation?.affectsRating === true;
      const late = p.packedAt !== null && p.packedAt > p.shipmentDate;
      if (!sellerCancel && !late) continue;
      const at = sellerCancel ? p.lastChangedStatusDate : (p.packedAt as number);
      if (at < from || at > to) continue;
      out.push({
        postingNumber: p.postingNumber,
        type: sellerCancel ? 'SELLER_CANCELLATION' : 'SELLER_DELAY',
        at,
        price: p.lines.reduce((sum, l) => sum + l.price * l.quantity, 0),
        currency: p.currency,
        schema: p.scheme === 'rfbs' ? 'RFBS' : 'FBS',
      });
    }
    return out.sort((a, b) => a.at - b.at || a.postingNumber.localeCompare(b.postingNumber));
  }

  /** The product's content rating (0–100): stable per SKU. */
  contentRating(sku: number): number {
    return Math.round((55 + (mix(this.shop.seed, sku, 9505) % 4500) / 100) * 10) / 10;
  }
}

const worlds = new WeakMap<Shop, FeedbackWorld>();

export function feedbackOf(shop: Shop, now: number): FeedbackWorld {
  let world = worlds.get(shop);
  if (!world) worlds.set(shop, (world = new FeedbackWorld(shop)));
  world.catchUp(now);
  return world;
}
