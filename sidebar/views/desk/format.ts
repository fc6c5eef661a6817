// How the desk writes the time left to a deadline, counted in Moscow days as sellers count them (the
// times and amounts themselves come from the server as the grid shows them: core/format).
import { durationParts } from '../../../src/core/desk/deadline';
import type { DeskOrder } from '../../../src/shared/desk-schema';
import { tr } from '../../i18n';

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
