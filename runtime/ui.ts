// SpreadsheetApp.getUi(): menus, sidebars, dialogs and alerts, recorded for tests and the workbench.
import { expose } from './bridge';
import type { Engine } from './execution';

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuSnapshot };

export interface MenuSnapshot {
  name: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface AlertRequest {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
}
export type AlertResponder = (req: AlertRequest) => string | { button: string; text?: string };

export interface HtmlShown {
  html: string;
  title: string;
  width?: number;
  height?: number;
}

const BUTTON_SETS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth?(): number;
  getHeight?(): number;
}

export class UiState {
  menus: MenuSnapshot[] = [];
  toasts: { message: string; title: string; seconds: number }[] = [];
  sidebars: HtmlShown[] = [];
  dialogs: (HtmlShown & { modal: boolean })[] = [];
  alerts: (AlertRequest & { response: string })[] = [];
  alertResponder?: AlertResponder;
  addonName = 'Ozon Order Desk';

  constructor(private engine: Engine) {}

  api(): unknown {
    const engine = this.engine;
    const ui = this as UiState;
    const Button = Object.freeze({ OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' });
    const ButtonSet = Object.freeze({
      OK: 'OK',
      OK_CANCEL: 'OK_CANCEL',
      YES_NO: 'YES_NO',
      YES_NO_CANCEL: 'YES_NO_CANCEL',
    });
    const makeMenu = (name: string, addon: boolean): unknown => {
      const snap: MenuSnapshot = { name, addon, items: [] };
      const menu = {
        addItem(caption: unknown, functionName: unknown) {
          if (typeof functionName !== 'string' || !functionName)
            throw new Error('Invalid argument: functionName');
          snap.items.push({ kind: 'item', caption: String(caption), functionName });
          return proxy;
        },
        addSeparator() {
          snap.items.push({ kind: 'separator' });
          return proxy;
        },
        addSubMenu(sub: { snapshot(): MenuSnapshot }) {
          snap.items.push({ kind: 'submenu', menu: sub.snapshot() });
          return proxy;
        },
        addToUi() {
          engine.call('other');
          ui.menus = ui.menus.filter((m) => !(m.name === snap.name && m.addon === snap.addon));
          ui.menus.push(structuredClone(snap));
        },
        snapshot: () => structuredClone(snap),
      };
      const proxy = expose(engine, menu, 'Menu');
      return proxy;
    };
    const respond = (req: AlertRequest): { button: string; text: string } => {
      const choices = BUTTON_SETS[req.buttons] ?? ['OK'];
      const answer = this.alertResponder ? this.alertResponder(req) : choices[0];
      const r =
        typeof answer === 'string'
          ? { button: answer, text: '' }
          : { button: answer.button, text: answer.text ?? '' };
      this.alerts.push({ ...req, response: r.button });
      return r;
    };
    const showHtml = (output: HtmlLike) => ({
      html: output.getContent(),
      title: output.getTitle(),
      width: output.getWidth?.(),
      height: output.getHeight?.(),
    });
    return expose(
      engine,
      {
        Button,
        ButtonSet,
        createAddonMenu: () => makeMenu(ui.addonName, true),
        createMenu: (caption: string) => makeMenu(String(caption), false),
        showSidebar(output: HtmlLike) {
          engine.call('other');
          ui.sidebars.push(showHtml(output));
        },
        showModalDialog(output: HtmlLike, title: string) {
          engine.call('other');
          ui.dialogs.push({ ...showHtml(output), title: String(title), modal: true });
        },
        showModelessDialog(output: HtmlLike, title: string) {
          engine.call('other');
          ui.dialogs.push({ ...showHtml(output), title: String(title), modal: false });
        },
        alert(a: unknown, b?: unknown, c?: unknown) {
          engine.call('other');
          const [title, prompt, buttons] =
            c !== undefined
              ? [a, b, c]
              : b !== undefined && BUTTON_SETS[String(b)]
                ? ['', a, b]
                : ['', a, 'OK'];
          return respond({
            kind: 'alert',
            title: String(title ?? ''),
            prompt: String(prompt ?? ''),
            buttons: String(buttons),
          }).button;
        },
        prompt(a: unknown, b?: unknown, c?: unknown) {
          engine.call('other');
          const [title, prompt, buttons] =
            c !== undefined
              ? [a, b, c]
              : b !== undefined && BUTTON_SETS[String(b)]
                ? ['', a, b]
                : ['', a, 'OK'];
          const r = respond({
            kind: 'prompt',
            title: String(title ?? ''),
            prompt: String(prompt ?? ''),
            buttons: String(buttons),
          });
          return expose(engine, { getSelectedButton: () => r.button, getResponseText: () => r.text });
        },
      },
      'Ui',
    );
  }
}
