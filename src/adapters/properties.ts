// Thin wrapper over PropertiesService: the only place that names the property stores.
import { spreadsheetStore } from './document-store';
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

function wrap(props: GoogleAppsScript.Properties.Properties): KeyValueStore {
  return {
    get: (key) => props.getProperty(key),
    set: (key, value) => void props.setProperty(key, value),
    delete: (key) => void props.deleteProperty(key),
  };
}

/** Per user, across documents: credentials and the UI language. */
export const userStore = (): KeyValueStore => wrap(PropertiesService.getUserProperties());
/**
 * Per spreadsheet: sync cursors, resumable job state, document options. Reachable from a
 * time-driven run with no active document too (see document-store.ts).
 */
export const documentStore = (): KeyValueStore => spreadsheetStore();

/** A JSON value saved in a store, or null when it is absent or unreadable (a hand-edited property). */
export function readJson<T>(store: KeyValueStore, key: string): T | null {
  const text = store.get(key);
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
