// What every entry point needs to know about who is calling: their stores and language.
import { documentStore, userStore, type KeyValueStore } from '../adapters/properties';
import { userLocale } from '../adapters/session';
import type { Lang } from '../core/i18n/messages';
import { effectiveLang } from '../settings/settings';
import { useSheetLanguage } from '../adapters/workbook';

export interface AppContext {
  user: KeyValueStore;
  doc: KeyValueStore;
  locale: string;
  lang: Lang;
}

/**
 * Built on first use: a call that needs neither the language nor the document store (the desk's
 * selection poll, every two seconds) reads no property (Properties have a daily quota).
 */
export function appContext(): AppContext {
  const user = userStore();
  let locale: string | undefined;
  let lang: Lang | undefined;
  let doc: KeyValueStore | undefined;
  const ctx: AppContext = {
    user,
    get doc() {
      return (doc ??= documentStore());
    },
    get locale() {
      return (locale ??= userLocale());
    },
    get lang() {
      return (lang ??= effectiveLang(user, this.locale));
    },
  };
  useSheetLanguage(() => ctx.lang);
  return ctx;
}
