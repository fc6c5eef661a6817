// What the seller sees, flow by flow, in each of the three languages (one workbench and one browser
// for the whole file; the language is switched in Settings as a seller does). Every flow is a table of
// steps: each step acts in the real sidebar and names the message it must show; the test checks that
// the message lies inside the sidebar's viewport, that a refusal marks its field, and that the
// sidebar's visible text is in the chosen script (product names, buyers' words and codes allowed).
// The add-on's own cells and the Dashboard's charts and pivot tables are checked per language too.
// Screenshots of every flow are kept in test/browser/artifacts/ (git-ignored) for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { formatDay } from '../../sidebar/date-input';
import { headerIn } from '../../src/core/i18n/headers';
import { t, type Lang } from '../../src/core/i18n/messages';
import type { Posting } from '../../simulator/model';
import type { Workbench } from '../../workbench/app';
import {
  inView,
  openBrowserWorkbench,
  openSidebarFromMenu,
  runOk,
  sidebarFrame,
  type BrowserWorkbench,
} from './support';

jest.setTimeout(300_000);

const ARTIFACTS = path.join(__dirname, 'artifacts');
const LANGS: Lang[] = ['en', 'ru', 'zh'];
const NOW = Date.parse('2026-11-20T09:00:00Z');
const MOSCOW_MS = 3 * 3_600_000;
/** What the seller types, in the language the seller works in. */
const TYPED: Record<Lang, { chat: string; reply: string; answer: string; note: string }> = {
  en: {
    chat: 'Hello! We ship today.',
    reply: 'Thank you for the review!',
    answer: 'Yes, it fits.',
    note: 'Buyer asked to change colour',
  },
  ru: {
    chat: 'Добрый день! Отправим сегодня.',
    reply: 'Спасибо за отзыв!',
    answer: 'Да, подходит.',
    note: 'Покупатель просит другой цвет',
  },
  zh: { chat: '您好！今天发货。', reply: '感谢您的评价！', answer: '是的，合适。', note: '买家要求换颜色' },
};

const LATIN = /[A-Za-z]/;
const CYRILLIC = /[\u0400-\u04ff]/;
const CJK = /[\u3400-\u9fff]/;
/** Names and abbreviations every language writes in Latin letters. */
const NAMES = new Set([
  'Ozon',
  'Client-Id',
  'API',
  'ID',
  'SKU',
  'FBS',
  'rFBS',
  'FBO',
  'PDF',
  'Offer',
  'Premium',
  'Plus',
  'Pro',
  'Google',
  'Drive',
  'BigQuery',
  'Cloud',
  'RUB',
  'CNY',
  'MSK',
]);

function tokens(text: string): string[] {
  // Latin and Chinese punctuation (full-width brackets, commas, colons) both separate words.
  return text
    .split(/[\s,.;:!?()«»"“”'’/|·…—–\d%№#+=*<>[\]{}（）：，。、！？；「」【】《》]+/u)
    .filter(Boolean);
}

/** Every string the demo shop holds (product names, buyers, addresses, chat texts), as words. */
function shopWords(wb: Workbench): Set<string> {
  const words = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      // A snake_case code is not a word a seller should read: it must be translated.
      if (!/^[a-z]+(_[a-z]+)+$/.test(value)) for (const w of tokens(value)) words.add(w);
      return;
    }
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map) for (const v of value.values()) walk(v);
    else if (Array.isArray(value)) value.forEach(walk);
    else Object.values(value).forEach(walk);
  };
  walk(wb.sim.state);
  walk(wb.sim.feedback());
  return words;
}

/** Words of `text` in another script than `lang`'s, not allowed as names, codes or shop data. */
function foreignWords(text: string, lang: Lang, allowed: Set<string>): string[] {
  const foreign = (w: string) =>
    lang === 'en'
      ? CYRILLIC.test(w) || CJK.test(w)
      : lang === 'ru'
        ? CJK.test(w) || (LATIN.test(w) && !CYRILLIC.test(w))
        : CYRILLIC.test(w) || (LATIN.test(w) && !CJK.test(w));
  // Codes, and e-mail addresses (who verified an order).
  const code = (w: string) => /\d/.test(w) || /^[A-Z0-9-]{2,}$/.test(w) || w.includes('@');
  return [...new Set(tokens(text))].filter((w) => foreign(w) && !NAMES.has(w) && !code(w) && !allowed.has(w));
}

/** The running context a flow's steps share. */
interface Ctx {
  lang: Lang;
  wb: Workbench;
  page: Page;
  frame: Frame;
  /** Postings this language's flows work on (picked once per language). */
  shipped: Posting;
  flagged: Posting;
  cancelled: Posting;
}

interface Step {
  name: string;
  /** Acts in the sidebar; returns the message the seller must then see. */
  act(c: Ctx): Promise<Locator>;
  /** For a refusal: the control it must mark. */
  marks?(c: Ctx): Locator;
  /** What else must hold after the step. */
  then?(c: Ctx): Promise<void>;
}

interface Flow {
  name: string;
  open(c: Ctx): Promise<Frame>;
  steps: Step[];
}

// ---- helpers reading the add-on's tabs in the current language ----

function table(c: Ctx, tab: string): { header: unknown[]; rows: unknown[][]; col(h: string): number } {
  const [header, ...rows] = c.wb.runtime.spreadsheet.sheet(tab).values() as unknown[][];
  return {
    header,
    rows,
    col: (name) => {
      const i = header.indexOf(headerIn(c.lang, name));
      if (i < 0) throw new Error(`${tab} has no ${headerIn(c.lang, name)} column`);
      return i;
    },
  };
}

/** The 1-based sheet row of the first row whose `column` holds `value`. */
function sheetRow(c: Ctx, tab: string, column: string, value: string): number {
  const { rows, col } = table(c, tab);
  const index = rows.findIndex((r) => String(r[col(column)]) === value);
  if (index < 0) throw new Error(`${value} not in ${tab}`);
  return index + 2;
}

/** Selects a row in the grid the way the seller does: the tab, then the row's header. */
async function selectRow(c: Ctx, tab: string, column: string, value: string): Promise<void> {
  await c.page.click(`.tab[data-sheet="${tab}"]`);
  await c.page.waitForSelector(`.tab.active[data-sheet="${tab}"]`);
  await c.page.click(`tr[data-row="${sheetRow(c, tab, column, value)}"] th.row-head`);
}

const moscowDay = (c: Ctx, days = 0) =>
  new Date(c.wb.runtime.clock.now() + MOSCOW_MS + days * 86_400_000).toISOString().slice(0, 10);

async function selectOrder(c: Ctx, p: Posting): Promise<void> {
  await selectRow(c, 'Orders', 'Posting number', p.postingNumber);
  await c.frame.waitForSelector(`section.order[data-posting="${p.postingNumber}"]`);
  // The "Orders appear here after…" hint is not shown beside an order.
  expect(await c.frame.locator('[data-role="intro"]').isVisible()).toBe(false);
}

/** A desk form refused: under its field (marked) or, from the server, at the form's buttons. */
function deskRefusal(c: Ctx): Locator {
  return c.frame
    .locator('[data-form] [data-role="form-error"]')
    .or(c.frame.locator('[data-role="form-message"] .notice.error'));
}

const deskMessage = (c: Ctx, kind = '') => c.frame.locator(`[data-role="message"] .notice${kind}`);

// ---- the flows ----

const settings: Flow = {
  name: 'Settings: save key, test connection, sync, build reports',
  open: async (c) => {
    const frame = await openSidebarFromMenu(c.page, c.wb, 'showSettings', 'settings');
    await frame.waitForSelector('[data-section="reports"] [data-action="build-reports"]');
    return frame;
  },
  steps: [
    {
      name: 'a Client-Id that is no number is refused at its field',
      act: async (c) => {
        await c.frame.fill('#clientId', 'abc');
        await c.frame.click('[data-action="save"]');
        return c.frame.locator('[data-field-error="clientId"]', {
          hasText: t(c.lang, 'error.clientId.number'),
        });
      },
      marks: (c) => c.frame.locator('.has-error #clientId'),
    },
    {
      name: 'the key is saved',
      act: async (c) => {
        await c.frame.fill('#clientId', c.wb.sim.credentials.clientId);
        await c.frame.fill('#apiKey', c.wb.sim.credentials.apiKey);
        await c.frame.click('[data-action="save"]');
        return c.frame.locator('[data-role="message"] .notice.ok', { hasText: t(c.lang, 'settings.saved') });
      },
    },
    {
      name: 'the connection is tested',
      act: async (c) => {
        await c.frame.click('[data-action="test"]');
        const ok = c.frame.locator('[data-role="connection"] [data-role="connection-ok"]');
        // The answer comes back asynchronously: read the roles only once it is drawn.
        await ok.waitFor();
        // The key's roles are in the seller's words (the page check below allows none of Ozon's
        // names); each keeps Ozon's own name in its tooltip, to be found in Ozon's cabinet.
        const roles = ok.locator('[data-role="roles"] li');
        const granted = await roles.evaluateAll((items) =>
          items.map((li) => li.getAttribute('data-ozon-role')),
        );
        expect(granted.length).toBeGreaterThan(0);
        for (const [i, name] of granted.entries())
          expect(await roles.nth(i).getAttribute('title')).toBe(
            t(c.lang, 'role.ozonName', { name: String(name) }),
          );
        return ok;
      },
    },
    {
      name: 'a look-back out of range is refused at its field',
      act: async (c) => {
        await c.frame.fill('#lookbackDays', '0');
        await c.frame.click('[data-action="save-sync"]');
        return c.frame.locator('[data-field-error="lookbackDays"]', {
          hasText: t(c.lang, 'error.lookback.range'),
        });
      },
      marks: (c) => c.frame.locator('.has-error #lookbackDays'),
    },
    {
      name: 'orders are synced; the state line says when, not "not synced yet"',
      act: async (c) => {
        await c.frame.fill('#lookbackDays', '30');
        await c.frame.click('[data-action="sync-now"]');
        return c.frame.locator('[data-role="sync-message"] .notice.ok');
      },
      then: async (c) => {
        // Sheets shows one toast at a time; the progress line is gone once the answer is there.
        expect(await c.frame.locator('[data-section="sync"] .progress').count()).toBe(0);
        const state = await c.frame.locator('[data-role="sync-state"]').innerText();
        expect(state).not.toContain(t(c.lang, 'syncSettings.never'));
      },
    },
    {
      name: 'the reports are built',
      act: async (c) => {
        await c.frame.click('[data-action="build-reports"]');
        return c.frame.locator('[data-role="reports-message"] .notice.ok');
      },
    },
  ],
};

const desk: Flow = {
  name: 'Order desk: verify, problem, ship, cancel',
  open: async (c) => {
    await selectRow(c, 'Orders', 'Posting number', c.shipped.postingNumber);
    return openSidebarFromMenu(c.page, c.wb, 'showOrderDesk', 'desk');
  },
  steps: [
    {
      name: 'an order is verified with the checklist',
      act: async (c) => {
        await selectOrder(c, c.shipped);
        for (const box of await c.frame.$$('[data-role="checklist"] input[type="checkbox"]:not(:disabled)'))
          await box.check();
        await c.frame.click('button[data-action="verify"]');
        return deskMessage(c, '.ok');
      },
    },
    {
      name: 'a problem "other" without a note is refused at the note',
      act: async (c) => {
        await selectOrder(c, c.flagged);
        await c.frame.click('button[data-action="problem"]');
        await c.frame.selectOption('#problemReason', 'other');
        await c.frame.click('button[data-action="submit-problem"]');
        return deskRefusal(c);
      },
      marks: (c) => c.frame.locator('[data-form] [aria-invalid="true"]'),
    },
    {
      name: 'a problem with a note is flagged',
      act: async (c) => {
        await c.frame.fill('#problemNote', TYPED[c.lang].note);
        await c.frame.click('button[data-action="submit-problem"]');
        await c.frame.locator('[data-state="problem"]').waitFor();
        return deskMessage(c);
      },
    },
    {
      name: 'the verified order is shipped',
      act: async (c) => {
        await selectOrder(c, c.shipped);
        await c.frame.click('button[data-action="ship"]');
        await c.frame.click('button[data-action="submit-ship"]');
        return deskMessage(c, '.ok');
      },
    },
    {
      name: 'a cancellation without the confirmation tick is refused',
      act: async (c) => {
        await selectOrder(c, c.cancelled);
        await c.frame.click('button[data-action="cancel"]');
        await c.frame.waitForSelector('#cancelReason option[value="352"]', { state: 'attached' });
        await c.frame.selectOption('#cancelReason', '352');
        await c.frame.click('button[data-action="submit-cancel"]');
        return deskRefusal(c);
      },
      marks: (c) => c.frame.locator('[data-form] [aria-invalid="true"]'),
    },
    {
      name: 'the order is cancelled',
      act: async (c) => {
        await c.frame.check('input[name="cancelConfirm"]');
        await c.frame.click('button[data-action="submit-cancel"]');
        await c.frame.locator('[data-state="cancelled"]').waitFor();
        return deskMessage(c);
      },
    },
  ],
};

const handover: Flow = {
  name: 'Handover: departure date, hand over',
  open: async (c) => {
    await selectRow(c, 'Orders', 'Posting number', c.shipped.postingNumber);
    const frame = await openSidebarFromMenu(c.page, c.wb, 'showOrderDesk', 'desk');
    await frame.waitForSelector(`section.order[data-posting="${c.shipped.postingNumber}"]`);
    await frame.click('button[data-action="handover"]');
    await frame.locator('[data-role="handover-methods"] [data-method]').first().waitFor();
    // The date is written in the chosen language's order, not the browser's mm/dd/yyyy.
    expect(await frame.inputValue('#handoverDate')).toBe(formatDay(moscowDay(c), c.lang));
    return frame;
  },
  steps: [
    {
      name: 'a date that is no day is refused at the date field',
      act: async (c) => {
        await c.frame.fill('#handoverDate', '31.02.2026');
        await c.frame.click('button[data-action="handover-load"]');
        return c.frame.locator('[data-role="form-message"] .notice.error');
      },
      marks: (c) => c.frame.locator('#handoverDate[aria-invalid="true"]'),
    },
    {
      name: 'a day in the past is refused',
      act: async (c) => {
        await c.frame.fill('#handoverDate', formatDay(moscowDay(c, -1), c.lang));
        await c.frame.click('button[data-action="handover-load"]');
        return c.frame.locator('[data-role="handover-methods"] .notice.error');
      },
    },
    {
      name: "today's parcels of a delivery method are handed over",
      act: async (c) => {
        await c.frame.fill('#handoverDate', formatDay(moscowDay(c), c.lang));
        await c.frame.click('button[data-action="handover-load"]');
        const wh = c.wb.sim.state.warehouses.find((w) => w.id === c.shipped.warehouseId);
        const method = c.frame.locator(`[data-method="${wh?.deliveryMethodId}"]`);
        await method.locator('button[data-action="handover-method"]').click();
        await c.frame.locator('[data-role="message"] a[data-role="act-result"]').waitFor();
        return deskMessage(c);
      },
    },
  ],
};

const inventory: Flow = {
  name: 'Inventory: a move, push to Ozon',
  open: (c) => openSidebarFromMenu(c.page, c.wb, 'showInventory', 'inventory'),
  steps: [
    {
      name: 'zero units are refused at the quantity',
      act: async (c) => {
        const { rows, col } = table(c, 'Inventory');
        await c.frame.fill('#offerId', String(rows[0][col('Offer ID')]));
        await c.frame.selectOption('#reason', 'receipt');
        await c.frame.fill('#quantity', '0');
        await c.frame.click('button[data-action="record"]');
        return c.frame.locator('[data-field-error="quantity"]', {
          hasText: t(c.lang, 'error.inventory.quantity.zero'),
        });
      },
      marks: (c) => c.frame.locator('.has-error #quantity'),
    },
    {
      name: 'a receipt is recorded',
      act: async (c) => {
        await c.frame.fill('#quantity', '3');
        await c.frame.click('button[data-action="record"]');
        return c.frame.locator('[data-role="message"] .notice.ok');
      },
    },
    {
      name: 'stock is pushed to Ozon',
      act: async (c) => {
        await c.frame.click('button[data-action="push"]');
        return c.frame.locator('[data-role="push-results"] .notice');
      },
    },
  ],
};

const service: Flow = {
  name: 'Returns & messages: return work, chat, cancellation request',
  open: async (c) => {
    const key = returnKey(c);
    await selectRow(c, 'Returns', 'Row key', key);
    const frame = await openSidebarFromMenu(c.page, c.wb, 'showService', 'service');
    await frame.locator(`[data-return="${key}"]`).waitFor();
    return frame;
  },
  steps: [
    {
      name: 'a received date that is no day is refused at its field',
      act: async (c) => {
        const card = c.frame.locator(`[data-return="${returnKey(c)}"]`);
        await card.locator('input[name="received"]').fill('31.02.2026');
        await card.locator('button[data-action="save-return"]').click();
        return c.frame.locator('[data-role="message"] .notice.error');
      },
      marks: (c) =>
        c.frame.locator(`[data-return="${returnKey(c)}"] input[name="received"][aria-invalid="true"]`),
    },
    {
      name: 'the return work is saved',
      act: async (c) => {
        const card = c.frame.locator(`[data-return="${returnKey(c)}"]`);
        // Shown in the chosen language's order.
        const placeholder = String(await card.locator('input[name="received"]').getAttribute('placeholder'));
        expect(foreignWords(placeholder, c.lang, new Set())).toEqual([]);
        await card.locator('select[name="verdict"]').selectOption('accepted');
        await card.locator('input[name="received"]').fill(formatDay(moscowDay(c, -1), c.lang));
        await card.locator('select[name="quality"]').selectOption('resellable');
        await card.locator('select[name="outcome"]').selectOption('restocked');
        await card.locator('button[data-action="save-return"]').click();
        return c.frame.locator('[data-role="message"] .notice.ok');
      },
    },
    {
      name: "a chat's history is shown; an empty reply is refused at the reply box",
      act: async (c) => {
        await selectRow(c, 'Orders', 'Posting number', chatPosting(c));
        await c.frame.locator('[data-role="selected"]', { hasText: chatPosting(c) }).waitFor();
        await c.frame.locator('[data-role="messages"] .msg').first().waitFor();
        await c.frame.locator('[data-chat] button[data-action="send"]').first().click();
        return c.frame.locator('[data-role="message"] .notice.error');
      },
      marks: (c) => c.frame.locator('[data-chat] textarea[name="reply"][aria-invalid="true"]'),
    },
    {
      name: 'a chat reply is sent',
      act: async (c) => {
        const chat = c.frame.locator('[data-chat]').first();
        await chat.locator('textarea[name="reply"]').fill(TYPED[c.lang].chat);
        await chat.locator('button[data-action="send"]').click();
        return c.frame.locator('[data-role="message"] .notice.ok');
      },
    },
    {
      name: 'rejecting a cancellation request without a comment is refused at the comment',
      act: async (c) => {
        const card = c.frame.locator(`[data-cancellation="${cancellationId(c)}"]`);
        await card.locator('input[data-role="confirm"]').check();
        await card.locator('button[data-action="reject"]').click();
        return c.frame.locator('[data-role="message"] .notice.error', {
          hasText: t(c.lang, 'error.service.rejectComment'),
        });
      },
      marks: (c) =>
        c.frame.locator(
          `[data-cancellation="${cancellationId(c)}"] input[name="comment"][aria-invalid="true"]`,
        ),
    },
    {
      name: 'a cancellation request is rejected with a comment',
      act: async (c) => {
        const card = c.frame.locator(`[data-cancellation="${cancellationId(c)}"]`);
        await card.locator('input[name="comment"]').fill('Already handed to the carrier');
        await card.locator('button[data-action="reject"]').click();
        return c.frame.locator('[data-role="message"] .notice.ok');
      },
    },
  ],
};

const feedback: Flow = {
  name: 'Reviews & questions: reply, answer',
  open: async (c) => {
    await selectRow(c, 'Reviews', 'Review ID', reviewId(c));
    const frame = await openSidebarFromMenu(c.page, c.wb, 'showFeedback', 'feedback');
    await frame.locator(`[data-review="${reviewId(c)}"] textarea[name="reply"]`).waitFor();
    return frame;
  },
  steps: [
    {
      name: 'an empty reply is refused at the reply box',
      act: async (c) => {
        await c.frame.locator(`[data-review="${reviewId(c)}"] button[data-action="reply"]`).click();
        return c.frame.locator('[data-role="message"] .notice.error');
      },
      marks: (c) => c.frame.locator(`[data-review="${reviewId(c)}"] textarea[aria-invalid="true"]`),
    },
    {
      name: 'a review gets a reply',
      act: async (c) => {
        const card = c.frame.locator(`[data-review="${reviewId(c)}"]`);
        await card.locator('textarea[name="reply"]').fill(TYPED[c.lang].reply);
        await card.locator('button[data-action="reply"]').click();
        return c.frame.locator('[data-role="message"] .notice.ok');
      },
    },
    {
      name: 'a question gets an answer',
      act: async (c) => {
        const card = c.frame.locator('[data-question]').nth(LANG_INDEX(c.lang));
        await card.locator('button[data-action="open"]').click();
        await card.locator('textarea[name="answer"]').fill(TYPED[c.lang].answer);
        await card.locator('button[data-action="answer"]').click();
        return c.frame.locator('[data-role="message"] .notice.ok');
      },
    },
  ],
};

const FLOWS: Flow[] = [settings, desk, handover, inventory, service, feedback];

// ---- what each language works on ----

const LANG_INDEX = (lang: Lang) => LANGS.indexOf(lang);

function returnKey(c: Ctx): string {
  const { rows, col } = table(c, 'Returns');
  const keys = rows.map((r) => String(r[col('Row key')])).filter((k) => /^R\d/.test(k));
  return keys[LANG_INDEX(c.lang)];
}

function chatPosting(c: Ctx): string {
  const orders = new Set(
    table(c, 'Orders').rows.map((r) => String(r[table(c, 'Orders').col('Posting number')])),
  );
  const { rows, col } = table(c, 'Messages');
  const posting = rows.map((r) => String(r[col('Posting number')])).find((p) => orders.has(p));
  if (!posting) throw new Error('the demo shop needs an order with a chat');
  return posting;
}

let requests: number[] = [];
const cancellationId = (c: Ctx) => requests[LANG_INDEX(c.lang)];

function reviewId(c: Ctx): string {
  const { rows, col } = table(c, 'Reviews');
  return String(rows[LANG_INDEX(c.lang)][col('Review ID')]);
}

let bench: BrowserWorkbench;
let wb: Workbench;
let page: Page;
let allowed: Set<string>;
const taken = new Set<string>();

function freshPosting(): Posting {
  const found = [...wb.sim.state.postings.values()].find(
    (p) =>
      !taken.has(p.postingNumber) &&
      p.scheme === 'fbs' &&
      p.status === 'awaiting_packaging' &&
      p.lines.length === 1,
  );
  if (!found) throw new Error('no fbs posting awaiting packaging left');
  taken.add(found.postingNumber);
  return found;
}

beforeAll(async () => {
  bench = await openBrowserWorkbench({ seed: 9, postings: 240, products: 20, days: 6, now: NOW }, (w) => {
    // Buyers ask to cancel three rFBS orders, one for each language's flow.
    const open = [...w.sim.state.postings.values()].filter(
      (p) => p.scheme === 'rfbs' && ['awaiting_packaging', 'awaiting_deliver'].includes(p.status),
    );
    requests = open.slice(0, 3).map((p, i) => {
      const id = 91_000_001 + i;
      w.sim.state.conditionalCancellations.push({
        id,
        postingNumber: p.postingNumber,
        initiator: 'CLIENT',
        reasonId: 1,
        reasonName: 'Передумал',
        message: '',
        createdAt: NOW - 3_600_000,
        orderDate: p.inProcessAt,
        autoApproveAt: NOW + 2 * 86_400_000,
        state: 'ON_APPROVAL',
        decidedAt: null,
        comment: '',
        tplIntegrationType: p.tplIntegrationType,
      });
      return id;
    });
    runOk(w, 'importProducts', 'syncOrders', 'syncService', 'syncFeedback', 'buildReports');
    w.runtime.run('onOpen', [], { trigger: 'simple' });
  });
  ({ wb, page } = bench);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.reload();
  allowed = shopWords(wb);
  // Tab names stay English in every language (the README's rule), so a message may name one.
  for (const name of wb.runtime.spreadsheet.sheetNames()) for (const w of tokens(name)) allowed.add(w);
  // The language picker names each language in its own script, as every multilingual app does.
  // What the seller typed stays as typed (the chat shows earlier replies in another language).
  for (const typed of Object.values(TYPED))
    for (const text of Object.values(typed)) tokens(text).forEach((w) => allowed.add(w));
  for (const lang of LANGS)
    for (const key of ['settings.language.en', 'settings.language.ru', 'settings.language.zh'] as const)
      for (const w of tokens(t(lang, key))) allowed.add(w);
});

afterAll(async () => {
  await bench?.close();
});

async function shot(name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

describe.each(LANGS)('in %s', (lang) => {
  const c = { lang } as Ctx;

  beforeAll(async () => {
    c.wb = wb;
    c.page = page;
    c.shipped = freshPosting();
    c.flagged = freshPosting();
    c.cancelled = freshPosting();
    if (lang === 'en') return;
    // The seller switches the language in Settings: the sidebar reopens in it and the menu is rebuilt.
    const frame = await openSidebarFromMenu(page, wb, 'showSettings', 'settings');
    await frame.selectOption('#language', lang);
    const shown = wb.runtime.ui.sidebars.length;
    await frame.click('button[data-action="save"]');
    c.frame = await sidebarFrame(page, shown + 1, 'settings');
    await inView(c.frame.locator('[data-role="message"] .notice.ok', { hasText: t(lang, 'settings.saved') }));
    // The tabs take the new language when their data is next written (the hourly run's syncs and the
    // nightly reports), so the cells' check below does not hang on the Settings flow's own steps.
    runOk(wb, 'syncOrders', 'refreshInventory', 'syncService', 'syncFeedback', 'buildReports');
  });

  test('the add-on menu is in the chosen language', async () => {
    await page.click('#menu-button');
    const labels = await page.locator('.menu-item').allTextContents();
    await page.click('#menu-button');
    expect(labels).toContain(t(lang, 'menu.syncOrders'));
    expect(foreignWords(labels.join(' | '), lang, new Set())).toEqual([]);
  });

  test.each(FLOWS.map((f) => [f.name, f] as const))('%s', async (name, flow) => {
    c.frame = await flow.open(c);
    const slug = `${lang}-${name.split(':')[0].replace(/\W+/g, '-').toLowerCase()}`;
    const screen = async (step: string) =>
      expect({
        step,
        foreign: foreignWords(await c.frame.evaluate(() => document.body.innerText), lang, allowed),
      }).toEqual({
        step,
        foreign: [],
      });
    await screen('opened');
    for (const [i, step] of flow.steps.entries()) {
      const message = await step.act(c);
      await inView(message);
      if (step.marks)
        expect({ step: step.name, marked: await step.marks(c).count() }).toEqual({
          step: step.name,
          marked: 1,
        });
      await step.then?.(c);
      await screen(step.name);
      await shot(`${slug}-${i + 1}`);
    }
  });

  test("the add-on's own cells (headers of its tabs, order statuses) are in the chosen language", async () => {
    const book = wb.runtime.spreadsheet;
    const tabs = ['Orders', 'Order lines', 'Sync log', 'Inventory', 'Stock moves', 'Returns', 'Messages'];
    tabs.push('Cancellation requests', 'Sales', 'Customers', 'Products', 'Reviews', 'Questions', 'Handovers');
    tabs.push('Seller rating');
    for (const name of tabs) {
      const header = (book.sheet(name).values()[0] as unknown[]).map(String).join(' | ');
      expect({ tab: name, foreign: foreignWords(header, lang, new Set()) }).toEqual({
        tab: name,
        foreign: [],
      });
    }
    // The add-on's words for Ozon's codes (statuses, kinds, who asked), every row: no shop data allowed.
    const coded: [string, string][] = [
      ['Orders', 'Status'],
      ['Orders', 'Substatus'],
      ['Returns', 'Type'],
      ['Returns', 'Ozon status'],
      ['Messages', 'Chat status'],
      ['Messages', 'From'],
      ['Cancellation requests', 'State'],
      ['Cancellation requests', 'Initiator'],
      ['Handovers', 'Kind'],
      ['Handovers', 'Status'],
      ['Seller rating', 'Group'],
      ['Seller rating', 'Rating'],
      ['Seller rating', 'Status'],
      ['Seller rating', 'Better when'],
    ];
    for (const [tab, column] of coded) {
      const [header, ...rows] = book.sheet(tab).values() as unknown[][];
      const col = header.indexOf(headerIn(lang, column));
      expect({ tab, column, found: col >= 0 }).toEqual({ tab, column, found: true });
      const words = rows.map((r) => String(r[col])).join(' | ');
      expect({ tab, column, foreign: foreignWords(words, lang, new Set()) }).toEqual({
        tab,
        column,
        foreign: [],
      });
    }
    await page.click('.tab[data-sheet="Orders"]');
    await shot(`${lang}-orders-tab`);
  });

  test("the Dashboard draws its charts and its pivot tables hold the reports' figures", async () => {
    runOk(wb, 'buildReports');
    await page.click('.tab[data-sheet="Dashboard"]');
    await page.waitForSelector('.chart-box svg.chart');
    const charts = page.locator('.chart-box svg.chart');
    expect(await charts.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      expect(await charts.nth(i).locator('.chart-title').textContent()).not.toBe('');
      expect(await charts.nth(i).locator('.chart-mark').count()).toBeGreaterThan(0);
    }
    await shot(`${lang}-dashboard`);

    // The months pivot: its grand total is the sum of the Sales tab's ordered values.
    const book = wb.runtime.spreadsheet;
    const sales = book.sheet('Sales').values() as unknown[][];
    const valueCol = sales[0].indexOf(headerIn(lang, 'Ordered value'));
    expect(valueCol).toBeGreaterThanOrEqual(0);
    const expected = sales.slice(1).reduce((s, r) => s + (Number(r[valueCol]) || 0), 0);
    const dash = book.sheet('Dashboard').values() as unknown[][];
    // The months pivot sits in columns A–J; the products pivot starts at K.
    const grand = dash.find((r) => r[0] === 'Grand Total');
    expect(grand).toBeDefined();
    const total = Number(
      (grand ?? [])
        .slice(0, 10)
        .filter((v) => typeof v === 'number')
        .pop(),
    );
    expect(total).toBeCloseTo(expected, 2);
    // The seller-rating rows: each rating's name and status in the chosen language, no Ozon text.
    const head = dash.findIndex((r) => r[0] === t(lang, 'feedback.dash.rating'));
    expect(head).toBeGreaterThan(0);
    const errorsLine = t(lang, 'feedback.dash.errors', { count: 0 }).split(/\d/)[0];
    const end = dash.findIndex((r, i) => i > head && String(r[0]).startsWith(errorsLine));
    // The block's four columns (name, value, before, status); other blocks sit beside it.
    const rated = dash.slice(head, end).map((r) => r.slice(0, 4));
    expect(rated.length).toBeGreaterThan(3);
    expect(foreignWords(rated.flat().map(String).join(' | '), lang, new Set())).toEqual([]);
    const valueName = `SUM of ${headerIn(lang, 'Ordered value')}`;
    const pivotHeader = dash.findIndex((r) => r[0] === valueName);
    expect(pivotHeader).toBeGreaterThan(0);
    // Drawn in the grid as well.
    await page
      .locator(`td[data-cell="A${pivotHeader + 1}"]`, { hasText: valueName })
      .scrollIntoViewIfNeeded();
    await shot(`${lang}-dashboard-pivots`);
  });
});
