// What really happened after an Ozon action whose answer was lost (a 5xx, a timeout, a garbled body).
// The transport never re-sends an action; the use-case re-reads the object it acted on and says
// plainly whether Ozon did it, did not, or whether even the re-read could not tell (and what to check).
import { AppError } from '../core/errors';
import { OzonUnclearError } from './errors';

/** What a re-read says about an action whose answer was unclear. */
export type Verdict = 'done' | 'not_done' | 'unknown';

export function isUnclearAction(error: unknown): error is OzonUnclearError {
  return error instanceof OzonUnclearError;
}

/** Nothing happened at Ozon: safe to try again. */
export function notDone(error: OzonUnclearError, object: string): AppError {
  return new AppError('ozon.notDone', 'ozon.outcome.notDone', {
    method: error.endpoint,
    object,
  });
}

/** Even the re-read could not tell: the seller checks in Ozon before trying again. */
export function stillUnclear(error: OzonUnclearError, object: string, check: string): AppError {
  return new AppError('ozon.unclear', 'ozon.outcome.unknown', {
    method: error.endpoint,
    detail: String(error.params.detail ?? ''),
    object,
    check,
  });
}

/**
 * Runs an Ozon action. After an unclear answer, `verify` re-reads the object: `done` returns
 * `{ unclear: true }` (the caller goes on as after a clear success), `not_done` throws ozon.notDone,
 * `unknown` (or a re-read that fails too) throws ozon.unclear naming what to check.
 * Any other failure is Ozon's clear refusal and is thrown as it is.
 */
export function actOrVerify<T>(
  act: () => T,
  verify: () => Verdict,
  describe: { object: string; check: string },
): { value?: T; unclear: boolean } {
  try {
    return { value: act(), unclear: false };
  } catch (error) {
    if (!isUnclearAction(error)) throw error;
    let verdict: Verdict;
    try {
      verdict = verify();
    } catch {
      verdict = 'unknown';
    }
    if (verdict === 'done') return { unclear: true };
    if (verdict === 'not_done') throw notDone(error, describe.object);
    throw stillUnclear(error, describe.object, describe.check);
  }
}
