// What the grid shows and what the desk sidebar says agree, in every language and whatever the
// spreadsheet's locale and time zone: a money column holds the one money pattern and the sidebar's
// amount is that cell as drawn, currency after it; Ship by is the grid's time with its zone said (and
// the Moscow time beside it outside Moscow), and the grid's time columns name that zone too, in the
// seller's language; only an order still to ship has time left.
import { MONEY_PATTERN } from '../../src/core/format/money';
import { headerIn } from '../../src/core/i18n/headers';
import type { Lang } from '../../src/core/i18n/messages';
import { t } from '../../src/core/i18n/messages';
import { OPEN_STATUSES } from '../../src/core/orders/posting';
import type { DeskOrder } from '../../src/shared/desk-schema';
import { demoShop, type Runtime } from '../support/shop';

jest.setTimeout(120_000);

type Result<T> = { ok: true; data: T } | { ok: false; error: { message: string } };

function call<T>(rt: Runtime, name: string, input?: unknown): T {
  const r = rt.callFromSidebar(name, input) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data;
}

const CASES: { lang: Lang; locale: string; zone: string; hours: number }[] = [
  { lang: 'ru', locale: 'ru_RU', zone: 'Europe/Moscow', hours: 0 },
  // The case: a Russian spreadsheet, the add-on in English.
  { lang: 'en', locale: 'ru_RU', zone: 'Europe/Moscow', hours: 0 },
  { lang: 'en', locale: 'en_US', zone: 'Asia/Shanghai', hours: 5 },
  { lang: 'zh', locale: 'zh_CN', zone: 'Asia/Shanghai', hours: 5 },
];

describe.each(CASES)(
  'grid and sidebar in $lang, a $locale spreadsheet in $zone',
  ({ lang, locale, zone, hours }) => {
    it('show the same amounts and ship-by times; only an order to ship has time left', () => {
      const { rt } = demoShop({ postings: 150 }, { timeZone: zone, spreadsheetLocale: locale });
      rt.properties.user.set('ODESK_LANGUAGE', lang);
      call(rt, 'syncOrders');
      const sheet = rt.spreadsheet.sheet('Orders');
      const values = sheet.values() as unknown[][];
      const shown = sheet.displayValues() as string[][];
      const formats = sheet.numberFormats() as string[][];
      const header = values[0].map(String);
      const col = (english: string) => {
        const index = header.indexOf(headerIn(lang, english));
        if (index < 0) throw new Error(`no ${english} in ${header.join(' | ')}`);
        return index;
      };
      const [posting, total, currency, shipBy, status] = [
        col('Posting number'),
        col('Total'),
        col('Currency'),
        col('Ship by'),
        col('Status code'),
      ];
      const rows = values.map((_, i) => i).filter((i) => i > 0 && values[i][posting] !== '');
      expect(rows.length).toBeGreaterThan(100);
      // Every money cell of the add-on's Total column holds the money pattern.
      expect(new Set(rows.map((i) => formats[i][total]))).toEqual(new Set([MONEY_PATTERN]));

      const postings = rows.map((i) => String(values[i][posting]));
      const isOpen = (i: number) => OPEN_STATUSES.has(String(values[i][status]));
      // Orders still to ship and others (cancelled among them), at most 50 a desk call.
      const picked = [rows.filter(isOpen), rows.filter((i) => !isOpen(i))].map((list) =>
        list.slice(0, 50).map((i) => String(values[i][posting])),
      );
      expect(picked[0].length).toBeGreaterThan(5);
      expect(picked[1].length).toBeGreaterThan(5);
      const orders = picked.flatMap(
        (list) => call<{ orders: DeskOrder[] }>(rt, 'getDeskOrders', { postings: list }).orders,
      );
      expect(orders).toHaveLength(picked[0].length + picked[1].length);
      const moscow = t(lang, 'time.zone.moscow');
      let open = 0;
      let closed = 0;
      for (const order of orders) {
        const i = rows[postings.indexOf(order.posting)];
        expect([order.posting, order.totalText]).toEqual([
          order.posting,
          `${shown[i][total]} ${shown[i][currency]}`,
        ]);
        const grid = shown[i][shipBy];
        if (!grid) {
          expect(order.shipByText).toBe('');
          continue;
        }
        // The grid names the zone after the time, as the sidebar does.
        if (hours === 0) {
          expect(grid).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d ${moscow}$`));
          expect(order.shipByText).toBe(grid);
        } else {
          expect(grid).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC\+8$/);
          const wall = grid.slice(0, 16);
          const inMoscow = new Date(Date.parse(`${wall.replace(' ', 'T')}:00Z`) - hours * 3_600_000)
            .toISOString()
            .slice(0, 16)
            .replace('T', ' ');
          const time = inMoscow.slice(0, 10) === wall.slice(0, 10) ? inMoscow.slice(11) : inMoscow;
          expect(order.shipByText).toBe(`${grid} (${time} ${moscow})`);
        }
        if (OPEN_STATUSES.has(String(values[i][status]))) {
          open++;
          expect(order.msLeft).not.toBeNull();
        } else {
          closed++;
          // Cancelled, delivered or on its way: no "time left".
          expect([order.status, order.msLeft, order.shipByDays]).toEqual([order.status, null, null]);
        }
      }
      expect(open).toBeGreaterThan(0);
      expect(closed).toBeGreaterThan(0);
      expect(orders.some((o) => o.status === 'cancelled' && o.shipBy !== null)).toBe(true);
    });
  },
);

test('a language change renames the zone the grid’s time columns name, in every time column', () => {
  const { rt } = demoShop({ postings: 40 }, { timeZone: 'Europe/Moscow', spreadsheetLocale: 'ru_RU' });
  const zones: string[][] = [];
  for (const lang of ['en', 'ru', 'zh'] as const) {
    rt.properties.user.set('ODESK_LANGUAGE', lang);
    call(rt, 'syncOrders');
    const sheet = rt.spreadsheet.sheet('Orders');
    const values = sheet.values() as unknown[][];
    const shown = sheet.displayValues() as string[][];
    const header = values[0].map(String);
    const times = ['Ordered at', 'Ship by', 'Last changed'].map((english) =>
      header.indexOf(headerIn(lang, english)),
    );
    expect(times).not.toContain(-1);
    const seen = new Set<string>();
    for (let i = 1; i < values.length; i++)
      for (const c of times) if (shown[i][c]) seen.add(shown[i][c].slice(17));
    zones.push([...seen]);
  }
  expect(zones).toEqual([['MSK'], ['МСК'], ['莫斯科时间']]);
});
