// UI text in the three languages sellers use. Each capability keeps its messages in its own file
// here (same keys in en, ru and zh, which the type below enforces); t() fills {name} placeholders
// and picks plural forms: {count|order|orders} (English one|other; Russian one|few|many).
import { common } from './common';
import { ozon } from './ozon';
import { orders } from './orders';
import { reports } from './reports';
import { inventory } from './inventory';
import { desk } from './desk';
import { service } from './service';
import { reliability } from './reliability';
import { stockGuard } from './stock-guard';
import { repairs } from './repairs';
import { feedback } from './feedback';
import { handover } from './handover';
import { platform } from './platform';
import { ozonStock } from './ozon-stock';
import { finance } from './finance';
import { fbp } from './fbp';
import { promotions } from './promotions';
import { prices } from './prices';
import { discounts } from './discounts';
import { selfcheck } from './selfcheck';
import { codes } from './codes';
import { archive } from './archive';
import { bigquery } from './bigquery';
import { cancelReasons } from './cancel-reasons';
import { returns } from './returns';
import { ratings } from './ratings';

export type Lang = 'en' | 'ru' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'ru', 'zh'];

type Part<K extends string> = { en: Record<K, string>; ru: Record<K, string>; zh: Record<K, string> };
function part<K extends string>(p: Part<K>): Part<K> {
  return p;
}

// Add a capability's messages to this list; a key missing from ru or zh is a type error.
const parts = [
  part(common),
  part(orders),
  part(ozon),
  part(inventory),
  part(desk),
  part(reports),
  part(service),
  part(reliability),
  part(stockGuard),
  part(repairs),
  part(feedback),
  part(handover),
  part(platform),
  part(fbp),
  part(ozonStock),
  part(finance),
  part(promotions),
  part(prices),
  part(discounts),
  part(selfcheck),
  part(codes),
  part(archive),
  part(bigquery),
  part(cancelReasons),
  part(returns),
  part(ratings),
] as const;

type KeysOf<P> = P extends Part<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof parts)[number]>;

const catalogues: Record<Lang, Record<string, string>> = { en: {}, ru: {}, zh: {} };
for (const p of parts) for (const lang of LANGS) Object.assign(catalogues[lang], p[lang]);

/** Every message template of one language, by key (for checks over the whole catalogue). */
export function messageTemplates(lang: Lang): Readonly<Record<string, string>> {
  return catalogues[lang];
}

export type MessageParams = Record<string, string | number>;

const PLURAL_ORDER: Record<string, readonly string[]> = {
  en: ['one', 'other'],
  ru: ['one', 'few', 'many'],
  zh: ['other'],
};

function pluralForm(lang: Lang, count: number, forms: string[]): string {
  const category = new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : lang).select(count);
  const index = PLURAL_ORDER[lang].indexOf(category);
  return forms[index >= 0 ? index : forms.length - 1] ?? forms[forms.length - 1];
}

export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[lang][key] ?? catalogues.en[key] ?? key;
  return template
    .replace(/\{(\w+)((?:\|[^|{}]*)+)\}/g, (whole, name: string, forms: string) =>
      name in params ? pluralForm(lang, Number(params[name]), forms.slice(1).split('|')) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks the UI language from a Google locale such as `ru`, `zh_CN` or `en_US`. */
export function langFromLocale(locale: string | null | undefined): Lang {
  const code = (locale ?? '').toLowerCase();
  if (code.startsWith('ru')) return 'ru';
  if (code.startsWith('zh')) return 'zh';
  return 'en';
}

/** Ozon's cancellation reason in the seller's language, by its id; Ozon's own title when unknown. */
export function cancelReasonText(lang: Lang, id: number, ozonTitle: string): string {
  const key = `cancelReason.${id}` as MessageKey;
  return key in catalogues[lang] ? t(lang, key) : ozonTitle;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
