// The data Ozon needs before it lets a posting be packed, entered from the order desk: the ship date of a
// cross-border rFBS posting, the country of manufacture, and Chestny ZNAK marking codes (checked by
// Ozon item by item before they are saved). Each step re-reads the posting and updates its Orders row.
import type { AppContext } from '../app/context';
import { describeError } from '../app/handler';
import { AppError } from '../core/errors';
import { needsText, postingNeeds, type PostingNeed } from '../core/handover/needs';
import { t, type Lang, type MessageKey } from '../core/i18n/messages';
import type { FbsPosting } from '../ozon/schemas/postings';
import { isUnclear, type MarkProduct } from '../ozon/handover';
import type { MarkProblem, PackDataResult, PackRequirements } from '../shared/handover-schema';
import { ozonClientFor } from '../app/ozon';
import { fromFbs } from '../core/orders/from-ozon';
import { showPostings } from '../sync/refresh';
import { handoverEnv, today, type HandoverEnv } from './index';
import type { HandoverHost } from './host';

/** Ozon checks saved codes in seconds: read the status this often, this long. */
const MARK_POLL_MS = 2_000;
const MARK_WAIT_MS = 20_000;

const tr = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);

function errorText(error: unknown, lang: Lang): string {
  const d = describeError(error, lang);
  return d.ok ? '' : d.error.message;
}

function readFresh(e: HandoverEnv, posting: string): FbsPosting {
  const p = ozonClientFor(e.ctx.user, Date.now() + 60_000).getFbsPosting(posting);
  // The Orders row shows at once what is still needed.
  showPostings(e.ctx, [fromFbs(p)]);
  return p;
}

function needsOf(p: FbsPosting): PostingNeed[] {
  return postingNeeds({
    status: p.status,
    available_actions: p.available_actions,
    requirements: p.requirements,
  });
}

function requirementsOf(e: HandoverEnv, p: FbsPosting): PackRequirements {
  const lang = e.ctx.lang;
  const needs = needsOf(p);
  const skus = (kind: string) => new Set(needs.find((n) => n.kind === kind)?.skus ?? []);
  const country = skus('country');
  const mark = skus('mark');
  const api = e.api();
  return {
    posting: p.posting_number,
    needs: needs.map((n) => ({ ...n, text: needsText(lang, [n]) })),
    needsCutoff: needs.some((n) => n.kind === 'cutoff'),
    lines: p.products.map((l) => ({
      sku: String(l.sku),
      offerId: String(l.offer_id ?? ''),
      name: String(l.name ?? ''),
      quantity: l.quantity,
      needsCountry: country.has(String(l.sku)),
      needsMark: mark.has(String(l.sku)),
    })),
    countries: country.size
      ? api.countries().map((c) => ({ code: c.country_iso_code, name: c.name ?? c.country_iso_code }))
      : [],
    markStatus: mark.size ? (api.markStatus(p.posting_number).status ?? '') : '',
    today: today(e),
  };
}

export function packRequirements(
  ctx: AppContext,
  input: { posting: string },
  host?: HandoverHost,
): PackRequirements {
  const e = handoverEnv(ctx, host);
  return requirementsOf(e, readFresh(e, input.posting));
}

function result(e: HandoverEnv, posting: string, ok: boolean, message: string, problems: MarkProblem[] = []) {
  const fresh = readFresh(e, posting);
  const requirements = requirementsOf(e, fresh);
  const left = requirements.needs.length;
  const text = ok && !left ? `${message} ${tr(e.ctx.lang, 'handover.data.complete', { posting })}` : message;
  return { ok, message: text, problems, requirements } satisfies PackDataResult;
}

/** The ship date of a cross-border rFBS posting (not in the past). */
export function setShipDate(
  ctx: AppContext,
  input: { posting: string; date: string },
  host?: HandoverHost,
): PackDataResult {
  const e = handoverEnv(ctx, host);
  const lang = ctx.lang;
  if (input.date < today(e))
    throw new AppError('handover.pastDate', 'error.handover.pastDate', { date: input.date });
  // Noon Moscow time of the chosen day: the day stays the same in every Russian time zone.
  const at = new Date(Date.parse(`${input.date}T09:00:00Z`)).toISOString();
  try {
    e.api().setCutoff(input.posting, at);
  } catch (error) {
    if (!isUnclear(error)) throw error;
    const fresh = readFresh(e, input.posting);
    if (needsOf(fresh).some((n) => n.kind === 'cutoff'))
      throw new AppError('handover.cutoffUnclear', 'error.handover.cutoffUnclear', {
        posting: input.posting,
      });
  }
  return result(
    e,
    input.posting,
    true,
    tr(lang, 'handover.cutoff.set', { posting: input.posting, date: input.date }),
  );
}

/** Countries of manufacture, per SKU; per-item failures are reported, the others are saved. */
export function setCountries(
  ctx: AppContext,
  input: { posting: string; items: { sku: string; country: string }[] },
  host?: HandoverHost,
): PackDataResult {
  const e = handoverEnv(ctx, host);
  const lang = ctx.lang;
  const problems: MarkProblem[] = [];
  for (const item of input.items) {
    try {
      e.api().setCountry(input.posting, Number(item.sku), item.country.toUpperCase());
    } catch (error) {
      problems.push({ sku: item.sku, unit: 0, code: item.country, message: errorText(error, lang) });
    }
  }
  const message = problems.length
    ? tr(lang, 'handover.country.failed', { count: problems.length })
    : tr(lang, 'handover.country.set', { posting: input.posting });
  return result(e, input.posting, !problems.length, message, problems);
}

const MARK_ERRORS = new Set([
  'MARK_IS_EMPTY',
  'MARK_IS_TOO_LONG',
  'MARK_HAS_INVALID_SYMBOLS',
  'MARK_INVALID_FORMAT',
  'MARK_DUPLICATED',
  'MARKS_REQUIRED',
  'HAS_INCORRECT_PRODUCT_QUANTITY',
  'MANDATORY_MARK_REDUNDANT',
  'PRODUCT_NOT_FOUND_IN_POSTING',
]);

/** Ozon's error codes of a marking code in the seller's words (unknown codes are shown as they are). */
export function markError(lang: Lang, code: string): string {
  return MARK_ERRORS.has(code)
    ? tr(lang, `handover.mark.${code}` as MessageKey)
    : tr(lang, 'handover.mark.other', { code });
}

/**
 * Marking codes: one per unit, checked by Ozon (validate) and refused item by item before anything is
 * saved; then saved (set, the complete set) and their Chestny ZNAK check awaited (status).
 */
export function setMarkingCodes(
  ctx: AppContext,
  input: { posting: string; items: { sku: string; codes: string[] }[] },
  host?: HandoverHost,
): PackDataResult {
  const e = handoverEnv(ctx, host);
  const lang = ctx.lang;
  const api = e.api();
  const items = input.items.map((i) => ({ sku: i.sku, codes: i.codes.map((c) => c.trim()) }));
  const problems: MarkProblem[] = [];
  const exemplars = api.exemplars(input.posting).products;
  for (const item of items) {
    const product = exemplars.find((p) => String(p.product_id) === item.sku);
    if (!product) {
      problems.push({
        sku: item.sku,
        unit: 0,
        code: '',
        message: markError(lang, 'PRODUCT_NOT_FOUND_IN_POSTING'),
      });
      continue;
    }
    const units = product.quantity ?? product.exemplars.length;
    if (item.codes.length !== units)
      problems.push({
        sku: item.sku,
        unit: 0,
        code: '',
        message: tr(lang, 'handover.mark.count', { sku: item.sku, units, count: item.codes.length }),
      });
    item.codes.forEach((code, k) => {
      if (!code)
        problems.push({ sku: item.sku, unit: k + 1, code, message: markError(lang, 'MARK_IS_EMPTY') });
    });
  }
  if (problems.length)
    return result(
      e,
      input.posting,
      false,
      tr(lang, 'handover.mark.refused', { count: problems.length }),
      problems,
    );
  const products: MarkProduct[] = items.map((item) => {
    const product = exemplars.find((p) => String(p.product_id) === item.sku)!;
    return {
      product_id: Number(item.sku),
      exemplars: item.codes.map((code, k) => ({
        exemplar_id: product.exemplars[k]?.exemplar_id,
        marks: [{ mark: code, mark_type: 'mandatory_mark' }],
      })),
    };
  });
  // Ozon checks every code first; nothing is saved while one is wrong.
  const checked = api.validateMarks(input.posting, products);
  for (const p of checked) {
    const sku = String(p.product_id);
    if (p.error) problems.push({ sku, unit: 0, code: '', message: markError(lang, p.error) });
    p.exemplars.forEach((ex, k) => {
      const code = items.find((i) => i.sku === sku)?.codes[k] ?? '';
      const errors = [...ex.errors, ...ex.marks.flatMap((m) => m.errors)];
      for (const err of [...new Set(errors)])
        problems.push({ sku, unit: k + 1, code, message: markError(lang, err) });
    });
  }
  if (problems.length)
    return result(
      e,
      input.posting,
      false,
      tr(lang, 'handover.mark.refused', { count: problems.length }),
      problems,
    );
  try {
    api.setMarks(input.posting, products);
  } catch (error) {
    if (!isUnclear(error)) throw error;
    // Whether Ozon took them shows in the status below.
  }
  const until = e.host.now() + MARK_WAIT_MS;
  let status = api.markStatus(input.posting);
  while (status.status === 'validation_in_process' && e.host.now() + MARK_POLL_MS < until) {
    e.host.sleep(MARK_POLL_MS);
    status = api.markStatus(input.posting);
  }
  for (const p of status.products) {
    const sku = String(p.product_id);
    p.exemplars.forEach((ex, k) => {
      for (const m of ex.marks)
        if (m.check_status === 'failed')
          for (const err of m.error_codes.length ? m.error_codes : ['failed'])
            problems.push({ sku, unit: k + 1, code: m.mark ?? '', message: markError(lang, err) });
    });
  }
  const key: MessageKey =
    status.status === 'ship_available'
      ? 'handover.mark.saved'
      : status.status === 'validation_in_process'
        ? 'handover.mark.checking'
        : 'handover.mark.notAccepted';
  return result(
    e,
    input.posting,
    status.status === 'ship_available',
    tr(lang, key, { posting: input.posting }),
    problems,
  );
}
