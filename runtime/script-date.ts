// The script realm's Date: `new Date()`/`Date.now()` read the modeled clock, and local-time methods
// (getHours, setDate, new Date(y, m, d), toString...) work in the script's time zone, as on Apps Script,
// whatever time zone the machine running the tests is in.
import vm from 'node:vm';
import { tzOffset, wallToEpoch } from './time';

const SOURCE = `(function (now, offset, toEpoch, describe) {
  var RealDate = Date;
  var P = RealDate.prototype;
  var utc = {
    getTime: P.getTime, setTime: P.setTime, getUTCFullYear: P.getUTCFullYear, getUTCMonth: P.getUTCMonth,
    getUTCDate: P.getUTCDate, getUTCDay: P.getUTCDay, getUTCHours: P.getUTCHours, getUTCMinutes: P.getUTCMinutes,
    getUTCSeconds: P.getUTCSeconds, getUTCMilliseconds: P.getUTCMilliseconds,
    setUTCFullYear: P.setUTCFullYear, setUTCMonth: P.setUTCMonth, setUTCDate: P.setUTCDate, setUTCHours: P.setUTCHours,
    setUTCMinutes: P.setUTCMinutes, setUTCSeconds: P.setUTCSeconds, setUTCMilliseconds: P.setUTCMilliseconds
  };
  function wall(d) { var t = utc.getTime.call(d); return new RealDate(t + offset(t)); }
  var LOCAL_ISO = /^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?$/;
  function parseLocal(s) {
    var m = LOCAL_ISO.exec(s);
    if (!m) return RealDate.parse(s);
    return toEpoch(RealDate.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0), +((m[7] || '0') + '00').slice(0, 3)));
  }
  var ModeledDate = function Date(a, b, c, d, e, f, g) {
    var n = arguments.length;
    if (!new.target) return new RealDate(now()).toString();
    var t;
    if (n === 0) t = now();
    else if (n === 1) t = typeof a === 'string' ? parseLocal(a) : (a instanceof RealDate ? utc.getTime.call(a) : +a);
    else {
      var year = +a;
      var wallMs = RealDate.UTC(year, +b, n > 2 ? +c : 1, n > 3 ? +d : 0, n > 4 ? +e : 0, n > 5 ? +f : 0, n > 6 ? +g : 0);
      if (year >= 0 && year <= 99) { var w = new RealDate(wallMs); utc.setUTCFullYear.call(w, 1900 + year); wallMs = utc.getTime.call(w); }
      t = toEpoch(wallMs);
    }
    return Reflect.construct(RealDate, [t], new.target);
  };
  ModeledDate.prototype = P;
  Object.defineProperty(P, 'constructor', { value: ModeledDate, writable: true, configurable: true });
  ModeledDate.now = function now_() { return now(); };
  ModeledDate.parse = function parse(s) { return parseLocal(String(s)); };
  ModeledDate.UTC = RealDate.UTC;
  var getters = { getFullYear: 'getUTCFullYear', getMonth: 'getUTCMonth', getDate: 'getUTCDate', getDay: 'getUTCDay',
    getHours: 'getUTCHours', getMinutes: 'getUTCMinutes', getSeconds: 'getUTCSeconds', getMilliseconds: 'getUTCMilliseconds' };
  Object.keys(getters).forEach(function (name) {
    var u = utc[getters[name]];
    Object.defineProperty(P, name, { configurable: true, writable: true, value: function () {
      if (isNaN(utc.getTime.call(this))) return NaN;
      return u.call(wall(this));
    } });
  });
  var setters = { setFullYear: 'setUTCFullYear', setMonth: 'setUTCMonth', setDate: 'setUTCDate', setHours: 'setUTCHours',
    setMinutes: 'setUTCMinutes', setSeconds: 'setUTCSeconds', setMilliseconds: 'setUTCMilliseconds' };
  Object.keys(setters).forEach(function (name) {
    var u = utc[setters[name]];
    Object.defineProperty(P, name, { configurable: true, writable: true, value: function () {
      var w = wall(this);
      u.apply(w, arguments);
      return utc.setTime.call(this, toEpoch(utc.getTime.call(w)));
    } });
  });
  Object.defineProperty(P, 'getTimezoneOffset', { configurable: true, writable: true, value: function () {
    return -offset(utc.getTime.call(this)) / 60000;
  } });
  ['toString', 'toDateString', 'toTimeString'].forEach(function (name) {
    Object.defineProperty(P, name, { configurable: true, writable: true, value: function () {
      if (isNaN(utc.getTime.call(this))) return 'Invalid Date';
      return describe(utc.getTime.call(this), name);
    } });
  });
  ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'].forEach(function (name) {
    var original = P[name];
    Object.defineProperty(P, name, { configurable: true, writable: true, value: function (locales, options) {
      var o = Object.assign({}, options || {});
      if (!o.timeZone) o.timeZone = describe(0, 'zone');
      return original.call(this, locales, o);
    } });
  });
  Object.defineProperty(globalThis, 'Date', { value: ModeledDate, writable: true, configurable: true });
})`;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function installScriptDate(context: vm.Context, now: () => number, timeZone: string): void {
  const offset = (ms: number) => (Number.isFinite(ms) ? tzOffset(ms, timeZone) : 0);
  const toEpoch = (wallMs: number) => (Number.isFinite(wallMs) ? wallToEpoch(wallMs, timeZone) : NaN);
  const longName = (ms: number) =>
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' })
      .formatToParts(ms)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  const describe = (ms: number, what: string): string => {
    if (what === 'zone') return timeZone;
    const off = offset(ms);
    const w = new Date(ms + off);
    const pad = (n: number) => String(n).padStart(2, '0');
    const sign = off >= 0 ? '+' : '-';
    const abs = Math.abs(off) / 60000;
    const date = `${DAYS[w.getUTCDay()]} ${MONTHS[w.getUTCMonth()]} ${pad(w.getUTCDate())} ${w.getUTCFullYear()}`;
    const time = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())} GMT${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)} (${longName(ms)})`;
    if (what === 'toDateString') return date;
    if (what === 'toTimeString') return time;
    return `${date} ${time}`;
  };
  (vm.runInContext(SOURCE, context) as (...a: unknown[]) => void)(now, offset, toEpoch, describe);
}
