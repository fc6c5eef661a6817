// The sidebar's language: starts from the boot data and changes when the seller saves another one.
import { isLang, t, type Lang, type MessageKey, type MessageParams } from '../src/core/i18n/messages';
import { useZodLanguage } from '../src/shared/zod-language';

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
  useZodLanguage(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : lang;
}

export function getLang(): Lang {
  return current;
}

export function tr(key: MessageKey, params?: MessageParams): string {
  return t(current, key, params);
}

/** A message key coming from a validation schema (a string); unknown keys fall back to a generic text. */
export function trIssue(key: string, field: string): string {
  const text = t(current, key as MessageKey);
  return text === key ? tr('error.input', { detail: field ? `${field}: ${key}` : key }) : text;
}

export function langFromBoot(value: unknown): Lang {
  return isLang(value) ? value : 'en';
}

/** A message the server asked the freshly opened sidebar to show (e.g. after a language change). */
export function bootNotice(key: unknown): { kind: 'ok'; text: string } | undefined {
  if (typeof key !== 'string') return undefined;
  const text = t(current, key as MessageKey);
  return text === key ? undefined : { kind: 'ok', text };
}
