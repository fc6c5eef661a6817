// Files the add-on saves to the seller's Drive (labels, acts, handover PDFs). Through the advanced
// Drive service (Drive API v3 Files.create), which the per-file `drive.file` scope authorizes;
// DriveApp would need the restricted full-Drive scope.
export interface SavedFile {
  id: string;
  url: string;
}

function api(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new Error('The advanced Drive service (v3) is not enabled in appsscript.json');
  }
  return Drive;
}

/** Apps Script blobs take signed bytes. */
const signed = (bytes: ArrayLike<number>): number[] => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));

/**
 * Saves a file to Drive (in `folderId` when given, else the root of My Drive) and returns its id and
 * the link a seller opens it with. `bytes` may be an Apps Script Blob already (e.g. from UrlFetch).
 */
export function saveFile(
  name: string,
  bytes: ArrayLike<number> | GoogleAppsScript.Base.Blob,
  contentType: string,
  folderId?: string,
): SavedFile {
  const blob =
    typeof (bytes as GoogleAppsScript.Base.Blob).getBytes === 'function'
      ? (bytes as GoogleAppsScript.Base.Blob).setName(name).setContentType(contentType)
      : Utilities.newBlob(signed(bytes as ArrayLike<number>), contentType, name);
  const resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File = { name, mimeType: contentType };
  if (folderId) resource.parents = [folderId];
  const file = api().Files!.create(resource, blob, { fields: 'id,webViewLink' });
  return { id: file.id ?? '', url: file.webViewLink ?? '' };
}

/** Saves a PDF (labels, acts, waybills) to Drive. */
export function savePdf(
  name: string,
  bytes: ArrayLike<number> | GoogleAppsScript.Base.Blob,
  folderId?: string,
): SavedFile {
  return saveFile(name, bytes, 'application/pdf', folderId);
}
