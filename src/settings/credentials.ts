// The credentials contract: user properties OZON_CLIENT_ID and OZON_API_KEY.
import type { KeyValueStore } from '../adapters/properties';

export const CLIENT_ID_KEY = 'OZON_CLIENT_ID';
export const API_KEY_KEY = 'OZON_API_KEY';

export interface Credentials {
  clientId: string;
  apiKey: string;
}

export function readCredentials(store: KeyValueStore): Credentials | null {
  const clientId = store.get(CLIENT_ID_KEY);
  const apiKey = store.get(API_KEY_KEY);
  return clientId && apiKey ? { clientId, apiKey } : null;
}

/** The credentials a connection test uses: what was typed, else what is saved. Nothing is stored. */
export function credentialsToTest(
  store: KeyValueStore,
  typed: { clientId?: string; apiKey?: string },
): Credentials | null {
  const saved = readCredentials(store);
  const apiKey = typed.apiKey || saved?.apiKey;
  const clientId = typed.clientId || store.get(CLIENT_ID_KEY);
  return clientId && apiKey ? { clientId, apiKey } : null;
}
