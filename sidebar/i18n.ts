// The sidebar's language: starts from the boot data and changes when the seller saves another one.
import { isLang, t, type Lang, type MessageKey, type MessageParams } from '../src/core/i18n/messages';

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
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
  return text === key ? tr('error.input', { detail: `${field}: ${key}` }) : text;
}

export function langFromBoot(value: unknown): Lang {
  return isLang(value) ? value : 'en';
}
