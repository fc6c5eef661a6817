// zod's own messages (wrong type, too small, unknown key…) in the seller's language, from zod's
// bundled locales. Used by the server for every sidebar call and by the sidebar for its forms.
import { z } from 'zod';
import { en, ru, zhCN } from 'zod/locales';
import type { Lang } from '../core/i18n/messages';

const LOCALES: Record<Lang, () => { localeError: z.core.$ZodErrorMap }> = { en, ru, zh: zhCN };

/** Makes zod describe issues in `lang` from now on (one execution or one sidebar serves one seller). */
export function useZodLanguage(lang: Lang): void {
  z.config(LOCALES[lang]());
}
