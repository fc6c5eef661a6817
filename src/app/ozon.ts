// The Ozon client as every use-case builds it: the user's saved credentials, Apps Script transport,
// and a deadline that leaves the execution room to write what it read. A key for another cabinet than
// the workbook's is refused here, before any call (see app/shop.ts).
import { appsScriptClock, appsScriptHttp } from '../adapters/http';
import { documentStore, type KeyValueStore } from '../adapters/properties';
import { AppError } from '../core/errors';
import { createOzonClient, type OzonClient, type OzonClientOptions } from '../ozon/client';
import { readCredentials } from '../settings/credentials';
import { assertWorkbookShop, bindingOnSuccess, workbookShop } from './shop';

/** What every Ozon client is built from (the main client, and the feedback API beside it). */
export function ozonPortsFor(
  user: KeyValueStore,
  deadline: number,
): OzonClientOptions & { deadline: number } {
  const credentials = readCredentials(user);
  if (!credentials) throw new AppError('credentials.missing', 'error.credentials.missing');
  const doc = documentStore();
  assertWorkbookShop(doc, credentials.clientId);
  const http = workbookShop(doc)
    ? appsScriptHttp()
    : bindingOnSuccess(appsScriptHttp(), doc, credentials.clientId);
  return { credentials, http, clock: appsScriptClock(), deadline };
}

export function ozonClientFor(user: KeyValueStore, deadline: number): OzonClient {
  return createOzonClient(ozonPortsFor(user, deadline));
}
