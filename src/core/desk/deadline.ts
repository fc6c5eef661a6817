// Time left until a posting's ship-by deadline. Sellers count days in Moscow time (UTC+3, no DST):
// "today" and "tomorrow" are Moscow calendar days, whatever zone the browser or server is in.

const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;

function moscowDay(epochMs: number): number {
  return Math.floor((epochMs + MOSCOW_OFFSET_MS) / DAY_MS);
}

export interface Deadline {
  /** Negative when overdue. */
  msLeft: number;
  /** Moscow calendar days from now's day to the deadline's day: 0 today, 1 tomorrow, -1 yesterday. */
  days: number;
}

export function deadline(now: number, shipBy: number | null): Deadline | null {
  if (shipBy === null || !Number.isFinite(shipBy)) return null;
  return { msLeft: shipBy - now, days: moscowDay(shipBy) - moscowDay(now) };
}

/** Splits a duration into whole days, hours and minutes (of its absolute value). */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
