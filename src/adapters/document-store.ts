// Where a spreadsheet's state lives (sync cursors, resumable jobs, document options) so that both a
// menu run and a time-driven run reach it. Document properties are shared by the spreadsheet's team,
// but Google does not document them for an add-on's time-driven run; so every write also goes to
// the user's properties under the spreadsheet's id, and a run without document properties reads
// those. A key missing from the document falls back to the user copy too.
import { currentSpreadsheet } from './spreadsheet';
import type { KeyValueStore } from './properties';

const PREFIX = 'ODESK_DOC.';

function documentProperties(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties() ?? null;
  } catch {
    return null;
  }
}

export function spreadsheetStore(): KeyValueStore {
  const doc = documentProperties();
  const user = PropertiesService.getUserProperties();
  const prefix = `${PREFIX}${currentSpreadsheet().getId()}.`;
  return {
    get: (key) => (doc ? doc.getProperty(key) : null) ?? user.getProperty(prefix + key),
    set: (key, value) => {
      doc?.setProperty(key, value);
      user.setProperty(prefix + key, value);
    },
    delete: (key) => {
      doc?.deleteProperty(key);
      user.deleteProperty(prefix + key);
    },
  };
}
