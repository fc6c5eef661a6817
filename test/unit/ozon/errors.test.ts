// Each Ozon failure becomes a typed error that tells the seller what to do, in en/ru/zh, never
// carrying the API key.
import { describeError } from '../../../src/app/handler';
import { t, type Lang } from '../../../src/core/i18n/messages';
import { createOzonClient } from '../../../src/ozon/client';
import { EP } from '../../../src/ozon/endpoints';
import {
  OzonAuthError,
  OzonError,
  OzonIpError,
  OzonNotFoundError,
  OzonOfferError,
  OzonRateLimitError,
  OzonRoleError,
  OzonSchemaError,
  OzonSubscriptionError,
  OzonUnavailableError,
  OzonValidationError,
  OzonNetworkError,
  maskSecrets,
  ozonMessage,
} from '../../../src/ozon/errors';
import type { HttpResponse } from '../../../src/ozon/ports';
import { CREDENTIALS, FakeClock, json, ScriptedHttp } from './support';

function failWith(response: HttpResponse, path: string = EP.roles, deadlineMs = 60_000): OzonError {
  const clock = new FakeClock();
  const http = new ScriptedHttp(clock, () => response);
  const client = createOzonClient({
    credentials: CREDENTIALS,
    http,
    clock,
    deadline: clock.now() + deadlineMs,
  });
  try {
    if (path === EP.roles) client.roles();
    else client.getFbsPosting('1-1-1');
  } catch (error) {
    if (error instanceof OzonError) return error;
    throw error;
  }
  throw new Error('did not fail');
}

const cases: [string, HttpResponse, new (...a: never[]) => OzonError, string, RegExp][] = [
  [
    'invalid key',
    json(403, { code: 7, message: 'Invalid Api-Key, please contact support' }),
    OzonAuthError,
    'ozon.auth',
    /Settings/,
  ],
  [
    'deactivated key',
    json(403, { code: 7, message: 'Api-key is deactivated' }),
    OzonAuthError,
    'ozon.auth',
    /new key/,
  ],
  [
    'missing role',
    json(403, { code: 7, message: 'Api-Key is missing a required role for a method' }),
    OzonRoleError,
    'ozon.role',
    /\/v1\/roles.*Admin/,
  ],
  [
    'IP restriction',
    json(403, { code: 7, message: 'Api-Key is restricted to specific IP addresses' }),
    OzonIpError,
    'ozon.ip',
    /IP restriction/,
  ],
  [
    'offer not signed',
    json(403, { code: 7, message: 'Offer not signed' }),
    OzonOfferError,
    'ozon.offer',
    /accept the offer/,
  ],
  [
    'premium needed',
    json(403, { code: 7, message: 'Premium Plus subscription required' }),
    OzonSubscriptionError,
    'ozon.subscription',
    /Premium/,
  ],
  [
    'bad request',
    json(400, { code: 3, message: 'filter.since: invalid value' }),
    OzonValidationError,
    'ozon.validation',
    /filter\.since: invalid value/,
  ],
  [
    'not found',
    json(404, { code: 5, message: 'Posting not found' }),
    OzonNotFoundError,
    'ozon.notFound',
    /Posting not found/,
  ],
  [
    'rate limit',
    json(429, { code: 8, message: 'You have reached request rate limit per second' }),
    OzonRateLimitError,
    'ozon.rateLimit',
    /try again/,
  ],
  ['unavailable', json(503, 'Service Unavailable'), OzonUnavailableError, 'ozon.unavailable', /try again/],
  [
    'circle is open',
    json(500, { code: 14, message: 'Circle is open' }),
    OzonUnavailableError,
    'ozon.unavailable',
    /Circle is open/,
  ],
  [
    'malformed answer',
    { status: 200, body: '{"result": {"roles": [', headers: {} },
    OzonUnavailableError,
    'ozon.unavailable',
    /not valid JSON/,
  ],
  [
    'network',
    { status: 0, body: '', headers: {}, networkError: 'Address unavailable' },
    OzonNetworkError,
    'ozon.network',
    /Address unavailable/,
  ],
  [
    'wrong shape',
    json(200, { roles: [{ name: 'Admin', methods: 'all' }] }),
    OzonSchemaError,
    'ozon.schema',
    /roles\[0\]\.methods: expected array, got string/,
  ],
];

describe('Ozon failures', () => {
  it.each(cases)('%s → %p', (_name, response, type, code, english) => {
    const error = failWith(response);
    expect(error).toBeInstanceOf(type);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(english);
    const texts = (['en', 'ru', 'zh'] as Lang[]).map((lang) => describeError(error, lang));
    for (const r of texts) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.message).not.toMatch(/\{\w+\}/);
        expect(r.error.message).not.toBe(error.key);
      }
    }
    const [en, ru, zh] = texts.map((r) => (r.ok ? '' : r.error.message));
    expect(new Set([en, ru, zh]).size).toBe(3);
    expect(en).toBe(t('en', error.key, error.params));
  });

  it('names the endpoint and field path of a changed shape', () => {
    const error = failWith(
      json(200, {
        result: {
          posting_number: 'x',
          status: 's',
          products: [{ sku: 1, offer_id: 'a', quantity: '1x', price: '1' }],
        },
      }),
      EP.fbsGet,
    );
    expect(error.message).toMatch(
      /^Ozon answered \/v3\/posting\/fbs\/get with an unexpected shape at result\.products\[0\]\.quantity: expected number, got string/,
    );
  });

  it('retries transient failures only until the deadline, then says to try later', () => {
    const clock = new FakeClock();
    const http = new ScriptedHttp(clock, () =>
      json(429, { code: 8, message: 'rate limit' }, { 'Retry-After': '2' }),
    );
    const deadline = clock.now() + 5_000;
    const client = createOzonClient({ credentials: CREDENTIALS, http, clock, deadline });
    expect(() => client.roles()).toThrow(OzonRateLimitError);
    expect(clock.now()).toBeLessThanOrEqual(deadline);
    expect(http.sent.length).toBeGreaterThan(1);
    // Retry-After is in seconds: each pause is at least 2 s.
    expect(clock.sleeps.every((ms) => ms >= 2000)).toBe(true);
  });

  it('never puts the API key into an error, even when Ozon echoes it', () => {
    const echoes = [
      json(403, { code: 7, message: `Invalid Api-Key ${CREDENTIALS.apiKey}, please contact support` }),
      json(400, { code: 3, message: `bad header Api-Key: ${CREDENTIALS.apiKey.toUpperCase()}` }),
      json(500, `upstream said ${CREDENTIALS.apiKey}`),
      { status: 0, body: '', headers: {}, networkError: `failed https://x/?key=${CREDENTIALS.apiKey}` },
    ];
    for (const response of echoes) {
      const error = failWith(response);
      const everything = [
        error.message,
        String(error),
        error.stack ?? '',
        JSON.stringify(error.params),
        ...(['en', 'ru', 'zh'] as Lang[]).map((l) => JSON.stringify(describeError(error, l))),
      ].join('\n');
      expect(everything.toLowerCase()).not.toContain(CREDENTIALS.apiKey.toLowerCase());
      expect(everything).toContain('***');
    }
  });
});

describe('masking the key, whole and in part', () => {
  const key = '5f2c9a7e-1b3d-4c8a-9e6f-0a1b2c3d4e5f';
  const leaks = (text: string) => {
    const lower = text.toLowerCase();
    const found: string[] = [];
    for (const form of [key, key.replace(/-/g, '')]) {
      for (let k = 0; k + 6 <= form.length; k++)
        if (lower.includes(form.slice(k, k + 6))) found.push(form.slice(k, k + 6));
    }
    return found;
  };

  test.each([
    ['whole', `key=${key}`],
    ['upper case', `key=${key.toUpperCase()}`],
    ['35 of 36 characters', `Api-Key: ${key.slice(0, 35)}`],
    ['the tail only', `…${key.slice(20)}`],
    ['without dashes', key.replace(/-/g, '')],
    ['split over lines', `${key.slice(0, 14)}\n${key.slice(14)}`],
  ])('%s', (_name, text) => {
    expect(leaks(maskSecrets(text, [key]))).toEqual([]);
    expect(maskSecrets(text, [key])).toContain('***');
  });

  test('the key is masked before the text is cut: a page echoing it past character 290 leaks nothing', () => {
    const body = `<html>${'x'.repeat(290)} Api-Key: ${key}</html>`;
    const detail = ozonMessage(body, [key]);
    expect(leaks(detail)).toEqual([]);
    expect(detail.length).toBeLessThanOrEqual(301);
  });

  test('ordinary text around the key is kept', () => {
    expect(maskSecrets(`before ${key} after`, [key])).toBe('before *** after');
  });
});
