// Archive spreadsheets in the seller's Drive: created with SpreadsheetApp.create (scope
// https://www.googleapis.com/auth/spreadsheets, which the manifest grants) and found again by id with
// SpreadsheetApp.openById. A spreadsheet the seller deleted (or no longer shares) cannot be opened:
// that is an answer here (null), not an error, so the archive can say which months are missing.
export interface ArchiveFile {
  id: string;
  url: string;
  name: string;
}

export function createSpreadsheet(name: string): ArchiveFile {
  const book = SpreadsheetApp.create(name);
  return { id: book.getId(), url: book.getUrl(), name: book.getName() };
}

export function openSpreadsheet(id: string): ArchiveFile | null {
  try {
    const book = SpreadsheetApp.openById(id);
    return { id: book.getId(), url: book.getUrl(), name: book.getName() };
  } catch {
    return null;
  }
}
