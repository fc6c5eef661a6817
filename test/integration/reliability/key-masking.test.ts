// Point 7: an error page that echoes the request headers never leaks the key, whole or in part, into
// the Sync log, a toast, a log line or the Test connection result.
import { demoShop, tabRecords, type DemoShop } from '../../support/shop';
import type { FetchRequest } from '../../../runtime';

/** Every run of 6 characters of the key (with or without its dashes), lower-cased: none may appear anywhere the seller can see. */
function pieces(key: string): string[] {
  const out: string[] = [];
  for (const form of [key, key.replace(/-/g, '')]) {
    for (let k = 0; k + 6 <= form.length; k++) out.push(form.slice(k, k + 6).toLowerCase());
  }
  return out;
}

function expectNoKey(text: string, key: string) {
  const lower = text.toLowerCase();
  const leaked = pieces(key).filter((piece) => lower.includes(piece));
  expect(leaked).toEqual([]);
}

/** An nginx-style page echoing the headers: the key cut short, without dashes, split over lines. */
function echoPage(req: FetchRequest): string {
  const key = req.headers['Api-Key'];
  const lines = [
    '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><pre>',
    `POST ${req.url}`,
    `Client-Id: ${req.headers['Client-Id']}`,
    `Api-Key: ${key.slice(0, 35)}`,
    `X-Forwarded-Key: ${key.replace(/-/g, '').slice(2)}`,
    `X-Original: ${key.slice(0, 18)}\n${key.slice(18)}`,
    '</pre></body></html>',
  ];
  return lines.join('\n');
}

function everythingVisible(shop: DemoShop): string {
  const { rt } = shop;
  const sheets = rt.spreadsheet
    .sheetNames()
    .map((name: string) => JSON.stringify(rt.spreadsheet.sheet(name).values()));
  return [
    ...sheets,
    JSON.stringify(rt.ui.toasts),
    JSON.stringify(rt.logs),
    JSON.stringify([...rt.properties.document.entries()]),
  ].join('\n');
}

describe('the key in error pages', () => {
  test.each([502, 403, 400])(
    'an HTML page answering %i with the headers leaks no part of the key',
    (status) => {
      const shop = demoShop({ postings: 20, apiKey: '5f2c9a7e-1b3d-4c8a-9e6f-0a1b2c3d4e5f' });
      const key = shop.sim.credentials.apiKey;
      expect(key.length).toBeGreaterThanOrEqual(30);
      shop.intercept((req) => ({ status, headers: { 'content-type': 'text/html' }, body: echoPage(req) }));

      const sync = shop.rt.run<{ ok: boolean; data?: { result: string; message: string } }>('syncOrders');
      const test = shop.rt.run<{ ok: boolean; data?: unknown; error?: { message: string } }>(
        'testConnection',
      );
      expect(JSON.stringify(test)).not.toBe('');
      expectNoKey(JSON.stringify(sync), key);
      expectNoKey(JSON.stringify(test), key);
      const log = tabRecords(shop.rt, 'Sync log');
      expect(log.length).toBeGreaterThan(0);
      expect(String(log[log.length - 1]['Error'])).not.toBe('');
      expectNoKey(everythingVisible(shop), key);
    },
  );
});
