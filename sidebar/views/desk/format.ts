// How the desk writes times and amounts. Deadlines are shown in Moscow time, as sellers count them.
import { durationParts } from '../../../src/core/desk/deadline';
import type { DeskOrder } from '../../../src/shared/desk-schema';
import { getLang, tr } from '../../i18n';

const MOSCOW_MS = 3 * 3_600_000;

export function moscowTime(iso: string | null): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  return `${new Date(ms + MOSCOW_MS).toISOString().slice(0, 16).replace('T', ' ')} MSK`;
}

function duration(ms: number): string {
  const p = durationParts(ms);
  return p.days > 0
    ? tr('desk.time.dh', { days: p.days, hours: p.hours })
    : tr('desk.time.hm', { hours: p.hours, minutes: p.minutes });
}

function dayText(days: number): string {
  if (days === 0) return tr('desk.day.today');
  if (days === 1) return tr('desk.day.tomorrow');
  return days > 1 ? tr('desk.day.later', { days }) : tr('desk.day.past', { days: -days });
}

/** "tomorrow, 1 d 4 h left" or "overdue by 3 h 10 min"; '' without a deadline. */
export function timeLeft(order: DeskOrder): string {
  if (order.msLeft === null || order.shipByDays === null) return '';
  return order.msLeft < 0
    ? tr('desk.deadline.overdue', { time: duration(order.msLeft) })
    : tr('desk.deadline.left', { day: dayText(order.shipByDays), time: duration(order.msLeft) });
}

export function money(amount: number, currency: string): string {
  const locale = getLang() === 'ru' ? 'ru-RU' : getLang() === 'zh' ? 'zh-CN' : 'en-US';
  const text = amount.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency ? `${text} ${currency}` : text;
}
