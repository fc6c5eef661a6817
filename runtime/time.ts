// Time zones and spreadsheet serial numbers. Sheets stores a date-time as days since 1899-12-30
// in the spreadsheet's time zone; these helpers convert between that and epoch milliseconds.

const dtfCache = new Map<string, Intl.DateTimeFormat>();
function dtf(tz: string): Intl.DateTimeFormat {
  let f = dtfCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    dtfCache.set(tz, f);
  }
  return f;
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall clock in `tz` at an instant, as the zone database has it. */
function zoneWallTime(epochMs: number, tz: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of dtf(tz).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: ((epochMs % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

// Since 1973 every zone's offset is whole minutes and changes on a whole minute, so the offset found
// for one instant holds for its whole minute (before that, local mean times had seconds in them).
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1973, 0, 1);
// Per zone, minute number → offset (numeric keys: a tab's read looks up every date cell).
const offsetCache = new Map<string, Map<number, number>>();
let cachedOffsets = 0;

/** Offset of `tz` from UTC at the instant `epochMs`, in ms (Moscow: +3h). */
export function tzOffset(epochMs: number, tz: string): number {
  const cacheable = epochMs >= WHOLE_MINUTE_OFFSETS_FROM;
  const minute = Math.floor(epochMs / 60_000);
  let zone = cacheable ? offsetCache.get(tz) : undefined;
  const known = zone?.get(minute);
  if (known !== undefined) return known;
  const w = zoneWallTime(epochMs, tz);
  const offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - epochMs;
  if (cacheable) {
    if (cachedOffsets > 200_000) {
      offsetCache.clear();
      cachedOffsets = 0;
    }
    zone = offsetCache.get(tz);
    if (!zone) offsetCache.set(tz, (zone = new Map()));
    zone.set(minute, offset);
    cachedOffsets++;
  }
  return offset;
}

/** The wall clock's fields of a wall-clock time given as if it were UTC ms. */
function wallParts(wallUtcMs: number): WallTime {
  const d = new Date(wallUtcMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

export function wallTime(epochMs: number, tz: string): WallTime {
  return wallParts(epochMs + tzOffset(epochMs, tz));
}

/** The epoch ms of a wall-clock time in `tz` (wall given as if it were UTC ms). */
export function wallToEpoch(wallUtcMs: number, tz: string): number {
  let epoch = wallUtcMs - tzOffset(wallUtcMs, tz);
  epoch = wallUtcMs - tzOffset(epoch, tz);
  return epoch;
}

const SERIAL_BASE = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function epochToSerial(epochMs: number, tz: string): number {
  const wall = epochMs + tzOffset(epochMs, tz);
  return (wall - SERIAL_BASE) / DAY;
}

export function serialToEpoch(serial: number, tz: string): number {
  const wall = Math.round(serial * DAY + SERIAL_BASE);
  return wallToEpoch(wall, tz);
}

/** Wall-clock parts of a serial number (no time zone involved). */
export function serialParts(serial: number): WallTime {
  return wallParts(Math.round(serial * DAY + SERIAL_BASE));
}

export function partsToSerial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return (Date.UTC(y, mo - 1, d, h, mi, s) - SERIAL_BASE) / DAY;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function offsetString(offMs: number, style: 'Z' | 'X' | 'z'): string {
  const sign = offMs >= 0 ? '+' : '-';
  const abs = Math.abs(offMs) / 60000;
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (style === 'Z') return `${sign}${hh}${mm}`;
  if (style === 'X') return offMs === 0 ? 'Z' : `${sign}${hh}:${mm}`;
  return `GMT${sign}${hh}:${mm}`;
}

/** Utilities.formatDate: Java SimpleDateFormat patterns in a time zone. */
export function formatJavaDate(epochMs: number, tz: string, pattern: string): string {
  const off = tzOffset(epochMs, tz);
  const w = wallParts(epochMs + off);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.ms, 3).slice(0, Math.max(n, 3));
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        break;
      case 'u':
        out += String(w.weekday === 0 ? 7 : w.weekday);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += n >= 4 ? tz : offsetString(off, 'z');
        break;
      case 'Z':
        out += offsetString(off, 'Z');
        break;
      case 'X':
        out += offsetString(off, 'X');
        break;
      case 'D': {
        const start = Date.UTC(w.year, 0, 1);
        out += pad(Math.floor((Date.UTC(w.year, w.month - 1, w.day) - start) / 86_400_000) + 1, n);
        break;
      }
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

export { MONTHS, DAYS };
