// Wraps every sidebar-callable function: zod-validates the input, runs the use-case and answers with
// a JSON-safe ApiResult whose error text is in the seller's language. Unknown errors are reported
// without their stack, and nothing here ever echoes credentials.
import type { z } from 'zod';
import { AppError } from '../core/errors';
import { t, type Lang, type MessageKey } from '../core/i18n/messages';
import type { ApiResult } from '../shared/result';
import { appContext, type AppContext } from './context';
import { useZodLanguage } from '../shared/zod-language';

export function describeError(error: unknown, lang: Lang): ApiResult<never> {
  if (error instanceof AppError) {
    return {
      ok: false,
      error: {
        code: error.code,
        message: t(lang, error.key, error.params),
        ...(error.field ? { field: error.field } : {}),
      },
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'internal', message: t(lang, 'error.internal', { detail }) } };
}

export function inputError(issue: z.core.$ZodIssue, lang: Lang): ApiResult<never> {
  const field = issue.path.map(String).join('.') || undefined;
  const key = issue.message as MessageKey;
  const known = t(lang, key) !== key;
  const message = known
    ? t(lang, key)
    : t(lang, 'error.input', { detail: field ? `${field}: ${issue.message}` : issue.message });
  return { ok: false, error: { code: 'input', message, ...(field ? { field } : {}) } };
}

export function handle<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (value: z.output<S>, ctx: AppContext) => T,
): ApiResult<T> {
  let ctx: AppContext | undefined;
  try {
    ctx = appContext();
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      // The language costs a property read, so only a refused call pays for it (the desk polls often).
      useZodLanguage(ctx.lang);
      const again = schema.safeParse(input);
      return inputError((again.success ? parsed : again).error.issues[0], ctx.lang);
    }
    return { ok: true, data: run(parsed.data, ctx) };
  } catch (error) {
    return describeError(error, ctx?.lang ?? 'en');
  }
}
