// Errors the seller is meant to read. They carry an i18n key, not text, so every entry point can
// answer in the seller's language; `code` is stable for the sidebar and tests.
import type { MessageKey, MessageParams } from './i18n/messages';

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly field?: string,
  ) {
    super(`${code}: ${key}`);
    this.name = 'AppError';
  }
}
