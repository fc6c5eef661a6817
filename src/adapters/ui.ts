// Menus, sidebars and toasts. The sidebar is one built HTML file (dist/Sidebar.html) that opens on a view.
import { t, type Lang, type MessageKey } from '../core/i18n/messages';

export type SidebarView =
  'settings' | 'desk' | 'inventory' | 'service' | 'feedback' | 'selfcheck' | 'discounts';

export interface MenuItem {
  label: MessageKey;
  functionName: string;
}

export function buildMenu(lang: Lang, items: (MenuItem | 'separator')[]): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(t(lang, item.label), item.functionName);
  }
  menu.addToUi();
}

/** Opens (or replaces) the sidebar on `view`; `notice` is a message key shown once it has loaded. */
export function showSidebar(view: SidebarView, lang: Lang, titleKey: MessageKey, notice?: MessageKey): void {
  const template = HtmlService.createTemplateFromFile('Sidebar');
  // Embedded as JSON in a <script>: escape "<" so no value can close the tag.
  template.boot = JSON.stringify({ view, lang, ...(notice ? { notice } : {}) }).replace(/</g, '\\u003c');
  const html = template.evaluate().setTitle(t(lang, titleKey));
  SpreadsheetApp.getUi().showSidebar(html);
}

/** A toast on the active spreadsheet; nothing when there is no UI (a time-driven run). */
export function toast(message: string, title?: string, seconds = 5): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message, title ?? '', seconds);
  } catch {
    // No UI: the result still goes back to the caller.
  }
}

export function showDialog(html: string, title: string, width: number, height: number): void {
  const output = HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}

/**
 * A YES/NO dialog (Ui.alert) for a menu command; false when the seller says no or closes it, and when
 * there is no UI to ask in (a time-driven run): nothing is done without a yes.
 */
export function askYesNo(title: string, prompt: string): boolean {
  try {
    const ui = SpreadsheetApp.getUi();
    return ui.alert(title, prompt, ui.ButtonSet.YES_NO) === ui.Button.YES;
  } catch {
    return false;
  }
}
