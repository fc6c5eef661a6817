// The only module Apps Script sees: every export here becomes a top-level function
// (menu handlers, sidebar calls, triggers). Nothing else in the bundle is reachable from google.script.run.
import { z } from 'zod';
import { handle } from './app/handler';
import { assertWorkbookShop } from './app/shop';
import { userLocale } from './adapters/session';
import { askYesNo, buildMenu, showSidebar, toast as deskToast, type MenuItem } from './adapters/ui';
import type { ApiResult } from './shared/result';
import { userStore } from './adapters/properties';
import { langFromLocale, type Lang } from './core/i18n/messages';
import * as desk from './desk';
import {
  CancelInput,
  PollInput,
  PostingsInput,
  ProblemInput,
  RfbsStatusInput,
  ShipInput,
  TrackingInput,
  VerifyInput,
} from './shared/desk-schema';
import { SaveSettingsInput, TestConnectionInput } from './shared/settings-schema';
import { SyncSettingsInput } from './shared/sync-schema';
import { ArchiveSettingsInput } from './shared/archive-schema';
import { readArchiveSettings, saveArchiveSettings as saveArchive } from './archive/settings';
import { archiveNow } from './archive/run';
import { BigQuerySettingsInput } from './shared/bigquery-schema';
import { readBigQuerySettings, saveBigQuerySettings as saveBigQuery } from './bigquery/settings';
import { loadBigQueryNow } from './bigquery/run';
import { syncOrdersNow } from './sync/run';
import { readSyncSettings, saveSyncSettings as saveSync } from './sync/settings';
import { runHourly } from './schedule/hourly';
import { ReportSettingsInput } from './shared/report-schema';
import { announceFailure, buildReportsNow } from './reports/run';
import { updateFinanceNow } from './finance/run';
import { applyPromotionChoicesNow, refreshPromotionsNow } from './promotions';
import { decideDiscountRequest as decideDiscount, discountRequestsView } from './promotions/sidebar';
import { DecideDiscountInput } from './shared/promotions-schema';
import { readReportSettings, saveReportSettings as saveReports } from './reports/settings';
import { InventorySettingsInput, PushStockInput, StockMoveInput } from './shared/inventory-schema';
import * as inventory from './inventory';
import * as inventoryPrices from './inventory/prices';
import { refreshOzonStock as refreshOzonStockNow } from './ozon-stock';
import { announce } from './inventory/host';
import * as service from './service/actions';
import { syncServiceNow } from './service/run';
import {
  ChatHistoryInput,
  DecideCancellationInput,
  RfbsActionInput,
  RfbsReturnInput,
  SaveReturnInput,
  SendMessageInput,
} from './shared/service-schema';
import * as feedback from './feedback/actions';
import { syncFeedbackNow } from './feedback/run';
import {
  AnswerQuestionInput,
  MarkQuestionInput,
  MarkReviewInput,
  QuestionInput,
  ReplyReviewInput,
  ReviewInput,
} from './shared/feedback-schema';
import { appsScriptClock, appsScriptHttp } from './adapters/http';
import * as handover from './handover';
import * as compliance from './handover/compliance';
import {
  CancelCarriageInput,
  CountryInput,
  CutoffInput,
  HandoverDayInput,
  HandoverInput,
  MarksInput,
  PostingInput,
} from './shared/handover-schema';
import { testOzonConnection } from './ozon/connection';
import { credentialsToTest } from './settings/credentials';
import {
  effectiveLang,
  forgetApiKey as forgetKey,
  readSettings,
  saveSettings as save,
} from './settings/settings';
import { runSelfCheck as runCheck, selfCheckView } from './selfcheck/run';
import { recordClockRun } from './selfcheck/clock';
import { supportReport } from './support/report';

const NoInput = z.union([z.undefined(), z.null(), z.object({}).strict()]);

function menuLang(e?: GoogleAppsScript.Events.SheetsOnOpen): Lang {
  // In AuthMode.NONE no properties may be read: fall back to the account's locale.
  if (e && e.authMode === ScriptApp.AuthMode.NONE) return langFromLocale(userLocale());
  try {
    return effectiveLang(userStore(), userLocale());
  } catch {
    return langFromLocale(userLocale());
  }
}

const MENU: (MenuItem | 'separator')[] = [
  { label: 'menu.syncOrders', functionName: 'syncOrders' },
  { label: 'menu.openDesk', functionName: 'showOrderDesk' },
  { label: 'menu.nextUnverified', functionName: 'selectNextUnverified' },
  { label: 'menu.pickList', functionName: 'buildPickList' },
  { label: 'menu.packingSlips', functionName: 'showPackingSlips' },
  { label: 'menu.handover', functionName: 'handOverTodaysParcels' },
  { label: 'menu.refreshHandovers', functionName: 'refreshHandovers' },
  { label: 'menu.buildReports', functionName: 'buildReports' },
  { label: 'menu.archiveOld', functionName: 'archiveOldOrders' },
  { label: 'menu.updateFinance', functionName: 'updateFinance' },
  { label: 'menu.loadBigQuery', functionName: 'loadBigQuery' },
  { label: 'menu.refreshPromotions', functionName: 'refreshPromotions' },
  { label: 'menu.applyPromotions', functionName: 'applyPromotionChoices' },
  { label: 'menu.discountRequests', functionName: 'showDiscountRequests' },
  'separator',
  { label: 'menu.inventory', functionName: 'showInventory' },
  { label: 'menu.importProducts', functionName: 'importProducts' },
  { label: 'menu.refreshInventory', functionName: 'refreshInventory' },
  { label: 'menu.pushStock', functionName: 'pushStockToOzon' },
  { label: 'menu.refreshPrices', functionName: 'refreshPrices' },
  { label: 'menu.updatePrices', functionName: 'updatePrices' },
  { label: 'menu.refreshOzonStock', functionName: 'refreshOzonStock' },
  'separator',
  { label: 'menu.service', functionName: 'showService' },
  { label: 'menu.syncService', functionName: 'syncService' },
  { label: 'menu.feedback', functionName: 'showFeedback' },
  { label: 'menu.syncFeedback', functionName: 'syncFeedback' },
  'separator',
  { label: 'menu.selfCheck', functionName: 'checkThisSpreadsheet' },
  { label: 'menu.settings', functionName: 'showSettings' },
];

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(menuLang(e), MENU);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSettings(): void {
  showSidebar('settings', menuLang(), 'settings.title');
}

export function showOrderDesk(): void {
  showSidebar('desk', menuLang(), 'menu.openDesk');
}

// ---- Order desk (sidebar calls; the menu calls the last three with an event or nothing) ----------

/** Polled every ~2 s by the desk: the selected Orders rows' posting numbers, no read when unchanged. */
export function pollDeskSelection(input?: unknown) {
  return handle(PollInput, input, (value, ctx) => desk.pollSelection(ctx, value.known));
}

export function getDeskOrders(input: unknown) {
  return handle(PostingsInput, input, (value, ctx) => desk.deskOrders(ctx, value.postings));
}

export function verifyOrders(input: unknown) {
  return handle(VerifyInput, input, (value, ctx) => desk.verifyOrders(ctx, value));
}

export function flagOrderProblem(input: unknown) {
  return handle(ProblemInput, input, (value, ctx) => desk.flagProblem(ctx, value));
}

export function clearOrderProblem(input: unknown) {
  return handle(PostingsInput, input, (value, ctx) => desk.clearProblem(ctx, value));
}

export function shipOrder(input: unknown) {
  return handle(ShipInput, input, (value, ctx) => desk.shipOrder(ctx, value));
}

export function shipAndLabelOrders(input: unknown) {
  return handle(PostingsInput, input, (value, ctx) => desk.shipAndLabel(ctx, value));
}

export function printLabels(input: unknown) {
  return handle(PostingsInput, input, (value, ctx) => desk.printLabels(ctx, value));
}

export function setTrackingNumbers(input: unknown) {
  return handle(TrackingInput, input, (value, ctx) => desk.setTracking(ctx, value));
}

export function moveRfbsOrders(input: unknown) {
  return handle(RfbsStatusInput, input, (value, ctx) => desk.moveRfbs(ctx, value));
}

export function getCancelReasons(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => desk.cancelReasons(ctx));
}

export function cancelOrder(input: unknown) {
  return handle(CancelInput, input, (value, ctx) => desk.cancelOrder(ctx, value));
}

const fromSidebar = (input: unknown) =>
  typeof input === 'object' && input !== null && (input as { from?: unknown }).from === 'sidebar';

export function selectNextUnverified(input?: unknown) {
  return announceDesk(
    input,
    handle(z.unknown(), input, (_v, ctx) => desk.selectNextUnverified(ctx)),
  );
}

export function buildPickList(input?: unknown) {
  return announceDesk(
    input,
    handle(z.unknown(), input, (_v, ctx) => desk.buildPickList(ctx)),
  );
}

/** From the sidebar with `{postings}`; from the menu (event or nothing) for the selected rows. */
export function showPackingSlips(input?: unknown) {
  if (typeof input === 'object' && input !== null && 'postings' in input)
    return handle(PostingsInput, input, (value, ctx) => desk.showPackingSlips(ctx, value));
  return announceDesk(
    input,
    handle(z.unknown(), input, (_v, ctx) =>
      desk.showPackingSlips(ctx, { postings: desk.selectedPostings(ctx) }),
    ),
  );
}

/** Menu commands answer with a toast; the sidebar shows the answer itself. */
function announceDesk<T extends { message: string }>(input: unknown, result: ApiResult<T>): ApiResult<T> {
  if (!fromSidebar(input)) deskToast(result.ok ? result.data.message : result.error.message);
  return result;
}

// ---- Handing over and the data Ozon needs before packing ------------------------------------------

/** Menu "Hand over today's parcels": every delivery method with packed postings, today; then a refresh. */
export function handOverTodaysParcels(input?: unknown) {
  return announceDesk(
    input,
    handle(HandoverInput, fromSidebar(input) ? input : undefined, (value, ctx) => {
      const done = handover.handOver(ctx, value);
      if (!done.results.length) return done;
      const refreshed = handover.refreshHandovers(ctx, {});
      return { ...done, message: `${done.message} ${refreshed.message}` };
    }),
  );
}

export function getHandoverDay(input?: unknown) {
  return handle(HandoverDayInput, input, (value, ctx) => handover.handoverDay(ctx, value));
}

export function handOverParcels(input: unknown) {
  return handle(HandoverInput, input, (value, ctx) => handover.handOver(ctx, value));
}

export function refreshHandovers(input?: unknown) {
  return announceDesk(
    input,
    handle(
      HandoverDayInput,
      fromSidebar(input) ? { date: (input as { date?: string }).date } : undefined,
      (value, ctx) => handover.refreshHandovers(ctx, value),
    ),
  );
}

export function cancelCarriage(input: unknown) {
  return handle(CancelCarriageInput, input, (value, ctx) => handover.cancelCarriage(ctx, value));
}

export function getPackRequirements(input: unknown) {
  return handle(PostingInput, input, (value, ctx) => compliance.packRequirements(ctx, value));
}

export function setShipDate(input: unknown) {
  return handle(CutoffInput, input, (value, ctx) => compliance.setShipDate(ctx, value));
}

export function setProductCountries(input: unknown) {
  return handle(CountryInput, input, (value, ctx) => compliance.setCountries(ctx, value));
}

export function setMarkingCodes(input: unknown) {
  return handle(MarksInput, input, (value, ctx) => compliance.setMarkingCodes(ctx, value));
}

export function showInventory(): void {
  showSidebar('inventory', menuLang(), 'inventory.title');
}

// Menu items may be called with an event object: the inventory commands take no input.
const MenuInput = z.unknown();

export function importProducts(input?: unknown) {
  return announce(handle(MenuInput, input, (_v, ctx) => inventory.importProducts(ctx)));
}

export function refreshInventory(input?: unknown) {
  return announce(handle(MenuInput, input, (_v, ctx) => inventory.refreshInventory(ctx)));
}

/** Menu "Refresh prices": Ozon's prices, the margin at the price and quantity discounts into Inventory. */
export function refreshPrices(input?: unknown) {
  return announce(handle(MenuInput, input, (_v, ctx) => inventoryPrices.refreshPrices(ctx)));
}

/** Menu "Update prices": New price, My min price and quantity discounts of Inventory sent to Ozon. */
export function updatePrices(input?: unknown) {
  return announce(handle(MenuInput, input, (_v, ctx) => inventoryPrices.updatePrices(ctx)));
}

/** Ozon stock, Replenishment and Supply requests tabs, and FBO stock in Inventory. */
export function refreshOzonStock(input?: unknown) {
  return announce(handle(MenuInput, input, (_v, ctx) => refreshOzonStockNow(ctx)));
}

/** From the menu (asks YES/NO before a sharp cut) or the sidebar (`{source: 'sidebar', confirmCut?}`). */
export function pushStockToOzon(input?: unknown) {
  return announce(
    handle(PushStockInput, input, (value, ctx) => inventory.pushStockNow(ctx, value, askYesNo)),
  );
}

export function recordStockMove(input: unknown) {
  return handle(StockMoveInput, input, (value, ctx) => inventory.recordStockMove(ctx, value));
}

export function getInventorySettings(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => inventory.readInventorySettings(ctx.doc));
}

export function saveInventorySettings(input: unknown) {
  return handle(InventorySettingsInput, input, (value, ctx) =>
    inventory.saveInventorySettings(ctx.doc, value),
  );
}

const SyncInput = z
  .union([z.undefined(), z.null(), z.object({ source: z.enum(['menu', 'sidebar']).optional() }).loose()])
  .transform((value) => (value && 'source' in value && value.source === 'sidebar' ? 'sidebar' : 'menu'));

/** Stable contract: the menu item, the sidebar and the hourly trigger all sync through this. */
export function syncOrders(input?: unknown) {
  return handle(SyncInput, input, (source) => syncOrdersNow(source));
}

export function onHourlyTrigger(e?: { triggerUid?: string; authMode?: unknown }): void {
  runHourly(e?.triggerUid, e);
}

export function getSyncSettings(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => readSyncSettings(ctx.doc));
}

export function saveSyncSettings(input: unknown) {
  return handle(SyncSettingsInput, input, (value, ctx) => saveSync(ctx.doc, value));
}

export function getArchiveSettings(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => readArchiveSettings(ctx.doc));
}

export function saveArchiveSettings(input: unknown) {
  return handle(ArchiveSettingsInput, input, (value, ctx) => saveArchive(ctx.doc, value));
}

/** Menu "Archive old orders" (and the sidebar): moves old finished postings to the archive spreadsheets. */
export function archiveOldOrders(input?: unknown) {
  // The menu may pass an event object: nothing in it is used.
  return handle(z.unknown(), input, () => archiveNow(input === 'sidebar' ? 'sidebar' : 'menu'));
}

export function getBigQuerySettings(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => readBigQuerySettings(ctx.doc));
}

export function saveBigQuerySettings(input: unknown) {
  return handle(BigQuerySettingsInput, input, (value, ctx) => saveBigQuery(ctx.doc, ctx.lang, value));
}

/** Menu "Load history into BigQuery": the changed rows since the last load, then Connected Sheets once. */
export function loadBigQuery(input?: unknown) {
  return handle(z.unknown(), input, () => loadBigQueryNow('menu'));
}

/** Menu "Build reports now" (and the sidebar): rebuilds Sales, Customers, Products and Dashboard. */
export function buildReports(input?: unknown) {
  // The menu may pass an event object: nothing in it is used.
  return announceFailure(handle(z.unknown(), input, (_v, ctx) => buildReportsNow(ctx)));
}

/** Menu "Update finance": Ozon's fees and payouts into Finance, profit into Order lines (hourly too). */
export function updateFinance(input?: unknown) {
  return handle(z.unknown(), input, () => updateFinanceNow('menu'));
}

export function refreshPromotions(input?: unknown) {
  return handle(z.unknown(), input, () => refreshPromotionsNow());
}

export function applyPromotionChoices(input?: unknown) {
  return handle(z.unknown(), input, () => applyPromotionChoicesNow());
}

export function showDiscountRequests(): void {
  showSidebar('discounts', menuLang(), 'discounts.title');
}

/** The Discount requests sidebar: open requests with the margin at the price asked. */
export function getDiscountRequests(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => discountRequestsView(ctx));
}

/** Approve or decline one request (an approval at a loss needs confirmBelowCost, checked here). */
export function decideDiscountRequest(input: unknown) {
  return handle(DecideDiscountInput, input, (value, ctx) => decideDiscount(ctx, value));
}

export function getReportSettings(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => readReportSettings(ctx.doc));
}

export function saveReportSettings(input: unknown) {
  return handle(ReportSettingsInput, input, (value, ctx) => saveReports(ctx.doc, value));
}

export function getSettings(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => readSettings(ctx.user, ctx.locale));
}

export function saveSettings(input: unknown) {
  return handle(SaveSettingsInput, input, (value, ctx) => {
    const before = ctx.lang; // ctx.lang is read lazily: take it before the save changes it
    assertWorkbookShop(ctx.doc, value.clientId, 'clientId'); // one cabinet per workbook
    const saved = save(ctx.user, ctx.locale, value);
    if (saved.lang !== before) {
      // A new language relabels what the add-on owns: the menu now, the sidebar with its title, and
      // Handovers, which no scheduled job rewrites (the other tabs follow at their next sync).
      buildMenu(saved.lang, MENU);
      handover.relabelHandovers(ctx, saved.lang);
      showSidebar('settings', saved.lang, 'settings.title', 'settings.saved');
    }
    return saved;
  });
}

export function forgetApiKey(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => forgetKey(ctx.user, ctx.locale));
}

export function testConnection(input?: unknown) {
  return handle(TestConnectionInput, input, (typed, ctx) =>
    testOzonConnection(
      credentialsToTest(ctx.user, typed),
      appsScriptHttp(),
      appsScriptClock(),
      Date.now() + 30_000,
    ),
  );
}

export function showService(): void {
  showSidebar('service', menuLang(), 'service.title');
}

/** Menu "Sync returns & messages" and the sidebar's button (the hourly trigger calls it too). */
export function syncService(input?: unknown) {
  return handle(SyncInput, input, (source) => syncServiceNow(source));
}

export function getServiceContext(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => service.serviceContext(ctx));
}

export function pollServiceSelection(input: unknown) {
  return handle(PollInput, input, (value) => service.pollServiceSelection(value.known));
}

export function saveReturnWork(input: unknown) {
  return handle(SaveReturnInput, input, (value, ctx) => service.saveReturnWork(ctx, value));
}

export function getRfbsReturn(input: unknown) {
  return handle(RfbsReturnInput, input, (value, ctx) => service.getRfbsReturn(ctx, value));
}

export function rfbsReturnAction(input: unknown) {
  return handle(RfbsActionInput, input, (value, ctx) => service.rfbsReturnAction(ctx, value));
}

export function getChatHistory(input: unknown) {
  return handle(ChatHistoryInput, input, (value, ctx) => service.chatHistory(ctx, value));
}

export function sendChatReply(input: unknown) {
  return handle(SendMessageInput, input, (value, ctx) => service.sendChatReply(ctx, value));
}

export function decideCancellation(input: unknown) {
  return handle(DecideCancellationInput, input, (value, ctx) => service.decideCancellation(ctx, value));
}

// ---- Reviews & questions ----------------------------------------------------------------------

export function showFeedback(): void {
  showSidebar('feedback', menuLang(), 'feedback.title');
}

/** Menu "Sync reviews & questions" and the sidebar's button (the hourly trigger runs it too). */
export function syncFeedback(input?: unknown) {
  return handle(SyncInput, input, (source) => syncFeedbackNow(source));
}

export function getFeedbackContext(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => feedback.feedbackContext(ctx));
}

export function getReview(input: unknown) {
  return handle(ReviewInput, input, (value, ctx) => feedback.getReview(ctx, value));
}

export function replyToReview(input: unknown) {
  return handle(ReplyReviewInput, input, (value, ctx) => feedback.replyToReview(ctx, value));
}

export function markReview(input: unknown) {
  return handle(MarkReviewInput, input, (value, ctx) => feedback.markReview(ctx, value));
}

export function getQuestion(input: unknown) {
  return handle(QuestionInput, input, (value, ctx) => feedback.getQuestion(ctx, value));
}

export function answerQuestion(input: unknown) {
  return handle(AnswerQuestionInput, input, (value, ctx) => feedback.answerQuestion(ctx, value));
}

export function markQuestion(input: unknown) {
  return handle(MarkQuestionInput, input, (value, ctx) => feedback.markQuestion(ctx, value));
}

// ---- Check this spreadsheet (platform self-check) ----------------------------------------------

/** Menu "Check this spreadsheet": the sidebar runs the probes (runSelfCheck) and shows the verdict. */
export function checkThisSpreadsheet(): void {
  showSidebar('selfcheck', menuLang(), 'selfcheck.title');
}

export function runSelfCheck(input?: unknown) {
  const startedAt = Date.now();
  return handle(NoInput, input, (_v, ctx) => runCheck(ctx, startedAt));
}

/** The last check's report with the clock run's result, once it has come. */
export function getSelfCheck(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => selfCheckView(ctx));
}

/** The self-check's one-off clock trigger: records what its execution sees, then removes itself. */
export function onSelfCheckTrigger(e?: { triggerUid?: string; authMode?: unknown }): void {
  recordClockRun(e, 'probe-trigger', Date.now());
}

/** Settings' "Copy support report": masked JSON text (no key, Client-Id, phone, e-mail, address, name). */
export function getSupportReport(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => supportReport(ctx));
}
