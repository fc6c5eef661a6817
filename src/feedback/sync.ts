// The buyer-feedback sync: reviews, then product questions, then ratings (seller rating, FBS error
// index and the postings that hurt it, content rating per SKU). Phase by phase within one
// execution's budget; the position is kept in document properties so the next run continues.
//
// Incremental: reviews and questions are read from where the last complete sync ended (with an
// overlap), and a rolling fortnight is re-read so status changes made in Ozon's cabinet and new
// replies reach the sheet. Rows are matched by review / question id: each lands exactly once.
//
// Plans: reviews need Review Management or Premium Pro, questions Premium Plus; ratings need the
// rating role. A refusal of one part is explained and the other parts still run.
import { readJson, type KeyValueStore } from '../adapters/properties';
import {
  errorIndexRow,
  errorIndexSpec,
  NEGATIVE_MAX,
  productRatingsSpec,
  questionRow,
  questionsSpec,
  ratingRow,
  reviewRow,
  reviewsSpec,
  sellerRatingSpec,
  clip,
  type ProductName,
  type RatingRecord,
} from '../core/feedback/tables';
import { t, type Lang, type MessageKey } from '../core/i18n/messages';
import { landPending } from '../core/table/land';
import type { SheetsRequest } from '../core/table/requests';
import { applySetup, prepareTab, type PreparedTab, type TabSnapshot } from '../core/table/snapshot';
import type { RowValues, TableSpec } from '../core/table/spec';
import { isoToSerial, toSerial, type OffsetMinutes } from '../core/time/serial';
import type { FeedbackApi } from '../ozon/feedback';
import { OzonRoleError, OzonSubscriptionError } from '../ozon/errors';
import { lookbackDays, type SyncSource } from '../sync/job';
import { logRequest, runLogEntry, syncLogSpec } from '../sync/sync-log';
import { columnByKey } from '../service/sync';

export type FeedbackSource = Pick<
  FeedbackApi,
  | 'reviewsPage'
  | 'commentsOf'
  | 'questionsPage'
  | 'answersOf'
  | 'productNames'
  | 'productRatings'
  | 'ratingSummary'
  | 'ratingHistory'
  | 'fbsIndex'
  | 'fbsIndexPostingsPage'
>;

export interface FeedbackEnv {
  now(): number;
  store: KeyValueStore;
  lang: Lang;
  offset: OffsetMinutes;
  source(): FeedbackSource;
  readTabs(specs: readonly TableSpec[]): Map<string, TabSnapshot>;
  write(requests: SheetsRequest[]): void;
  /** Start no new Ozon page after this instant (the run's one deadline, less room to write). */
  fetchUntil: number;
}

export type FeedbackPhase = 'reviews' | 'questions' | 'ratings' | 'errors' | 'products' | 'done';
export type Part = 'reviews' | 'questions' | 'ratings';
/** Why Ozon refused a part: the plan or the key's roles. */
export type Refusal = 'subscription' | 'role';

export interface NegativeReview {
  id: string;
  rating: number;
  offerId: string;
  text: string;
}

export interface FeedbackJob {
  v: 1;
  startedAt: number;
  to: string;
  reviewsFrom: string;
  questionsFrom: string;
  phase: FeedbackPhase;
  lastId: string;
  cursor: string;
  counts: { reviews: number; questions: number; errors: number };
  negative: { count: number; samples: NegativeReview[] };
  refused: Partial<Record<Part, Refusal>>;
  /** The first sync of this spreadsheet: what it lands is history, not news (no negative-review alert). */
  first: boolean;
  executions: number;
}

export interface FeedbackOutcome {
  result: 'done' | 'partial' | 'failed';
  message: string;
  /** Plain lines for the toast: refusals and new negative reviews. */
  notes: string[];
  fetched: number;
  added: number;
  updated: number;
  job: FeedbackJob;
  error?: unknown;
}

export const FEEDBACK_JOB_KEY = 'ODESK_FEEDBACK_JOB';
export const FEEDBACK_MARK_KEY = 'ODESK_FEEDBACK_MARK';
const OVERLAP_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
/** Re-read this much of the recent past every run: statuses and replies change after publishing. */
const ROLLING_DAYS = 14;
const ERROR_INDEX_DAYS = 30;
const PHASES: FeedbackPhase[] = ['reviews', 'questions', 'ratings', 'errors', 'products', 'done'];
const PART_OF: Record<FeedbackPhase, Part | null> = {
  reviews: 'reviews',
  questions: 'questions',
  ratings: 'ratings',
  errors: 'ratings',
  products: 'ratings',
  done: null,
};
const MAX_SAMPLES = 5;
const MAX_PENDING = 2_000;

export function loadFeedbackJob(store: KeyValueStore): FeedbackJob | null {
  const job = readJson<FeedbackJob>(store, FEEDBACK_JOB_KEY);
  return job && job.v === 1 ? job : null;
}

export function planFeedbackJob(store: KeyValueStore, now: number): FeedbackJob {
  const mark = readJson<{ to: string }>(store, FEEDBACK_MARK_KEY);
  const rolling = now - ROLLING_DAYS * DAY_MS;
  const from = mark
    ? Math.min(Math.max(Date.parse(mark.to) - OVERLAP_MS, now - 365 * DAY_MS), rolling)
    : now - Math.max(lookbackDays(store), ROLLING_DAYS) * DAY_MS;
  const fromIso = new Date(from).toISOString();
  return {
    v: 1,
    startedAt: now,
    to: new Date(now).toISOString(),
    reviewsFrom: fromIso,
    questionsFrom: fromIso,
    phase: 'reviews',
    lastId: '',
    cursor: '',
    counts: { reviews: 0, questions: 0, errors: 0 },
    negative: { count: 0, samples: [] },
    refused: {},
    first: !mark,
    executions: 0,
  };
}

function nextPhase(job: FeedbackJob): void {
  job.phase = PHASES[PHASES.indexOf(job.phase) + 1] ?? 'done';
  job.lastId = '';
  job.cursor = '';
}

/** Skips the rest of a refused part. */
function skipPart(job: FeedbackJob, part: Part): void {
  while (job.phase !== 'done' && PART_OF[job.phase] === part) nextPhase(job);
}

function refusalOf(error: unknown): Refusal | null {
  if (error instanceof OzonSubscriptionError) return 'subscription';
  if (error instanceof OzonRoleError) return 'role';
  return null;
}

export function refusalText(lang: Lang, part: Part, refusal: Refusal): string {
  return t(lang, `feedback.refused.${part}.${refusal}` as MessageKey);
}

interface Tabs {
  reviews: PreparedTab;
  questions: PreparedTab;
  rating: PreparedTab;
  errors: PreparedTab;
  products: PreparedTab;
  log: PreparedTab;
}

const TAB_SPECS = [
  reviewsSpec,
  questionsSpec,
  sellerRatingSpec,
  errorIndexSpec,
  productRatingsSpec,
  syncLogSpec,
] as const;

/** Reads the feedback tabs once, creating or repairing them. */
export function prepareFeedbackTabs(env: Pick<FeedbackEnv, 'readTabs' | 'write'>): Tabs {
  const snapshots = env.readTabs(TAB_SPECS);
  const prepared = TAB_SPECS.map((spec) => prepareTab(snapshots.get(spec.tab) as TabSnapshot));
  const setup = prepared.flatMap((p) => p.setup);
  if (setup.length) {
    env.write(setup);
    for (const tab of prepared) applySetup(tab);
  }
  const [reviews, questions, rating, errors, products, log] = prepared;
  return { reviews, questions, rating, errors, products, log };
}

/** SKU → offer and name, from what the feedback tabs already know. */
function knownProducts(tabs: Tabs): Map<string, ProductName> {
  const out = new Map<string, ProductName>();
  for (const tab of [tabs.products, tabs.reviews, tabs.questions]) {
    const sku = tab.positions.get('sku');
    const offer = tab.positions.get('offer_id');
    const name = tab.positions.get('product');
    if (sku === undefined || offer === undefined || name === undefined) continue;
    for (const row of tab.snapshot.values.slice(1)) {
      const key = String(row[sku] ?? '');
      const offerId = String(row[offer] ?? '');
      if (key && offerId && !out.has(key)) out.set(key, { offerId, name: String(row[name] ?? '') });
    }
  }
  return out;
}

const ownReply = (
  comments: { is_owner?: boolean | null; text?: string | null; published_at?: string | null }[],
) => [...comments].reverse().find((c) => c.is_owner === true);

export function runFeedbackStep(
  env: FeedbackEnv,
  source: SyncSource,
  describe: (e: unknown) => string,
): FeedbackOutcome {
  const started = env.now();
  let job = loadFeedbackJob(env.store) ?? planFeedbackJob(env.store, started);
  job.executions++;
  const ctx = { lang: env.lang, offset: env.offset };
  let fetched = 0;
  let added = 0;
  let updated = 0;
  let tabs: Tabs | undefined;
  const pending = {
    reviews: new Map<string, RowValues>(),
    questions: new Map<string, RowValues>(),
    rating: new Map<string, RowValues>(),
    errors: new Map<string, RowValues>(),
    products: new Map<string, RowValues>(),
  };
  const size = () => Object.values(pending).reduce((n, m) => n + m.size, 0);
  const copy = (j: FeedbackJob): FeedbackJob => JSON.parse(JSON.stringify(j)) as FeedbackJob;

  const flush = (next: FeedbackJob) => {
    if (!tabs) return;
    const plans = landPending(env, tabs, pending, ['reviews', 'questions', 'rating', 'errors', 'products']);
    for (const [name, plan] of plans) {
      if (!plan) continue;
      added += plan.added.length;
      updated += plan.updated.length;
      if (name !== 'reviews' || next.first) continue;
      // A review new to the sheet with 1–3 stars is news for the seller.
      for (const key of plan.added) {
        const row = pending.reviews.get(String(key));
        const rating = Number(row?.rating);
        if (!row || !(rating >= 1 && rating <= NEGATIVE_MAX)) continue;
        next.negative.count++;
        if (next.negative.samples.length < MAX_SAMPLES)
          next.negative.samples.push({
            id: String(key),
            rating,
            offerId: String(row.offer_id ?? row.sku ?? ''),
            text: clip(String(row.text ?? ''), 120),
          });
      }
    }
    for (const map of Object.values(pending)) map.clear();
    // Saved after the rows it produced are written: a run that dies in between re-reads those pages.
    env.store.set(FEEDBACK_JOB_KEY, JSON.stringify(next));
    job = next;
  };

  try {
    tabs = prepareFeedbackTabs(env);
    const ozon = env.source();
    const products = knownProducts(tabs);
    const lookup = (skus: string[]) => {
      const unknown = [...new Set(skus.filter((s) => s && !products.has(s)))];
      if (!unknown.length) return;
      try {
        for (const [sku, p] of ozon.productNames(unknown)) products.set(sku, p);
      } catch (error) {
        // Without the product role the rows keep their SKU; the names come with a later run.
        if (!refusalOf(error)) throw error;
      }
      for (const sku of unknown) if (!products.has(sku)) products.set(sku, { offerId: '', name: '' });
    };
    const named = (sku: string | null | undefined) => {
      const p = products.get(String(sku ?? ''));
      return p && p.offerId ? p : undefined;
    };
    let work = copy(job);

    while (work.phase !== 'done' && env.now() < env.fetchUntil) {
      const part = PART_OF[work.phase] as Part;
      try {
        if (work.phase === 'reviews') {
          const page = ozon.reviewsPage({ from: work.reviewsFrom, to: work.to }, work.lastId);
          lookup(page.items.map((r) => r.sku ?? ''));
          const known = columnByKey(tabs.reviews, 'comments');
          const stale = page.items.filter(
            (r) => (r.comments_amount ?? 0) > 0 && Number(known.get(r.id) ?? -1) !== r.comments_amount,
          );
          const comments = ozon.commentsOf(stale.map((r) => r.id));
          const replies = new Map(stale.map((r, k) => [r.id, ownReply(comments[k] ?? [])]));
          for (const r of page.items) {
            const row = reviewRow(r, ctx, named(r.sku));
            const reply = replies.get(r.id);
            if (reply) {
              row.reply = clip(reply.text);
              row.replied_at = isoToSerial(reply.published_at, env.offset);
            }
            pending.reviews.set(r.id, row);
          }
          work.counts.reviews += page.items.length;
          fetched += page.items.length;
          if (page.next === null) nextPhase(work);
          else work.lastId = page.next;
        } else if (work.phase === 'questions') {
          const page = ozon.questionsPage({ from: work.questionsFrom, to: work.to }, work.lastId);
          lookup(page.items.map((q) => q.sku ?? ''));
          const known = columnByKey(tabs.questions, 'answers');
          const stale = page.items.filter(
            (q) => (q.answers_count ?? 0) > 0 && Number(known.get(q.id) ?? -1) !== q.answers_count,
          );
          const answers = ozon.answersOf(stale.map((q) => ({ id: q.id, sku: q.sku ?? '' })));
          const last = new Map(stale.map((q, k) => [q.id, (answers[k] ?? []).slice(-1)[0]]));
          for (const q of page.items) {
            const row = questionRow(q, ctx, named(q.sku));
            const answer = last.get(q.id);
            if (answer) {
              row.answer = clip(answer.text);
              row.answered_at = isoToSerial(answer.published_at, env.offset);
            }
            pending.questions.set(q.id, row);
          }
          work.counts.questions += page.items.length;
          fetched += page.items.length;
          if (page.next === null) nextPhase(work);
          else work.lastId = page.next;
        } else if (work.phase === 'ratings') {
          for (const r of sellerRatings(ozon, env.now()))
            pending.rating.set(r.rating, ratingRow(r, ctx, env.now()));
          const index = ozon.fbsIndex();
          pending.rating.set('fbs_error_index', {
            rating: 'fbs_error_index',
            group: t(env.lang, 'feedback.index.group'),
            name: t(env.lang, 'feedback.index.name', {
              from: index.period_from ?? '',
              to: index.period_to ?? '',
              costs: index.processing_costs_sum ?? 0,
              currency: index.currency_code ?? '',
            }),
            value: index.index ?? null,
            status: '',
            status_code: '',
            better: t(env.lang, 'feedback.direction.LOWER_IS_BETTER'),
            updated_at: toSerial(env.now(), env.offset),
          });
          nextPhase(work);
        } else if (work.phase === 'errors') {
          const range = {
            from: new Date(Date.parse(work.to) - ERROR_INDEX_DAYS * DAY_MS).toISOString(),
            to: work.to,
          };
          const page = ozon.fbsIndexPostingsPage(range, work.cursor);
          for (const e of page.items) {
            const row = errorIndexRow(e, ctx);
            pending.errors.set(String(row.row_key), row);
          }
          work.counts.errors += page.items.length;
          fetched += page.items.length;
          if (page.next === null) nextPhase(work);
          else work.cursor = page.next;
        } else if (work.phase === 'products') {
          flush(work);
          work = copy(job);
          for (const row of productRows(tabs, ozon, env)) pending.products.set(String(row.sku), row);
          nextPhase(work);
        }
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        work.refused[part] = refusal;
        skipPart(work, part);
      }
      if (size() >= MAX_PENDING) {
        flush(work);
        work = copy(job);
      }
    }
    flush(work);

    const done = job.phase === 'done';
    if (done) {
      env.store.set(
        FEEDBACK_MARK_KEY,
        JSON.stringify({ to: job.to, completedAt: env.now(), refused: job.refused }),
      );
      env.store.delete(FEEDBACK_JOB_KEY);
    }
    const notes = feedbackNotes(env.lang, job);
    const message = done
      ? t(env.lang, 'feedback.sync.done', { reviews: job.counts.reviews, questions: job.counts.questions })
      : t(env.lang, 'feedback.sync.partial', { fetched: job.counts.reviews + job.counts.questions });
    const outcome: FeedbackOutcome = {
      result: done ? 'done' : 'partial',
      message,
      notes,
      fetched,
      added,
      updated,
      job,
    };
    writeLog(env, tabs, started, source, outcome);
    return outcome;
  } catch (error) {
    const message = t(env.lang, 'feedback.sync.failed', { reason: describe(error) });
    const outcome: FeedbackOutcome = {
      result: 'failed',
      message,
      notes: [],
      fetched,
      added,
      updated,
      job,
      error,
    };
    try {
      if (tabs) writeLog(env, tabs, started, source, outcome);
    } catch {
      // Best effort: the message still reaches the seller.
    }
    return outcome;
  }
}

/** The lines a toast adds: refused parts and new negative reviews. */
export function feedbackNotes(lang: Lang, job: FeedbackJob): string[] {
  const notes: string[] = [];
  for (const part of ['reviews', 'questions', 'ratings'] as const) {
    const refusal = job.refused[part];
    if (refusal) notes.push(refusalText(lang, part, refusal));
  }
  if (job.negative.count > 0) notes.push(t(lang, 'feedback.negative', { count: job.negative.count }));
  return notes;
}

function sellerRatings(ozon: FeedbackSource, now: number): RatingRecord[] {
  const summary = ozon.ratingSummary();
  const records: RatingRecord[] = [];
  for (const group of summary.groups) {
    for (const item of group.items) {
      if (!item.rating) continue;
      records.push({
        rating: item.rating,
        group: group.group_name ?? '',
        name: item.name ?? item.rating,
        value: item.current_value ?? null,
        pastValue: item.past_value ?? null,
        status: item.status ?? '',
        direction: item.rating_direction ?? '',
        valueType: item.value_type ?? '',
        warning: null,
        danger: null,
      });
    }
  }
  if (records.length) {
    // Thresholds come with the history: the last week is enough to read them.
    const history = ozon.ratingHistory(
      records.map((r) => r.rating),
      new Date(now - 7 * DAY_MS).toISOString(),
      new Date(now).toISOString(),
    );
    for (const h of history.ratings) {
      const r = records.find((x) => x.rating === h.rating);
      if (!r) continue;
      r.warning = h.warning_threshold ?? null;
      r.danger = h.danger_threshold ?? null;
    }
  }
  return records;
}

/** One row per SKU of the Reviews and Questions tabs: content rating and what buyers said. */
function productRows(tabs: Tabs, ozon: FeedbackSource, env: FeedbackEnv): RowValues[] {
  interface Stat {
    offerId: string;
    product: string;
    reviews: number;
    score: number;
    negative: number;
    unprocessed: number;
    openQuestions: number;
  }
  const stats = new Map<string, Stat>();
  const stat = (sku: string, offerId: string, product: string) => {
    let s = stats.get(sku);
    if (!s)
      stats.set(
        sku,
        (s = { offerId, product, reviews: 0, score: 0, negative: 0, unprocessed: 0, openQuestions: 0 }),
      );
    if (!s.offerId && offerId) s.offerId = offerId;
    if (!s.product && product) s.product = product;
    return s;
  };
  const each = (tab: PreparedTab, fn: (get: (key: string) => unknown) => void) => {
    for (const row of tab.snapshot.values.slice(1)) {
      fn((key) => {
        const col = tab.positions.get(key);
        return col === undefined ? undefined : row[col];
      });
    }
  };
  each(tabs.reviews, (get) => {
    const sku = String(get('sku') ?? '');
    if (!sku) return;
    const s = stat(sku, String(get('offer_id') ?? ''), String(get('product') ?? ''));
    const rating = Number(get('rating'));
    if (rating >= 1 && rating <= 5) {
      s.reviews++;
      s.score += rating;
      if (rating <= NEGATIVE_MAX) s.negative++;
    }
    if (get('status_code') === 'UNPROCESSED') s.unprocessed++;
  });
  each(tabs.questions, (get) => {
    const sku = String(get('sku') ?? '');
    if (!sku) return;
    const s = stat(sku, String(get('offer_id') ?? ''), String(get('product') ?? ''));
    const status = get('status_code');
    if (status === 'NEW' || status === 'VIEWED') s.openQuestions++;
  });
  const skus = [...stats.keys()];
  const ratings = skus.length ? ozon.productRatings(skus) : new Map<string, number>();
  const now = toSerial(env.now(), env.offset);
  return skus.map((sku) => {
    const s = stats.get(sku) as Stat;
    return {
      sku,
      offer_id: s.offerId,
      product: s.product,
      content_rating: ratings.get(sku) ?? null,
      reviews: s.reviews,
      review_score: s.reviews ? Math.round((s.score / s.reviews) * 100) / 100 : null,
      negative: s.negative,
      unprocessed: s.unprocessed,
      open_questions: s.openQuestions,
      updated_at: now,
    };
  });
}

function writeLog(
  env: FeedbackEnv,
  tabs: Tabs,
  started: number,
  source: SyncSource,
  outcome: FeedbackOutcome,
) {
  const log = tabs.log;
  const entry = runLogEntry({
    lang: env.lang,
    offset: env.offset,
    started,
    now: env.now(),
    source,
    job: 'feedback.sync.source',
    result: outcome.result,
    fetched: outcome.fetched,
    added: outcome.added,
    updated: outcome.updated,
    text: outcome.result === 'failed' ? outcome.message : outcome.notes.join(' '),
  });
  env.write([logRequest(log.snapshot.sheetId, log.positions, entry, log.snapshot.zone)]);
}
