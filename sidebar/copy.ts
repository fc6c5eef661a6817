// Copies text for the seller: the Clipboard API where the sidebar's frame allows it, else the
// selection of a read-only text area (execCommand, which Apps Script's sandboxed iframe still allows).
export async function copyText(text: string, area?: HTMLTextAreaElement): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused by the frame's permissions policy: fall back to the selection.
  }
  const target = area ?? document.createElement('textarea');
  const temporary = !area;
  if (temporary) {
    target.value = text;
    target.setAttribute('readonly', '');
    target.style.position = 'fixed';
    target.style.opacity = '0';
    document.body.appendChild(target);
  }
  try {
    target.focus();
    target.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    if (temporary) target.remove();
  }
}
