// Money in the finance core is an integer count of minor units (kopecks, fen, tiyn, cents): sums and
// differences are exact, and "reconciled to the kopeck" means integer equality. Ozon and sellers
// write amounts many ways ("-316", "1390.000000", "1 234,56", "+12.5", "−7,00", 1234.5); parseMinor
// reads them all without going through binary floats.

/** An amount in minor units (1/100 of the currency unit) with its ISO currency code. */
export interface Minor {
  minor: number;
  currency: string;
}

const SPACES = /[\s\u00a0\u2009\u202f']/g;
const MINUS = /^[-\u2212\u2013]/;

/** Rounds "123.455" half away from zero to two decimals, as an integer count of hundredths. */
function digitsToMinor(whole: string, frac: string): number | null {
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(frac) || (whole === '' && frac === '')) return null;
  const padded = frac.padEnd(3, '0');
  let minor = Number(whole || '0') * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) minor += 1;
  return Number.isSafeInteger(minor) ? minor : null;
}

/**
 * A decimal text → minor units, or null when it is not a number. Spaces (also no-break and thin
 * spaces) and apostrophes are digit-group separators. With both "," and "." the later one is the
 * decimal mark; a lone "," is a decimal mark (Russian and Chinese sellers write "12,50"), unless
 * it repeats ("1,234,567"). A leading "+", "-" or "−", or accounting brackets "(12.00)", give the sign.
 */
export function parseMinorText(input: string): number | null {
  let text = input.replace(SPACES, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (MINUS.test(text)) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  if (text === '') return null;
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  let whole: string;
  let frac = '';
  if (comma >= 0 && dot >= 0) {
    const mark = Math.max(comma, dot);
    const group = mark === comma ? '.' : ',';
    whole = text.slice(0, mark).split(group).join('');
    frac = text.slice(mark + 1);
  } else if (comma >= 0) {
    const parts = text.split(',');
    if (parts.length > 2) whole = parts.join('');
    else [whole, frac] = parts as [string, string];
  } else if (dot >= 0) {
    const parts = text.split('.');
    if (parts.length > 2) whole = parts.join('');
    else [whole, frac] = parts as [string, string];
  } else whole = text;
  const minor = digitsToMinor(whole, frac);
  if (minor === null) return null;
  return negative && minor !== 0 ? -minor : minor;
}

/** A number → minor units: exact for every amount with at most two decimals that a double can hold. */
export function numberToMinor(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  // toPrecision(15) drops the binary tail (29.990000000000002 → "29.9900000000000").
  const text = Math.abs(value) >= 1e15 ? value.toFixed(2) : value.toPrecision(15);
  if (/e/i.test(text)) return Math.round(value * 100) || 0;
  return parseMinorText(text);
}

/** Any amount Ozon or a cell gives (number or text) → minor units; null when absent or not a number. */
export function parseMinor(value: unknown): number | null {
  if (typeof value === 'number') return numberToMinor(value);
  if (typeof value === 'string') return value.trim() === '' ? null : parseMinorText(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) * 100 : null;
  return null;
}

/** Minor units → the number a money cell holds (12345 → 123.45). */
export function minorToNumber(minor: number): number {
  const value = minor / 100;
  return Object.is(value, -0) ? 0 : value;
}

/** "1234.50" — exact text of an amount, for ids, logs and messages. */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** a × numerator / denominator in minor units, rounded half away from zero (rates, shares, percents). */
export function mulDiv(minor: number, numerator: number, denominator: number): number {
  if (denominator === 0) throw new Error('division by zero');
  const exact = (minor * numerator) / denominator;
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact) + 1e-9);
  return rounded === 0 ? 0 : rounded;
}
