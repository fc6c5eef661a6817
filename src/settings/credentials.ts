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
