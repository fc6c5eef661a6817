// Every message that puts a number next to a word declares that word's plural forms, so the seller
// never reads "1 reviews" or «21 заказов»: checked over the whole catalogue, and rendered at the counts
// where English and Russian plural rules differ (1, 2, 5, 11, 21, 22, 25).
import { LANGS, messageTemplates, t, type Lang, type MessageKey } from '../../../src/core/i18n/messages';

const COUNTS = [1, 2, 5, 11, 21, 22, 25];

// Parameters that carry text (a posting number, a name, a date…), never a count.
const TEXT_PARAMS = new Set([
  'posting',
  'postingNumber',
  'name',
  'method',
  'id',
  'sku',
  'offerId',
  'offer',
  'status',
  'state',
  'reason',
  'date',
  'day',
  'time',
  'tracking',
  'dataset',
  'tables',
  'source',
  'currency',
  'list',
  'tab',
  'columns',
  'shop',
  'yours',
  'object',
  'check',
  'detail',
  'path',
  'zone',
  'needs',
  'message',
  'deadline',
  'basis',
  'year',
  'part',
]);

// Parameters that are text in some messages only (a Cloud project id, against a count of triggers).
const TEXT_PARAMS_IN: Record<string, string[]> = { 'bigquery.': ['project', 'dataset'] };

function isText(key: string, param: string): boolean {
  if (TEXT_PARAMS.has(param)) return true;
  return Object.entries(TEXT_PARAMS_IN).some(
    ([prefix, names]) => key.startsWith(prefix) && names.includes(param),
  );
}

// Words that may follow a number whatever the count: unit abbreviations, prepositions, particles and
// the short-form participles of a tally ("{failed} not updated", «{updated} обновлено»).
const AFTER_ANY_COUNT: Record<'en' | 'ru', Set<string>> = {
  en: new Set(
    'of to in for from on and or at by with a would left more read updated already refused joined approved declined entered skipped saved packed ordered available not done h min d s pcs is ago'.split(
      ' ',
    ),
  ),
  ru: new Set(
    'из в на для по и или от до с у шт дн д ч мин ед уже не нет обновлено отклонено пропущено сделает'.split(
      ' ',
    ),
  ),
};

// Chinese needs no plural; a count there is followed by a measure word or a unit, as a seller expects.
const MEASURES =
  /^(?:个|件|条|行|批|天|小时|分钟|秒|位|笔|张|种|处|次|份|家|项|月|年|周|单|包|套|箱|元|倍|星|日)/;

type Selector = { param: string; forms: string[] };

function selectors(template: string): Selector[] {
  return [...template.matchAll(/\{(\w+)((?:\|[^|{}]*)+)\}/g)].map((m) => ({
    param: m[1],
    forms: m[2].slice(1).split('|'),
  }));
}

/** `{param} word` pairs where a number stands before a word that may need its plural form. */
function countedWords(lang: 'en' | 'ru', template: string, key = ''): { param: string; word: string }[] {
  const word = lang === 'en' ? '[A-Za-z]+' : '[А-Яа-яЁё]+';
  return [...template.matchAll(new RegExp(`\\{(\\w+)\\} (${word})(.?)`, 'g'))]
    .filter(([, param, w, next]) => {
      if (isText(key, param) || AFTER_ANY_COUNT[lang].has(w)) return false;
      // "{added} new," is a tally; "{added} new rows" counts rows.
      return !(w === 'new' && next !== ' ');
    })
    .map(([, param, w]) => ({ param, word: w }));
}

/** The counts a message shows next to a word without declaring that word's forms. */
function undeclaredCounts(lang: 'en' | 'ru', template: string, key = ''): string[] {
  const declared = new Set(selectors(template).map((s) => s.param));
  return countedWords(lang, template, key)
    .filter(({ param }) => !declared.has(param))
    .map(({ param, word }) => `{${param}} ${word}`);
}

// The plural rules written out independently of Intl, as CLDR states them for integers.
function expectedIndex(lang: Lang, n: number): number {
  if (lang === 'zh') return 0;
  if (lang === 'en') return n === 1 ? 0 : 1;
  if (n % 10 === 1 && n % 100 !== 11) return 0;
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return 1;
  return 2;
}

const en = messageTemplates('en');
const keys = Object.keys(en) as MessageKey[];
const countedKeys = keys.filter((key) =>
  LANGS.some((lang) => selectors(messageTemplates(lang)[key]).length > 0),
);

test('the check finds a number before an undeclared noun, and accepts declared forms', () => {
  expect(undeclaredCounts('en', '{count} orders synced')).toEqual(['{count} orders']);
  expect(undeclaredCounts('en', 'Read {reviews} reviews and {ok} of {total} chats')).toEqual([
    '{reviews} reviews',
    '{total} chats',
  ]);
  expect(undeclaredCounts('ru', 'Проверено {ok} из {total} заказов.')).toEqual(['{total} заказов']);
  expect(undeclaredCounts('en', '{count} {count|order|orders} synced')).toEqual([]);
  expect(undeclaredCounts('ru', 'из {total} {total|заказа|заказов|заказов}')).toEqual([]);
  expect(undeclaredCounts('en', 'Order {posting} is verified; {left} left')).toEqual([]);
  expect(countedKeys.length).toBeGreaterThan(60);
});

test.each(['en', 'ru'] as const)('every %s message declares the forms of the words it counts', (lang) => {
  const catalogue = messageTemplates(lang);
  const faults = keys
    .map((key) => ({ key, counts: undeclaredCounts(lang, catalogue[key], key) }))
    .filter((fault) => fault.counts.length > 0);
  expect(faults).toEqual([]);
});

test('plural selectors give English two forms, Russian three, Chinese none', () => {
  const faults: string[] = [];
  for (const key of countedKeys) {
    for (const lang of LANGS) {
      for (const { param, forms } of selectors(messageTemplates(lang)[key])) {
        const wanted = lang === 'en' ? 2 : lang === 'ru' ? 3 : 1;
        if (forms.length !== wanted) faults.push(`${lang} ${key} {${param}}: ${forms.length} forms`);
        // The singular must differ from the many-form, or "1 orders" / «21 заказов» slipped in.
        if (lang !== 'zh' && forms[0] === forms[forms.length - 1])
          faults.push(`${lang} ${key} {${param}}: one and many alike (${forms[0]})`);
      }
    }
  }
  expect(faults).toEqual([]);
});

test('a count in Chinese is followed by a measure word or a unit', () => {
  const faults: string[] = [];
  for (const key of countedKeys) {
    const params = new Set(
      (['en', 'ru'] as const).flatMap((lang) => selectors(messageTemplates(lang)[key]).map((s) => s.param)),
    );
    const zh = messageTemplates('zh')[key];
    for (const m of zh.matchAll(/\{(\w+)\}\s*([\u4e00-\u9fff]+)/g)) {
      if (params.has(m[1]) && !MEASURES.test(m[2])) faults.push(`${key}: {${m[1]}} ${m[2]}`);
    }
  }
  expect(faults).toEqual([]);
});

test.each(COUNTS)('every counted message reads right at %i in each language', (n) => {
  for (const key of countedKeys) {
    for (const lang of LANGS) {
      const template = messageTemplates(lang)[key];
      const counted = new Set(selectors(template).map((s) => s.param));
      const names = [...template.matchAll(/\{(\w+)[|}]/g)].map((m) => m[1]);
      const params = Object.fromEntries(
        names.map((name) => [name, isText(key, name) && !counted.has(name) ? 'X' : n]),
      );
      const expected = template
        .replace(/\{(\w+)((?:\|[^|{}]*)+)\}/g, (_, _name: string, forms: string) => {
          const list = forms.slice(1).split('|');
          return list[Math.min(expectedIndex(lang, n), list.length - 1)];
        })
        .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
      const text = t(lang, key, params);
      expect({ key, lang, text }).toEqual({ key, lang, text: expected });
      expect(text).not.toMatch(/[{}|]/);
    }
  }
});
