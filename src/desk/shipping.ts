// Packing and shipping (one or several packages), and fetching labels as PDFs into the seller's Drive folder.
import { BUDGET } from '../app/budgets';
import type { AppContext } from '../app/context';
import { AppError } from '../core/errors';
import { onePackage, planPackages, type PackageRequest } from '../core/desk/packages';
import { assertShippable, isRfbs, READY_TO_PACK, statusError } from '../core/desk/rules';
import { statusText } from '../core/orders/tables';
import type { Cell } from '../core/table/spec';
import { toSerial } from '../core/time/serial';
import type { LabelFile } from '../ozon/client';
import { OzonError } from '../ozon/errors';
import { actOrVerify } from '../ozon/outcome';
import type { ActionResult, PostingOutcome } from '../shared/desk-schema';
import { showPostings } from '../sync/refresh';
import {
  each,
  env,
  errorMessage,
  factsOf,
  LABEL_RETRY_MS,
  ozon,
  ozonDeadline,
  readPosting,
  requireKnown,
  rowNote,
  summary,
  tr,
  type Env,
} from './env';
import type { DeskHost } from './host';
import { readDesk, verifiedMark, writeSellerCells, type DeskBook } from './workbook';
import { needsText } from '../core/handover/needs';

/** Packs one posting (verified, awaiting packaging) and confirms by re-reading. Caller holds the lock. */
function shipOne(e: Env, book: DeskBook, posting: string, packages: PackageRequest[] | null): PostingOutcome {
  const record = requireKnown(book, posting);
  const fresh = readPosting(e, posting);
  const facts = { ...factsOf(fresh, record.facts), needsData: needsText(e.ctx.lang, fresh.needs ?? []) };
  if (fresh.status !== record.facts.status || fresh.status !== READY_TO_PACK || facts.needsData)
    showPostings(e.ctx, [fresh]);
  assertShippable(facts, statusText(e.ctx.lang, fresh.status));
  const plan = planPackages(posting, facts.lines, packages ?? onePackage(facts.lines));
  // After a lost answer the posting's state says whether Ozon packed it (never sent twice).
  const act = actOrVerify(
    () => ozon(e).shipPosting(posting, plan),
    () => {
      const now = readPosting(e, posting);
      if (now.status === READY_TO_PACK) return now.substatus === 'ship_failed' ? 'done' : 'not_done';
      return now.status === 'awaiting_deliver' || now.status === 'cancelled_from_split_pending'
        ? 'done'
        : 'unknown';
    },
    { object: tr(e, 'ozon.outcome.posting', { posting }), check: tr(e, 'ozon.check.posting') },
  );
  const shipped = act.value?.result.length ? act.value.result : [posting];
  const numbers = [...new Set([posting, ...shipped])];
  const reread = numbers.map((n) => readPosting(e, n));
  // A row the seller deleted since the desk read it comes back in Orders.
  const back = showPostings(e.ctx, reread);
  const failed = reread.find((p) => p.substatus === 'ship_failed');
  // Seller columns: the package count, and the verification carried over to postings a split made.
  const after = readDesk(e.host, e.ctx.lang);
  const changes = new Map<string, Record<string, Cell>>();
  const split = shipped.length > 1 || shipped[0] !== posting;
  changes.set(posting, { packages: plan.length });
  if (split) {
    const source = after.records.get(posting)?.order;
    for (const child of shipped) {
      if (child === posting) continue;
      changes.set(child, {
        packages: 1,
        verified: source?.verified ? verifiedMark(e.ctx.lang) : '',
        verified_by: source?.verifiedBy ?? '',
        verified_at: source?.verifiedAt ? toSerial(Date.parse(source.verifiedAt), e.host.offset) : null,
      });
    }
  }
  // Ozon has shipped: a row deleted meanwhile misses its package count (the sync brings it back), and
  // the seller is told so.
  const gone = writeSellerCells(e.host, after, changes);
  if (failed)
    throw new AppError('desk.shipFailed', 'error.desk.shipFailed', { posting: failed.postingNumber });
  const pending = reread.filter((p) => shipped.includes(p.postingNumber) && p.status === READY_TO_PACK);
  const message = pending.length
    ? tr(e, 'desk.ship.pending', { posting })
    : split
      ? tr(e, 'desk.ship.split', { posting, count: shipped.length, postings: shipped.join(', ') })
      : tr(e, 'desk.ship.done', { posting });
  const note = [...changes.keys()].some((p) => gone.has(p))
    ? 'desk.rowGone.shipped'
    : back.has(posting)
      ? 'desk.rowBack'
      : undefined;
  return rowNote(e, { posting, ok: true, message, ...(split ? { postings: shipped } : {}) }, note);
}

export function shipOrder(
  ctx: AppContext,
  input: { posting: string; packages: PackageRequest[] },
  host?: DeskHost,
): ActionResult {
  const e = env(ctx, host);
  return e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    const result = shipOne(e, book, input.posting, input.packages);
    return { message: result.message, results: [result] };
  });
}

function notReady(error: unknown): boolean {
  if (!(error instanceof OzonError)) return false;
  const detail = String(error.params.detail ?? '');
  return /NOT_READY|not ready|being generated/i.test(detail);
}

/** `gone`: postings whose Orders row was deleted before the link was written. */
interface Labelled {
  results: PostingOutcome[];
  url?: string;
  gone: ReadonlySet<string>;
}

const NO_LABELS: Labelled = { results: [], gone: new Set() };

/**
 * Fetches labels (≤20 postings a request), waiting while Ozon is still making them, saves each PDF
 * to Drive and links it from the rows. Per posting outcomes.
 */
function fetchLabels(e: Env, postings: readonly string[], until: number): Labelled {
  const results: PostingOutcome[] = [];
  let firstUrl: string | undefined;
  const links = new Map<string, Record<string, Cell>>();
  for (let i = 0; i < postings.length; i += 20) {
    const group = postings.slice(i, i + 20);
    let file: LabelFile | undefined;
    let failure = '';
    for (;;) {
      try {
        file = ozon(e).getLabels(group)[0];
        break;
      } catch (error) {
        if (notReady(error) && e.host.now() + LABEL_RETRY_MS < until) {
          e.host.sleep(LABEL_RETRY_MS);
          continue;
        }
        failure = notReady(error) ? tr(e, 'error.desk.labels.notReady') : errorMessage(error, e.ctx.lang);
        if (group.length === 1)
          throw notReady(error) ? new AppError('desk.labels.notReady', 'error.desk.labels.notReady') : error;
        break;
      }
    }
    if (!file) {
      for (const posting of group) results.push({ posting, ok: false, message: failure });
      continue;
    }
    const stamp = e.host.formatTime(new Date(e.host.now()).toISOString()).replace(':', '-');
    const name =
      group.length === 1
        ? `${tr(e, 'desk.labels.file')} ${group[0]} ${stamp}.pdf`
        : `${tr(e, 'desk.labels.file')} ${stamp} (${group.length}).pdf`;
    const url = e.host.savePdf(name, file.bytes, file.blob);
    firstUrl ??= url;
    for (const posting of group) {
      links.set(posting, { label: url });
      results.push({ posting, ok: true, message: tr(e, 'desk.labels.saved', { posting }) });
    }
  }
  let gone = new Set<string>();
  if (links.size) {
    gone = e.host.withLock(() => {
      const book = readDesk(e.host, e.ctx.lang);
      return writeSellerCells(e.host, book, links);
    });
  }
  return {
    results: results.map((r) => rowNote(e, r, gone.has(r.posting) ? 'desk.rowGone.label' : undefined)),
    ...(firstUrl ? { url: firstUrl } : {}),
    gone,
  };
}

export function printLabels(ctx: AppContext, input: { postings: string[] }, host?: DeskHost): ActionResult {
  const e = env(ctx, host);
  const book = readDesk(e.host, ctx.lang);
  const ready: string[] = [];
  const refused = each(e, input.postings, (posting) => {
    const record = requireKnown(book, posting);
    if (isRfbs(record.facts.schema) && record.facts.status === 'awaiting_deliver')
      throw new AppError('desk.labels.rfbs', 'error.desk.labels.rfbs', { posting });
    if (record.facts.status !== 'awaiting_deliver') throw statusError(record.facts, record.order.statusText);
    ready.push(posting);
    return { posting, ok: true, message: '' };
  }).filter((r) => !r.ok);
  const fetched = ready.length ? fetchLabels(e, ready, ozonDeadline(e)) : NO_LABELS;
  const results = [...fetched.results, ...refused];
  return {
    message: summary(e, results, 'desk.labels.many'),
    results,
    ...(fetched.url ? { labelUrl: fetched.url } : {}),
  };
}

/** Ships every selected verified posting in one package each, then fetches their labels. */
export function shipAndLabel(ctx: AppContext, input: { postings: string[] }, host?: DeskHost): ActionResult {
  const e = env(ctx, host);
  const shipped: string[] = [];
  const outcomes = new Map<string, PostingOutcome>();
  e.host.withLock(() => {
    const book = readDesk(e.host, ctx.lang);
    for (const posting of input.postings) {
      if (e.host.now() > e.started + BUDGET.deskBatchShip) {
        outcomes.set(posting, { posting, ok: false, message: tr(e, 'desk.batch.notStarted') });
        continue;
      }
      try {
        const result = shipOne(e, book, posting, null);
        outcomes.set(posting, result);
        const record = book.records.get(posting);
        if (!isRfbs(record?.facts.schema ?? '')) shipped.push(...(result.postings ?? [posting]));
      } catch (error) {
        outcomes.set(posting, { posting, ok: false, message: errorMessage(error, ctx.lang) });
      }
    }
  });
  const labels = shipped.length ? fetchLabels(e, shipped, ozonDeadline(e)) : NO_LABELS;
  const labelled = new Map(labels.results.map((r) => [r.posting, r]));
  const results = input.postings.map((posting): PostingOutcome => {
    const ship = outcomes.get(posting) as PostingOutcome;
    if (!ship.ok) return ship;
    const numbers = ship.postings ?? [posting];
    const label = numbers.map((n) => labelled.get(n)).filter((r): r is PostingOutcome => Boolean(r));
    const labelFailed = label.find((r) => !r.ok);
    return labelFailed
      ? { ...ship, ok: false, message: `${ship.message} ${labelFailed.message}` }
      : {
          ...ship,
          message: label.length
            ? `${ship.message} ${tr(e, numbers.some((n) => labels.gone.has(n)) ? 'desk.rowGone.label' : 'desk.labels.attached')}`
            : ship.message,
        };
  });
  return {
    message: summary(e, results, 'desk.batch.done'),
    results,
    ...(labels.url ? { labelUrl: labels.url } : {}),
  };
}
