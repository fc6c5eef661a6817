// Calendar arithmetic on spreadsheet serial numbers, which are already in the spreadsheet's zone:
// no offsets are needed here.
const DAY_MS = 86_400_000;
const EPOCH_SERIAL = 25_569; // 1970-01-01

export function serialDay(serial: number): number {
  return Math.floor(serial + 1e-9);
}

function utcOf(day: number): Date {
  return new Date((day - EPOCH_SERIAL) * DAY_MS);
}

export function monthStart(serial: number): number {
  const d = utcOf(serialDay(serial));
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS + EPOCH_SERIAL;
}

/** 'YYYY-MM-DD' of a serial day. */
export function isoDay(serial: number): string {
  return utcOf(serialDay(serial)).toISOString().slice(0, 10);
}

/** 'YYYY-MM' of a serial day. */
export function isoMonth(serial: number): string {
  return isoDay(serial).slice(0, 7);
}

export function daySerial(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS + EPOCH_SERIAL;
}
