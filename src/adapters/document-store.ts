// Where a spreadsheet's state lives (sync cursors, resumable jobs, document options) so that both a
// menu run and a time-driven run reach it. Document properties are shared by the spreadsheet's team,
// but Google does not document them for an add-on's time-driven run; so every write also goes to
// the user's properties under the spreadsheet's id, and a run without document properties reads
// those. A key missing from the document falls back to the user copy too.
//
// A run without document properties writes only the user copy, which leaves the document's value
// stale, and a later run with them would read the stale one first. So such a run also notes which keys
// it wrote and when; the next run with document properties copies them into the document, unless the
// document was written after them (a teammate's run, which read and moved on from what it saw).
import { currentSpreadsheet } from './spreadsheet';
import type { KeyValueStore } from './properties';

const PREFIX = 'ODESK_DOC.';
/** User copy: the keys a run without document properties wrote, and when it began writing them. */
const PENDING = '@pending';
/** Document: when a run with document properties last wrote state. */
const WRITTEN_KEY = 'ODESK_DOC_WRITTEN';

interface Pending {
  since: number;
  keys: string[];
}

function documentProperties(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties() ?? null;
  } catch {
    return null;
  }
}

function readPending(user: GoogleAppsScript.Properties.Properties, at: string): Pending | null {
  const text = user.getProperty(at);
  if (!text) return null;
  try {
    const p = JSON.parse(text) as Pending;
    return Number.isFinite(p.since) && Array.isArray(p.keys) ? p : null;
  } catch {
    return null;
  }
}

/** Brings the user copy's newer keys into the document, once, then forgets them. */
function catchUp(
  doc: GoogleAppsScript.Properties.Properties,
  user: GoogleAppsScript.Properties.Properties,
  prefix: string,
): void {
  const at = prefix + PENDING;
  const pending = readPending(user, at);
  if (pending === null) {
    if (user.getProperty(at) !== null) user.deleteProperty(at);
    return;
  }
  const written = Number(doc.getProperty(WRITTEN_KEY) ?? 0);
  if (!(written > pending.since)) {
    for (const key of pending.keys) {
      const value = user.getProperty(prefix + key);
      if (value === null) doc.deleteProperty(key);
      else doc.setProperty(key, value);
    }
    doc.setProperty(WRITTEN_KEY, String(Date.now()));
  }
  user.deleteProperty(at);
}

export function spreadsheetStore(): KeyValueStore {
  const doc = documentProperties();
  const user = PropertiesService.getUserProperties();
  const prefix = `${PREFIX}${currentSpreadsheet().getId()}.`;
  let caughtUp = false;
  let stamped = false;
  const noted = new Set<string>();
  const ready = () => {
    if (caughtUp) return;
    caughtUp = true;
    if (doc) catchUp(doc, user, prefix);
  };
  const wrote = (key: string) => {
    if (doc) {
      if (!stamped) doc.setProperty(WRITTEN_KEY, String(Date.now()));
      stamped = true;
      return;
    }
    if (noted.has(key)) return;
    noted.add(key);
    const at = prefix + PENDING;
    const pending = readPending(user, at) ?? { since: Date.now(), keys: [] };
    if (!pending.keys.includes(key)) pending.keys.push(key);
    user.setProperty(at, JSON.stringify(pending));
  };
  return {
    get: (key) => {
      ready();
      return (doc ? doc.getProperty(key) : null) ?? user.getProperty(prefix + key);
    },
    set: (key, value) => {
      ready();
      doc?.setProperty(key, value);
      user.setProperty(prefix + key, value);
      wrote(key);
    },
    delete: (key) => {
      ready();
      doc?.deleteProperty(key);
      user.deleteProperty(prefix + key);
      wrote(key);
    },
  };
}
