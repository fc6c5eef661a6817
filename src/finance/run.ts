// Apps Script side of the finance run: the lock, the budget, the Ozon client, the toast. The menu's
// "Update finance" and the hourly trigger (after the orders sync) both come here.
import { BUDGET, deadlineFrom } from '../app/budgets';
import { describeError } from '../app/handler';
import { appContext, type AppContext } from '../app/context';
import { ozonClientFor } from '../app/ozon';
import { tryDocumentLock } from '../adapters/lock';
import { documentStore } from '../adapters/properties';
import { toast } from '../adapters/ui';
import { readTabs, spreadsheetOffset, writeRequests } from '../adapters/workbook';
import { loadCatalog } from '../archive/settings';
import { cachedOffset } from '../core/time/serial';
import { numberToMinor, type Minor } from '../core/finance/minor';
import { t } from '../core/i18n/messages';
import { OzonRoleError } from '../ozon/errors';
import type { OzonClient } from '../ozon/client';
import { prepareTab } from '../core/table/snapshot';
import { logRequest, runLogEntry, syncLogSpec } from '../sync/sync-log';
import { runFinanceStep, type FinanceOutcome, type FinanceSource } from './step';

export const RECONCILED_KEY = 'ODESK_FINANCE_RECONCILED';
/** The failure the hourly run last told in the Sync log: told once, not every hour, until it changes. */
const TOLD_KEY = 'ODESK_FINANCE_TOLD';
/** The same for a reconciliation the key's role refused (the fees and profit updated beside it). */
const RECON_TOLD_KEY = 'ODESK_FINANCE_RECON_TOLD';
/** The hourly run reconciles with Ozon's monthly totals about once a day. */
const RECONCILE_EVERY_MS = 20 * 3_600_000;

function reconcileDue(store: ReturnType<typeof documentStore>, now: number): boolean {
  const last = Number(store.get(RECONCILED_KEY));
  return !Number.isFinite(last) || now - last >= RECONCILE_EVERY_MS;
}
const LOCK_WAIT_MS = 2_000;

export interface FinanceSummary {
  result: 'done' | 'partial' | 'failed' | 'locked';
  message: string;
  rows: number;
  lines: number;
}

/** The finance methods over the Ozon client, in the shapes the run uses. */
export function ozonFinanceSource(client: OzonClient): FinanceSource {
  return {
    types: () => client.accrualTypes(),
    postings: (numbers) => client.accrualsForPostings(numbers),
    days: (pages) => client.accrualsByDays(pages),
    realizationByPosting: (year, month) => client.realizationByPosting(year, month),
    cashFlow: (from, to) => client.cashFlow(from, to),
    netPrices: (offerIds) => {
      const out = new Map<string, Minor>();
      try {
        for (const item of client.pricesPage({ offer_id: [...offerIds] }).items) {
          const net = item.price?.net_price;
          const minor = typeof net === 'number' ? numberToMinor(net) : null;
          if (minor !== null && minor > 0)
            out.set(item.offer_id, { minor, currency: item.price?.currency_code || 'RUB' });
        }
      } catch (error) {
        // A suggestion only: a key without the Product role still gets its finance.
        if (!(error instanceof OzonRoleError)) throw error;
      }
      return out;
    },
  };
}

export function financeMessage(error: unknown, ctx: AppContext): string {
  if (error instanceof OzonRoleError) return t(ctx.lang, 'finance.role', { method: error.endpoint });
  const described = describeError(error, ctx.lang);
  return t(ctx.lang, 'finance.failed', { reason: described.ok ? '' : described.error.message });
}

/**
 * The hourly run has no toast: its failure (a key without the Finance role, Ozon down) gets a Sync log
 * row, once until the failure changes or the run works again.
 */
function tellHourly(
  ctx: AppContext,
  started: number,
  failure: string | null,
  key = TOLD_KEY,
  result: 'failed' | 'partial' = 'failed',
): void {
  const store = documentStore();
  const told = store.get(key) ?? null;
  if (failure === null) {
    if (told !== null) store.delete(key);
    return;
  }
  if (told === failure) return;
  try {
    const log = prepareTab(readTabs([syncLogSpec]).get(syncLogSpec.tab)!);
    const entry = runLogEntry({
      lang: ctx.lang,
      offset: cachedOffset(spreadsheetOffset()),
      started,
      now: Date.now(),
      source: 'trigger',
      job: 'finance.logSource',
      result,
      text: failure,
    });
    writeRequests([...log.setup, logRequest(log.snapshot.sheetId, log.positions, entry)]);
    store.set(key, failure);
  } catch {
    // The log is a courtesy: the next hour tells it again.
  }
}

/**
 * One execution's share of the finance run. `deadline` is the entry point's (the hourly trigger
 * derives it from its own start, after the syncs before it used part of the 6 minutes): the Ozon
 * client stops there, and no new round of reading starts within `financeWriteRoom` of it.
 */
export function updateFinanceNow(
  source: 'menu' | 'trigger',
  deadline = deadlineFrom(Date.now(), BUDGET.financeOzon),
): FinanceSummary {
  const ctx = appContext();
  const notify = (message: string) => {
    if (source === 'trigger') return;
    try {
      toast(message, 'Ozon', 6);
    } catch {
      // No UI in this context.
    }
  };
  const lock = tryDocumentLock(LOCK_WAIT_MS);
  if (!lock) {
    const message = t(ctx.lang, 'finance.locked');
    notify(message);
    return { result: 'locked', message, rows: 0, lines: 0 };
  }
  const started = Date.now();
  try {
    notify(t(ctx.lang, 'finance.started'));
    let outcome: FinanceOutcome;
    try {
      outcome = runFinanceStep({
        now: () => Date.now(),
        store: documentStore(),
        lang: ctx.lang,
        offset: cachedOffset(spreadsheetOffset()),
        source: () => ozonFinanceSource(ozonClientFor(ctx.user, deadline)),
        readTabs: (specs) => readTabs(specs),
        write: (requests) => void writeRequests(requests),
        fetchUntil: deadline - BUDGET.financeWriteRoom,
        reconcile: source === 'menu' || reconcileDue(documentStore(), Date.now()),
        archive: {
          catalog: () => loadCatalog(documentStore()),
          readTabs: (specs, id, parts) => readTabs(specs, id, parts),
          write: (requests, id) => void writeRequests(requests, id, { until: deadline }),
          describe: (error) => {
            const described = describeError(error, ctx.lang);
            return described.ok ? '' : described.error.message;
          },
        },
      });
      // A refused reconciliation is tried again a day later, not every hour (failing calls count at Ozon).
      if (outcome.reconciliation || outcome.reconRefused !== undefined)
        documentStore().set(RECONCILED_KEY, String(Date.now()));
    } catch (error) {
      const message = financeMessage(error, ctx);
      notify(message);
      if (source === 'trigger') tellHourly(ctx, started, message);
      return { result: 'failed', message, rows: 0, lines: 0 };
    }
    if (source === 'trigger') {
      tellHourly(ctx, started, null);
      if (outcome.reconRefused !== undefined)
        tellHourly(
          ctx,
          started,
          t(ctx.lang, 'finance.reconRole', { method: outcome.reconRefused }),
          RECON_TOLD_KEY,
        );
      else if (outcome.reconFailed !== undefined)
        // The fees landed: the row says so ('partial'), and the next hour tries Ozon's totals again.
        tellHourly(
          ctx,
          started,
          t(ctx.lang, 'finance.reconFailed', { reason: outcome.reconFailed }),
          RECON_TOLD_KEY,
          'partial',
        );
      else if (outcome.reconciliation) tellHourly(ctx, started, null, RECON_TOLD_KEY);
    }
    notify(outcome.message);
    return {
      result: outcome.result,
      message: outcome.message,
      rows: outcome.rowsChanged,
      lines: outcome.linesUpdated,
    };
  } finally {
    lock.release();
  }
}
