// What every entry point needs to know about who is calling: their stores and language.
import { documentStore, userStore, type KeyValueStore } from '../adapters/properties';
import type { Lang } from '../core/i18n/messages';
import { effectiveLang } from '../settings/settings';

export interface AppContext {
  user: KeyValueStore;
  doc: KeyValueStore;
  locale: string;
  lang: Lang;
}

export function userLocale(): string {
  try {
    return Session.getActiveUserLocale() || 'en';
  } catch {
    return 'en';
  }
}

/** Who is acting, for "Verified by" and the ledger's "who": the active user, else the script's user. */
export function actingUser(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

export function appContext(): AppContext {
  const user = userStore();
  const locale = userLocale();
  return { user, doc: documentStore(), locale, lang: effectiveLang(user, locale) };
}
