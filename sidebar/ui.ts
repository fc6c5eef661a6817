// Small building blocks shared by views: notices, progress, form fields and the busy guard that
// disables a view's buttons while a server call runs so nothing is sent twice.
import { append, clear, h, replaceChildren } from './dom';
import { tr } from './i18n';
import { SidebarError } from './rpc';

export type NoticeKind = 'ok' | 'error' | 'info';

export interface Notice {
  kind: NoticeKind;
  text: string;
}

export function notice({ kind, text }: Notice): HTMLElement {
  const cls = kind === 'error' ? 'notice error' : kind === 'ok' ? 'notice ok' : 'notice gray';
  return h('div', { class: cls, attrs: { role: kind === 'error' ? 'alert' : 'status' } }, text);
}

/** A button naming its action (`data-action`); `primary` marks a section's main action. */
export function button(
  action: string,
  label: string,
  { primary = false, submit = false }: { primary?: boolean; submit?: boolean } = {},
): HTMLButtonElement {
  const attrs = { type: submit ? 'submit' : 'button', 'data-action': action };
  return h('button', primary ? { class: 'action', attrs } : { attrs }, label);
}

export function progress(text: string): HTMLElement {
  return h(
    'div',
    { class: 'progress gray', attrs: { role: 'status', 'aria-live': 'polite' } },
    h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
    text,
  );
}

/** The text to show for any failure of a server call. */
export function errorText(error: unknown): string {
  if (error instanceof SidebarError) {
    return error.code === 'rpc' ? tr('sidebar.rpcFailed', { detail: error.message }) : error.message;
  }
  return tr('sidebar.rpcFailed', { detail: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs `work` with every button in `scope` disabled and a progress line in `status`. Buttons that
 * were already disabled stay so. Re-entrant calls while busy are ignored (returns undefined).
 */
export async function whileBusy<T>(
  scope: HTMLElement,
  status: HTMLElement,
  text: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  if (scope.getAttribute('aria-busy') === 'true') return undefined;
  const buttons = Array.from(scope.querySelectorAll('button'));
  const before = buttons.map((b) => b.disabled);
  for (const b of buttons) b.disabled = true;
  scope.setAttribute('aria-busy', 'true');
  const line = progress(text);
  replaceChildren(status, line);
  try {
    return await work();
  } finally {
    buttons.forEach((b, i) => (b.disabled = before[i]));
    scope.removeAttribute('aria-busy');
    if (line.parentNode === status) clear(status);
  }
}

export interface Field {
  wrapper: HTMLElement;
  error: HTMLElement;
  hint: HTMLElement;
}

/** A labelled control with a hint line and an error line (`data-field-error=<name>`) below it. */
export function field(name: string, label: string, control: HTMLElement, hintText = ''): Field {
  const hint = h('div', { class: 'hint', attrs: { 'data-field-hint': name } }, hintText);
  const error = h('div', {
    class: 'field-error error',
    id: `${name}-error`,
    attrs: { 'data-field-error': name, role: 'alert' },
  });
  control.setAttribute('aria-describedby', `${name}-error`);
  const wrapper = h(
    'div',
    { class: 'form-group field' },
    h('label', { attrs: { for: control.id } }, label),
    control,
    hint,
    error,
  );
  return { wrapper, error, hint };
}

export function showFieldError(f: Field, text: string): void {
  f.error.textContent = text;
  f.wrapper.classList.toggle('has-error', text !== '');
}

/** A checkbox with its label to the right. */
export function checkbox(
  id: string,
  label: string,
  checked: boolean,
): { input: HTMLInputElement; row: HTMLElement } {
  const input = h('input', { id, attrs: { type: 'checkbox', name: id } });
  input.checked = checked;
  const row = h('div', { class: 'form-group checkbox' }, input, h('label', { attrs: { for: id } }, label));
  return { input, row };
}

/**
 * The "I confirm" box beside a destructive button. The server refuses the call unless it carries
 * `confirmed: true`, so the form sends what the box says and the schema reports a missing tick.
 */
export function confirmBox(name: string): { box: HTMLElement; confirmed: () => true } {
  const input = h('input', { attrs: { type: 'checkbox', name, 'data-role': 'confirm' } });
  const box = h('label', { class: 'confirm' }, input, ' ', tr('sidebar.confirm.irreversible'));
  // Typed as the literal the schema wants; an unticked box sends false and fails validation.
  return { box, confirmed: () => input.checked as true };
}

const MESSAGE = '.notice, .field-error, .progress, [data-role="results"]';

/**
 * Keeps the latest message inside the viewport wherever a view puts it: a notice, a field's error,
 * a progress line. A long sidebar otherwise shows the answer off-screen and the click seems lost.
 */
export function keepMessagesInView(root: HTMLElement): MutationObserver {
  // While a view is still loading, its sections' loading lines and status notices are no answer to the
  // seller: they do not scroll (the router reveals the notice a view opens with once it is ready),
  // unless the seller already acted in that view.
  let actedIn: Element | null = null;
  for (const type of ['click', 'submit', 'change', 'keydown'])
    root.addEventListener(
      type,
      (event) => {
        actedIn = event.target instanceof Element ? event.target.closest('.view') : null;
      },
      true,
    );
  const observer = new MutationObserver((records) => {
    let latest: Element | null = null;
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      if (target?.matches(MESSAGE) && target.textContent) latest = target;
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof Element)) continue;
        if (node.matches(MESSAGE)) latest = node;
        else latest = node.querySelector(MESSAGE) ?? latest;
      }
    }
    if (!latest || !latest.isConnected || !latest.textContent) return;
    const view = latest.closest('.view');
    if (view && view.getAttribute('data-ready') !== 'true' && view !== actedIn) return;
    latest.scrollIntoView({ block: 'nearest' });
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return observer;
}

/** Scrolls the sidebar as little as needed to show `element` (its top first when it is taller). */
export function reveal(element: Element): void {
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/**
 * Marks the control a refused input names (the first issue's field) with aria-invalid and unmarks
 * the others, so an error shown in the view's message line also points at its field.
 */
export function markInvalid(
  controls: Record<string, Element | null | undefined>,
  checked: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } },
): void {
  for (const control of Object.values(controls)) control?.removeAttribute('aria-invalid');
  if (checked.success) return;
  const control = controls[String(checked.error?.issues[0]?.path[0] ?? '')];
  control?.setAttribute('aria-invalid', 'true');
  if (control instanceof HTMLElement) control.focus({ preventScroll: true });
}

/** A Settings section: its title and status line, its view loaded from the server, then its form. */
export async function loadedSection<V>(
  root: HTMLElement,
  name: string,
  title: string,
  load: () => Promise<V>,
  renderForm: (section: HTMLElement, status: HTMLElement, view: V) => void,
): Promise<void> {
  const section = h('section', { class: 'block', attrs: { 'data-section': name } });
  const status = h('div', { class: 'status' });
  append(section, h('h2', { class: 'title' }, title), status);
  append(root, section);
  let view: { value: V } | undefined;
  await whileBusy(section, status, tr('sidebar.loading'), async () => {
    try {
      view = { value: await load() };
    } catch (error) {
      replaceChildren(status, notice({ kind: 'error', text: errorText(error) }));
    }
  });
  if (view) renderForm(section, status, view.value);
}
