// How the add-on writes an instant for the seller outside the grid (sidebar, slips): as the grid shows
// it, in the spreadsheet's time zone, and saying which zone. Sellers count days in Moscow time, so a
// spreadsheet in another zone also gets the Moscow time beside it.
import { t, type Lang } from '../i18n/messages';
import type { OffsetMinutes } from '../time/serial';

const MOSCOW_MINUTES = 180;

function wall(epochMs: number, minutes: number): { day: string; time: string } {
  const iso = new Date(epochMs + minutes * 60_000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

function utcLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

const DAY_MS = 86_400_000;

/**
 * The zone the grid's time columns name after the time, as the sidebar does: "MSK" (МСК, 莫斯科时间)
 * in a Moscow spreadsheet, "UTC+8" in a Shanghai one. A number format is fixed text, so a zone that
 * changes its offset during the year (summer time) gets no label: '' (the sidebar, which draws each
 * instant, still says the offset of that instant).
 */
export function zoneLabel(lang: Lang, offset: OffsetMinutes, now: number): string {
  const minutes = offset(now);
  for (let day = 30; day < 366; day += 30) if (offset(now + day * DAY_MS) !== minutes) return '';
  return minutes === MOSCOW_MINUTES ? t(lang, 'time.zone.moscow') : utcLabel(minutes);
}

/**
 * "2026-11-01 14:00 MSK" in a Moscow spreadsheet; "2026-11-01 19:00 UTC+8 (14:00 MSK)" in a
 * Shanghai one (the Moscow date too when it is another day); '' for no instant.
 */
export function shownTime(lang: Lang, epochMs: number | null, offset: OffsetMinutes): string {
  if (epochMs === null || !Number.isFinite(epochMs)) return '';
  const minutes = offset(epochMs);
  const local = wall(epochMs, minutes);
  const moscow = t(lang, 'time.zone.moscow');
  if (minutes === MOSCOW_MINUTES) return `${local.day} ${local.time} ${moscow}`;
  const msk = wall(epochMs, MOSCOW_MINUTES);
  const there = msk.day === local.day ? msk.time : `${msk.day} ${msk.time}`;
  return `${local.day} ${local.time} ${utcLabel(minutes)} (${there} ${moscow})`;
}

/** shownTime of an ISO instant ('' for none or an unreadable one). */
export function shownIso(lang: Lang, iso: string | null, offset: OffsetMinutes): string {
  return iso ? shownTime(lang, Date.parse(iso), offset) : '';
}
