// Mail to the user the script runs as (digests, the nightly summary). Quietly sends nothing when
// the address is unknown or the day's mail quota is spent: mail is never worth failing a run for.
export function mailToSelf(message: { subject: string; body: string }): boolean {
  const to = Session.getEffectiveUser().getEmail();
  if (!to || MailApp.getRemainingDailyQuota() < 1) return false;
  MailApp.sendEmail({ to, subject: message.subject, body: message.body });
  return true;
}
