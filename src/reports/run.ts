// "Build reports now" from the menu or the sidebar: under the document lock, one full build.
import type { AppContext } from '../app/context';
import { tryDocumentLock } from '../adapters/lock';
import { toast } from '../adapters/ui';
import { AppError } from '../core/errors';
import { t } from '../core/i18n/messages';
import type { BuildReportsSummary } from '../shared/report-schema';
import { appsScriptReportsHost, buildAllReports } from './build';

const LOCK_WAIT_MS = 5_000;

export function buildReportsNow(ctx: AppContext): BuildReportsSummary {
  const lock = tryDocumentLock(LOCK_WAIT_MS);
  if (!lock) throw new AppError('reports.locked', 'reports.locked');
  try {
    const { summary } = buildAllReports(appsScriptReportsHost(ctx.lang));
    const message = t(ctx.lang, 'reports.built', {
      sales: summary.sales,
      customers: summary.customers,
      products: summary.products,
    });
    try {
      toast(message, 'Ozon', 5);
    } catch {
      // No UI in this context.
    }
    return {
      sales: summary.sales,
      customers: summary.customers,
      products: summary.products,
      cellsWritten: summary.cellsWritten,
      inventory: summary.inventory,
      today: summary.today,
      message,
    };
  } finally {
    lock.release();
  }
}

/** The menu has no other way to show a refusal or a failure than a toast. */
export function announceFailure<T extends { ok: boolean; error?: { message: string } }>(result: T): T {
  if (!result.ok && result.error) {
    try {
      toast(result.error.message, 'Ozon', 8);
    } catch {
      // No UI in this context.
    }
  }
  return result;
}
