// Validation of the Settings form, used by the sidebar before sending and by the server on receipt.
// Messages are i18n keys; each side translates them.
import * as z from 'zod';
import { lazySchema } from './lazy-schema';

export const LanguageChoice = lazySchema(() => z.enum(['auto', 'en', 'ru', 'zh']));
export type LanguageChoice = z.infer<typeof LanguageChoice>;

export const SaveSettingsInput = lazySchema(() =>
  z.object({
    clientId: z
      .string()
      .trim()
      .min(1, 'error.clientId.required')
      .regex(/^\d{1,12}$/, 'error.clientId.number'),
    /** Empty or absent keeps the saved key. */
    apiKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{8,100}$/, 'error.apiKey.format')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    language: LanguageChoice.default('auto'),
  }),
);
export type SaveSettingsInput = z.input<typeof SaveSettingsInput>;

/**
 * "Test connection" tests what the form holds: a typed key with the typed Client-Id, without storing
 * either; with no key typed, the saved key (with the typed Client-Id when one is typed).
 */
export const TestConnectionInput = lazySchema(() =>
  z
    .union([
      z.undefined(),
      z.null(),
      SaveSettingsInput.pick({ clientId: true, apiKey: true }).partial({ clientId: true }).strict(),
    ])
    .transform((v) => v ?? {}),
);
export type TestConnectionInput = z.input<typeof TestConnectionInput>;

/** What the sidebar may know about the settings. The API key itself never leaves the server. */
export interface SettingsView {
  clientId: string;
  hasApiKey: boolean;
  language: LanguageChoice;
  /** The language in effect: the choice, or the account's locale for `auto`. */
  lang: 'en' | 'ru' | 'zh';
}
