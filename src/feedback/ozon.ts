// The feedback client as every feedback use-case builds it: the user's saved credentials and the
// Apps Script transport, bounded by the caller's deadline.
import { appsScriptClock, appsScriptHttp } from '../adapters/http';
import type { KeyValueStore } from '../adapters/properties';
import { AppError } from '../core/errors';
import { FeedbackApi } from '../ozon/feedback';
import { readCredentials } from '../settings/credentials';

export function feedbackApiFor(user: KeyValueStore, deadline: number): FeedbackApi {
  const credentials = readCredentials(user);
  if (!credentials) throw new AppError('credentials.missing', 'error.credentials.missing');
  return new FeedbackApi({ credentials, http: appsScriptHttp(), clock: appsScriptClock(), deadline });
}
