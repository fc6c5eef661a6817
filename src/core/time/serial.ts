// Spreadsheet dates are serial day numbers (1899-12-30 = 0) in the spreadsheet's time zone.
// The offset of that zone at a given instant comes from an adapter (formatDate with pattern 'Z').

export type OffsetMinutes = (epochMs: number) => number;

const DAY_MS = 86_400_000;
const EPOCH_SERIAL = 25_569; // serial of 1970-01-01

export function toSerial(epochMs: number, offset: OffsetMinutes): number {
  return (epochMs + offset(epochMs) * 60_000) / DAY_MS + EPOCH_SERIAL;
}

export function fromSerial(serial: number, offset: OffsetMinutes): number {
  const local = (serial - EPOCH_SERIAL) * DAY_MS;
  // The offset is looked up at the instant itself; one correction step settles DST edges.
  const guess = local - offset(local) * 60_000;
  // A serial carries float error of a few microseconds: 14:00 must not read back as 13:59:59.999.
  return Math.round(local - offset(guess) * 60_000);
}

/** ISO timestamp from Ozon → serial, or null for empty/invalid values. */
export function isoToSerial(iso: string | null | undefined, offset: OffsetMinutes): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return toSerial(ms, offset);
}

/** Caches an offset function per hour: zone offsets change on hour boundaries at most. */
export function cachedOffset(raw: OffsetMinutes): OffsetMinutes {
  const cache = new Map<number, number>();
  return (epochMs) => {
    const hour = Math.floor(epochMs / 3_600_000);
    let value = cache.get(hour);
    if (value === undefined) {
      value = raw(hour * 3_600_000);
      cache.set(hour, value);
    }
    return value;
  };
}

/** Fixed offsets, for tests and for zones without daylight saving such as Europe/Moscow (+180). */
export const fixedOffset =
  (minutes: number): OffsetMinutes =>
  () =>
    minutes;

/** Calendar day (YYYY-MM-DD) of an instant in the given zone. */
export function localDay(epochMs: number, offset: OffsetMinutes): string {
  return new Date(epochMs + offset(epochMs) * 60_000).toISOString().slice(0, 10);
}
