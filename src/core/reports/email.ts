// The nightly summary email: yesterday's figures, low stock and orders past their ship-by.
// Kept short and plain text; lists are cut so the saved copy fits in one property.
import { t, type Lang } from '../i18n/messages';
import type { ReportData } from './build';
import { isoDay } from './calendar';

export interface SummaryEmail {
  subject: string;
  body: string;
}

const LIST_LIMIT = 15;

export function formatMoney(kopecks: number, currency: string): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

function cut(lines: string[]): string[] {
  return lines.length > LIST_LIMIT
    ? [...lines.slice(0, LIST_LIMIT), `… +${lines.length - LIST_LIMIT}`]
    : lines;
}

export function summaryEmail(
  lang: Lang,
  data: ReportData,
  extra: { syncNote?: string; url: string },
): SummaryEmail {
  const yesterday = isoDay(data.dashboard.today - 1);
  const figures = data.dashboard.headlines.filter((h) => h.period === 'yesterday' && h.orders > 0);
  const orders = figures.reduce((n, h) => n + h.orders, 0);
  const lines: string[] = [t(lang, 'nightly.intro', { date: yesterday }), ''];
  if (figures.length)
    for (const h of figures)
      lines.push(
        t(lang, 'nightly.figures', {
          currency: h.currency,
          orders: h.orders,
          units: h.units,
          revenue: formatMoney(h.revenue, h.currency),
          payout: formatMoney(h.payout, h.currency),
        }),
      );
  else lines.push(t(lang, 'nightly.noOrders'));
  if (data.lowStock.length) {
    lines.push('', t(lang, 'nightly.lowStock', { count: data.lowStock.length }));
    lines.push(
      ...cut(
        data.lowStock.map(
          (s) =>
            `• ${t(lang, 'nightly.lowStockLine', {
              offer: s.offerId,
              available: s.available ?? '—',
              days: s.daysOfCover === null ? '—' : Math.round(s.daysOfCover * 10) / 10,
            })}`,
        ),
      ),
    );
  }
  if (data.pastShipBy.length) {
    lines.push('', t(lang, 'nightly.pastShipBy', { count: data.pastShipBy.length }));
    lines.push(
      ...cut(
        data.pastShipBy.map(
          (p) =>
            `• ${t(lang, 'nightly.pastShipByLine', { posting: p.posting, date: p.shipBy === null ? '' : isoDay(p.shipBy) })}`,
        ),
      ),
    );
  }
  if (data.feedback)
    lines.push(
      '',
      t(lang, 'feedback.summary.unanswered', {
        reviews: data.feedback.unprocessedReviews,
        questions: data.feedback.openQuestions,
      }),
    );
  if (extra.syncNote) lines.push('', t(lang, 'nightly.syncNote', { message: extra.syncNote }));
  lines.push('', t(lang, 'nightly.link', { url: extra.url }));
  return { subject: t(lang, 'nightly.subject', { date: yesterday, orders }), body: lines.join('\n') };
}
