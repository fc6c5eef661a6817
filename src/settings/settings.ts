// Settings use-case: read and save what the Settings form shows. The API key is write-only here.
import { isLang, langFromLocale, type Lang } from '../core/i18n/messages';
import type { KeyValueStore } from '../adapters/properties';
import { LanguageChoice, SaveSettingsInput, type SettingsView } from '../shared/settings-schema';
import { API_KEY_KEY, CLIENT_ID_KEY } from './credentials';
import type { z } from 'zod';

export const LANGUAGE_KEY = 'ODESK_LANGUAGE';

export function effectiveLang(store: KeyValueStore, locale: string): Lang {
  const chosen = store.get(LANGUAGE_KEY);
  return isLang(chosen) ? chosen : langFromLocale(locale);
}

export function readSettings(store: KeyValueStore, locale: string): SettingsView {
  const language = LanguageChoice.safeParse(store.get(LANGUAGE_KEY) ?? 'auto');
  return {
    clientId: store.get(CLIENT_ID_KEY) ?? '',
    hasApiKey: Boolean(store.get(API_KEY_KEY)),
    language: language.success ? language.data : 'auto',
    lang: effectiveLang(store, locale),
  };
}

export function saveSettings(
  store: KeyValueStore,
  locale: string,
  input: z.output<typeof SaveSettingsInput>,
): SettingsView {
  store.set(CLIENT_ID_KEY, input.clientId);
  if (input.apiKey) store.set(API_KEY_KEY, input.apiKey);
  if (input.language === 'auto') store.delete(LANGUAGE_KEY);
  else store.set(LANGUAGE_KEY, input.language);
  return readSettings(store, locale);
}

export function forgetApiKey(store: KeyValueStore, locale: string): SettingsView {
  store.delete(API_KEY_KEY);
  return readSettings(store, locale);
}
