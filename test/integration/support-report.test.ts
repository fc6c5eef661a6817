// Settings' "Copy support report" on the built bundle: what support needs is there, and no key,
// Client-Id, phone, e-mail, address or buyer name is — even when the Sync log holds a secret an
// earlier bug wrote into it.
import { demoShop, tabRecords } from '../support/shop';

jest.setTimeout(120_000);

interface Answer {
  ok: boolean;
  data: { text: string };
  error?: unknown;
}

it('masks every secret and personal value, and keeps what support needs', () => {
  const shop = demoShop({ postings: 40 }, { spreadsheetId: '1SupportReport' });
  const { rt, sim } = shop;
  expect(rt.callFromSidebar<{ ok: boolean }>('syncOrders', { source: 'sidebar' }).ok).toBe(true);
  const orders = tabRecords(rt, 'Orders');
  const buyer = orders.find((o) => String(o['Buyer'] ?? '').length >= 4);
  const address = orders.find((o) => String(o['Address'] ?? '').length >= 8);
  // An earlier bug wrote a key, a phone, an e-mail, an address and a name into the Sync log.
  const key = sim.credentials.apiKey;
  const leaked = [
    `Ozon said: bad header Api-Key: ${key} Client-Id: ${sim.credentials.clientId}`,
    `key without dashes ${key.replace(/-/g, '')}`,
    'buyer Ivan Petrov +7 (903) 123-45-67, 89161234567, ivan.petrov@example.ru',
    'deliver to 125009, г. Москва, ул. Тверская, д. 7, кв. 12; then',
    'China: 13800138000 / +86 138 0013 8000, 广东省深圳市南山区科技路1号',
    `name ${String(buyer?.['Buyer'] ?? 'Анна Смирнова')} at ${String(address?.['Address'] ?? '')}`,
  ].join(' | ');
  rt.asUser((g) => {
    const log = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sync log')!;
    log.appendRow([new Date(), 'menu', 1, 0, 0, 1.5, 'failed', leaked]);
  });

  const answer = rt.callFromSidebar<Answer>('getSupportReport');
  expect(answer.error).toBeUndefined();
  const text = answer.data.text;
  const report = JSON.parse(text) as Record<string, unknown> & {
    authorization: { grantedScopes: string[] };
    syncLog: { rows: string[][] };
    tabs: { title: string; addOnColumns: string[] }[];
  };

  // What support needs.
  expect(report).toMatchObject({ format: 'odesk-support/1', addonVersion: '0.1.0' });
  expect(report.authorization.grantedScopes).toEqual([...rt.manifest.oauthScopes!].sort());
  expect(report.locale).toMatchObject({ user: 'en', spreadsheetTimeZone: 'Europe/Moscow' });
  expect(report.tabs.find((t) => t.title === 'Orders')?.addOnColumns).toContain('0:posting_number');
  expect(report.syncLog.rows.length).toBeGreaterThan(1);
  expect(report.syncLog.rows.length).toBeLessThanOrEqual(20);
  expect(report.credentials).toEqual({ clientId: 'saved', apiKey: 'saved' });
  expect(report.triggers).toMatchObject({ hourlyInstalled: false });
  expect(report.quotasToday).toMatchObject({ syncRuns: expect.any(Number) });

  // What it must never hold.
  for (const secret of [key, key.replace(/-/g, ''), key.slice(0, 8), sim.credentials.clientId])
    expect(text).not.toContain(secret);
  expect(text).not.toMatch(/@example|ivan\.petrov|123-45-67|89161234567|13800138000|138 0013/);
  expect(text).not.toMatch(/Тверская|ул\.|кв\. 12|125009|深圳|科技路/);
  for (const o of orders) {
    for (const column of ['Buyer', 'Buyer phone', 'Address']) {
      const value = String(o[column] ?? '');
      if (value.length >= 4) expect(text).not.toContain(value);
    }
  }
  expect(text).toContain('[phone]');
  expect(text).toContain('[e-mail]');
  expect(text).toContain('[address]');
});
