// Who is calling: their locale, and their address for "Verified by" and the ledger's "who".
export function userLocale(): string {
  try {
    return Session.getActiveUserLocale() || 'en';
  } catch {
    return 'en';
  }
}

/** The active user, else the script's user; '' when Apps Script will not say. */
export function actingUser(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

export function newUuid(): string {
  return Utilities.getUuid();
}
