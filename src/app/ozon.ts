// The Ozon client as every use-case builds it: the user's saved credentials, Apps Script transport,
// and a deadline that leaves the execution room to write what it read.
import { appsScriptClock, appsScriptHttp } from '../adapters/http';
import type { KeyValueStore } from '../adapters/properties';
import { AppError } from '../core/errors';
import { createOzonClient, type OzonClient } from '../ozon/client';
import { readCredentials } from '../settings/credentials';

export function ozonClientFor(user: KeyValueStore, deadline: number): OzonClient {
  const credentials = readCredentials(user);
  if (!credentials) throw new AppError('credentials.missing', 'error.credentials.missing');
  return createOzonClient({ credentials, http: appsScriptHttp(), clock: appsScriptClock(), deadline });
}
