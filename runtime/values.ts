// Cell values as Sheets stores them, "typed" input parsing (USER_ENTERED / setValues) and
// number-format rendering (getDisplayValues, FORMATTED_VALUE).
import { epochToSerial, MONTHS, DAYS, partsToSerial, serialParts } from './time';

export type Scalar = string | number | boolean | null;

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  background?: string | null;
  fontColor?: string | null;
  horizontalAlignment?: string | null;
  verticalAlignment?: string | null;
  wrap?: boolean;
  fontSize?: number;
}

export interface Cell {
  /** Stored value: number (dates are serial numbers), string, boolean; null when empty. */
  v: Scalar;
  /** Formula text including the leading '='. */
  f?: string;
  /** Number format pattern ('@' is plain text); undefined = automatic. */
  nf?: string;
  note?: string;
  fmt?: CellFormat;
  validation?: unknown;
}

export const MAX_CELL_CHARS = 50_000;

export interface Parsed {
  v: Scalar;
  f?: string;
  /** Number format the input implies (set only when the cell has no explicit format). */
  nf?: string;
}

interface LocaleRules {
  decimal: string;
  /** The grouping separator Sheets draws between thousands. */
  groupChar: string;
  /** What a typed number may group thousands with. */
  group: RegExp;
  dateTime: string;
  date: string;
}

// Google's formats guide (developers.google.com/sheets/api/guides/formats) says only that "the actual
// rendering of the format depends on the spreadsheet's locale": it lists no separators per locale.
// Sheets follows the Unicode CLDR data, which is what Intl.NumberFormat holds, so the separators come
// from there: en_US, en_GB, zh_CN 1,234.5; ru_RU 1 234,5 (no-break space U+00A0); de_DE 1.234,5;
// fr_FR 1 234,5 (CLDR's narrow no-break space U+202F; which space Sheets itself draws is not
// documented, so typed input accepts any of the spaces).
const SPACES = /[\s\u00a0\u202f]/;
const rulesByLocale = new Map<string, LocaleRules>();

function separators(locale: string): { decimal: string; groupChar: string } {
  let parts: Intl.NumberFormatPart[] = [];
  try {
    parts = new Intl.NumberFormat(locale.replace(/_/g, '-')).formatToParts(1234567.5);
  } catch {
    // an unknown locale tag draws as en_US
  }
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const groupChar = parts.find((p) => p.type === 'group')?.value ?? ',';
  return { decimal, groupChar };
}

export function localeRules(locale: string): LocaleRules {
  let rules = rulesByLocale.get(locale);
  if (rules) return rules;
  const { decimal, groupChar } = separators(locale || 'en_US');
  const ru = /^ru/i.test(locale);
  rules = {
    decimal,
    groupChar,
    group: SPACES.test(groupChar) ? /[\s\u00a0\u202f]/g : new RegExp(escapeRegExp(groupChar), 'g'),
    dateTime: ru ? 'dd.MM.yyyy H:mm:ss' : 'M/d/yyyy H:mm:ss',
    date: ru ? 'dd.MM.yyyy' : 'M/d/yyyy',
  };
  if (rulesByLocale.size < 1000) rulesByLocale.set(locale, rules);
  return rules;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const isDateObject = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** The value of a cell written from script code (Range.setValues) or typed by a user. */
export function parseInput(input: unknown, cellNf: string | undefined, tz: string, locale: string): Parsed {
  if (input === null || input === undefined) return { v: null };
  if (typeof input === 'number') return { v: input };
  if (typeof input === 'boolean') return { v: input };
  if (isDateObject(input)) {
    const t = input.getTime();
    if (Number.isNaN(t)) return { v: '' };
    return { v: epochToSerial(t, tz), nf: localeRules(locale).dateTime };
  }
  const s = String(input);
  if (s.length > MAX_CELL_CHARS) throw new CellTooLong();
  if (cellNf === '@') return { v: s === '' ? null : s };
  return parseTyped(s, locale);
}

export class CellTooLong extends Error {
  constructor() {
    super('Your input contains more than the maximum of 50000 characters in a single cell.');
  }
}

export function parseTyped(s: string, locale: string): Parsed {
  if (s === '') return { v: null };
  if (s[0] === '=' && s.length > 1) return { v: evaluateFormula(s), f: s };
  if (s[0] === "'") return { v: s.slice(1) === '' ? null : s.slice(1) };
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  const num = parseNumber(t, locale);
  if (num) return num;
  const date = parseDate(t, locale);
  if (date) return date;
  return { v: s };
}

function parseNumber(t: string, locale: string): Parsed | null {
  const rules = localeRules(locale);
  let body = t;
  let currency = '';
  const cur = /^([+-]?)([$€£₽¥])(.*)$/.exec(body) ?? /^([+-]?)(.*?)\s?([$€£₽¥]|руб\.?|р\.)$/.exec(body);
  if (cur) {
    if (/^[$€£₽¥]$/.test(cur[2])) {
      currency = cur[2];
      body = cur[1] + cur[3];
    } else {
      currency = cur[3];
      body = cur[1] + cur[2];
    }
  }
  let percent = false;
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1);
  }
  const dec = escapeRegExp(rules.decimal);
  const grp = rules.group.source;
  const re = new RegExp(`^[+-]?(?:\\d+|\\d{1,3}(?:${grp}\\d{3})+)?(?:${dec}\\d+)?(?:[eE][+-]?\\d+)?$`);
  if (!/\d/.test(body) || !re.test(body)) return null;
  const grouped = new RegExp(grp).test(body);
  const normal = body.replace(rules.group, '').replace(rules.decimal, '.');
  let value = Number(normal);
  if (!Number.isFinite(value)) return null;
  const decimals = /\.(\d+)$/.exec(normal.replace(/[eE].*$/, ''))?.[1].length ?? 0;
  let nf: string | undefined;
  if (percent) {
    value = value / 100;
    nf = decimals ? `0.${'0'.repeat(decimals)}%` : '0%';
  } else if (currency) {
    nf = `"${currency}"#,##0.00`;
  } else if (grouped) {
    nf = decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  } else if (/[eE]/.test(body)) {
    nf = '0.00E+00';
  }
  return nf ? { v: value, nf } : { v: value };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseDate(t: string, locale: string): Parsed | null {
  let y: number, m: number, d: number;
  let rest: string | undefined;
  let nfDate: string;
  let mt = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.+))?$/.exec(t);
  if (mt) {
    [y, m, d] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
    rest = mt[4];
    nfDate = 'yyyy-mm-dd';
  } else if (/^ru/i.test(locale) && (mt = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (.+))?$/.exec(t))) {
    [d, m, y] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
    rest = mt[4];
    nfDate = 'dd.mm.yyyy';
  } else if (!/^ru/i.test(locale) && (mt = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (.+))?$/.exec(t))) {
    [m, d, y] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
    rest = mt[4];
    nfDate = 'm/d/yyyy';
  } else {
    const tm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
    if (!tm || Number(tm[1]) > 23 || Number(tm[2]) > 59 || Number(tm[3] ?? 0) > 59) return null;
    const v = (Number(tm[1]) * 3600 + Number(tm[2]) * 60 + Number(tm[3] ?? 0)) / 86400;
    return { v, nf: tm[3] ? 'h:mm:ss' : 'h:mm' };
  }
  if (!validDate(y, m, d)) return null;
  if (rest === undefined) return { v: partsToSerial(y, m, d), nf: nfDate };
  const tm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(rest);
  if (!tm || Number(tm[1]) > 23 || Number(tm[2]) > 59 || Number(tm[3] ?? 0) > 59) return null;
  return {
    v: partsToSerial(y, m, d, Number(tm[1]), Number(tm[2]), Number(tm[3] ?? 0)),
    nf: `${nfDate} ${tm[3] ? 'h:mm:ss' : 'h:mm'}`,
  };
}

/** Formulas are not evaluated, except constants: ="text", =123, =TRUE. */
export function evaluateFormula(f: string): Scalar {
  const body = f.slice(1).trim();
  let m = /^"((?:[^"]|"")*)"$/.exec(body);
  if (m) return m[1].replace(/""/g, '"');
  if (/^[+-]?\d+(\.\d+)?$/.test(body)) return Number(body);
  if (/^(TRUE|FALSE)(\(\))?$/i.test(body)) return body.toUpperCase().startsWith('TRUE');
  m = /^HYPERLINK\(\s*"(?:[^"]|"")*"\s*[,;]\s*"((?:[^"]|"")*)"\s*\)$/i.exec(body);
  if (m) return m[1].replace(/""/g, '"');
  return '';
}

function stripQuoted(p: string): string {
  return p
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

const dateFormats = new Map<string, boolean>();

export function isDateFormat(nf: string | undefined): boolean {
  if (!nf || nf === '@' || nf === 'General') return false;
  let known = dateFormats.get(nf);
  if (known === undefined) {
    const bare = stripQuoted(nf);
    known = /[ydhs]/i.test(bare) || /^[^#0]*m+[^#0]*$/i.test(bare);
    if (dateFormats.size < 10_000) dateFormats.set(nf, known);
  }
  return known;
}

function splitSections(p: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of p) {
    if (ch === '"') q = !q;
    if (ch === ';' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function groupDigits(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function formatGeneral(n: number, locale: string): string {
  const rules = localeRules(locale);
  let s: string;
  if (Number.isInteger(n) && Math.abs(n) < 1e15) s = String(n);
  else if (Math.abs(n) >= 1e15 || (n !== 0 && Math.abs(n) < 1e-9))
    s = n.toExponential(2).toUpperCase().replace('E', 'E');
  else s = String(parseFloat(n.toPrecision(15)));
  return rules.decimal === '.' ? s : s.replace('.', rules.decimal);
}

function formatNumberPattern(pattern: string, n: number, locale: string): string {
  const rules = localeRules(locale);
  const sections = splitSections(pattern);
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2) section = sections[2];
  const literal = (s: string) =>
    s
      .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, '$1')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/"([^"]*)"/g, '$1')
      .replace(/\\(.)/g, '$1')
      .replace(/_./g, ' ')
      .replace(/\*./g, '');
  const sci = /([0#.]+)E\+(0+)/i.exec(section);
  if (sci) {
    const frac = (sci[1].split('.')[1] ?? '').length;
    const [mant, exp] = n.toExponential(frac).split('e');
    const e = Number(exp);
    const expStr = (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(sci[2].length, '0');
    const m = rules.decimal === '.' ? mant : mant.replace('.', rules.decimal);
    return (
      section.slice(0, sci.index).replace(/"/g, '') +
      m +
      'E' +
      expStr +
      section.slice(sci.index + sci[0].length).replace(/"/g, '')
    );
  }
  const percent = stripQuoted(section).includes('%');
  if (percent) value *= 100;
  const numMatch = /[#0?][#0?,]*(\.[#0?]*)?|\.[#0?]+/.exec(
    section.replace(/"[^"]*"/g, (q) => '\u0000'.repeat(q.length)),
  );
  if (!numMatch) return literal(section);
  const numPart = numMatch[0];
  const [intPat, fracPat = ''] = numPart.split('.');
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = fracPat.length;
  const grouping = intPat.includes(',');
  const minInt = (intPat.match(/0/g) ?? []).length;
  const abs = Math.abs(value);
  let fixed = abs.toFixed(maxFrac);
  let [i, f = ''] = fixed.split('.');
  while (f.length > minFrac && f.endsWith('0')) f = f.slice(0, -1);
  if (i === '0' && minInt === 0) i = '';
  i = i.padStart(minInt, '0');
  if (grouping) i = groupDigits(i, rules.groupChar);
  fixed = f ? `${i}${rules.decimal}${f}` : fracPat && minFrac === 0 && !f ? i : i;
  const sign = value < 0 && sections.length === 1 && Number(fixed.replace(/[^\d]/g, '')) !== 0 ? '-' : '';
  const before = literal(section.slice(0, numMatch.index));
  const after = literal(section.slice(numMatch.index + numPart.length));
  return sign + before + fixed + after;
}

function formatDatePattern(pattern: string, serial: number): string {
  const w = serialParts(serial);
  const section = splitSections(pattern)[0];
  const tokens: { t: string; lit?: boolean }[] = [];
  const re = /"([^"]*)"|\\(.)|(am\/pm|a\/p|yyyy|yy|y+|m+|d+|h+|s+|\.0+)|\[[^\]]*\]|(.)/gi;
  let mt: RegExpExecArray | null;
  while ((mt = re.exec(section))) {
    if (mt[1] !== undefined) tokens.push({ t: mt[1], lit: true });
    else if (mt[2] !== undefined) tokens.push({ t: mt[2], lit: true });
    else if (mt[3] !== undefined) tokens.push({ t: mt[3] });
    else if (mt[4] !== undefined) tokens.push({ t: mt[4], lit: true });
  }
  const hasAmPm = tokens.some((x) => !x.lit && /^a/i.test(x.t));
  const pad = (n: number, w2: number) => String(n).padStart(w2, '0');
  let out = '';
  tokens.forEach((tok, idx) => {
    if (tok.lit) {
      out += tok.t;
      return;
    }
    const t = tok.t;
    const lower = t.toLowerCase();
    const c = lower[0];
    if (c === 'y') out += lower.length <= 2 ? pad(w.year % 100, 2) : String(w.year);
    else if (c === 'd') {
      if (lower.length >= 4) out += DAYS[w.weekday];
      else if (lower.length === 3) out += DAYS[w.weekday].slice(0, 3);
      else out += lower.length === 2 ? pad(w.day, 2) : String(w.day);
    } else if (c === 'h') {
      const h = hasAmPm ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
      out += lower.length >= 2 ? pad(h, 2) : String(h);
    } else if (c === 's') out += lower.length >= 2 ? pad(w.second, 2) : String(w.second);
    else if (c === '.') out += '.' + pad(w.ms, 3).slice(0, lower.length - 1);
    else if (c === 'a') out += w.hour < 12 ? (lower === 'a/p' ? 'a' : 'AM') : lower === 'a/p' ? 'p' : 'PM';
    else if (c === 'm') {
      const prev = tokens
        .slice(0, idx)
        .reverse()
        .find((x) => !x.lit);
      const next = tokens.slice(idx + 1).find((x) => !x.lit);
      const minute = lower.length <= 2 && ((prev && /^h/i.test(prev.t)) || (next && /^s/i.test(next.t)));
      if (minute) out += lower.length === 2 ? pad(w.minute, 2) : String(w.minute);
      else if (lower.length >= 4) out += MONTHS[w.month - 1];
      else if (lower.length === 3) out += MONTHS[w.month - 1].slice(0, 3);
      else out += lower.length === 2 ? pad(w.month, 2) : String(w.month);
    }
  });
  return out;
}

/** What the cell shows (getDisplayValues / FORMATTED_VALUE). */
export function displayValue(cell: Cell | undefined, locale: string): string {
  if (!cell || cell.v === null) return '';
  const v = cell.v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const nf = cell.nf;
  if (!nf || nf === 'General' || nf === '@') return formatGeneral(v, locale);
  if (isDateFormat(nf)) return formatDatePattern(nf, v);
  return formatNumberPattern(nf, v, locale);
}

export { isDateObject };
