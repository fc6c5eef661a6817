// The desk's small forms: flag a problem, split into packages and ship, tracking numbers, cancel.
// Each checks its input with the shared schema first (the server checks again) and hands the call to
// `act`, which shows progress, disables the buttons and reports the answer.
import {
  CancelInput,
  MAX_PACKAGES,
  PROBLEM_REASONS,
  ProblemInput,
  ShipInput,
  TrackingInput,
  type ActionResult,
  type DeskOrder,
} from '../../../src/shared/desk-schema';
import type { MessageKey } from '../../../src/core/i18n/messages';
import { h, replaceChildren } from '../../dom';
import { tr, trIssue } from '../../i18n';
import { confirmBox, errorText } from '../../ui';
import { deskCall } from './api';

export type Act = (progress: string, work: () => Promise<ActionResult>) => Promise<void>;
/** Shows a message on top of the desk ('error' for refusals found before calling the server). */
export type Say = (kind: 'ok' | 'error', text: string) => void;

interface Issue {
  text: string;
  path: string[];
}

function firstIssue(result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}): Issue | null {
  if (result.success || !result.error) return null;
  const issue = result.error.issues[0];
  const path = issue.path.map(String);
  return { text: trIssue(issue.message, path.join('.')), path };
}

/**
 * Shows a refused form's error where the seller is: under the field it concerns (marked and focused),
 * else at the form's buttons. Earlier marks in the form are cleared first.
 */
function refuse(formElement: HTMLElement, issue: Issue, control: HTMLElement | null): void {
  for (const marked of Array.from(formElement.querySelectorAll('[aria-invalid="true"]')))
    marked.removeAttribute('aria-invalid');
  for (const old of Array.from(formElement.querySelectorAll('[data-role="form-error"]'))) old.remove();
  for (const group of Array.from(formElement.querySelectorAll('.has-error')))
    group.classList.remove('has-error');
  const line = h(
    'div',
    { class: 'field-error error', attrs: { 'data-role': 'form-error', role: 'alert' } },
    issue.text,
  );
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    const place = control.closest('.form-group') ?? control.closest('td') ?? control;
    place.classList.add('has-error');
    if (place.tagName === 'TD') formElement.querySelector('.buttons')?.before(line);
    else place.appendChild(line);
    control.focus();
  } else {
    formElement.querySelector('.buttons')?.before(line);
  }
}

function form(role: string, title: MessageKey, ...children: (HTMLElement | null)[]): HTMLElement {
  return h(
    'div',
    { class: 'desk-form', attrs: { 'data-form': role } },
    h('h2', {}, tr(title)),
    ...(children.filter(Boolean) as HTMLElement[]),
  );
}

function group(label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'form-group field' }, h('label', { attrs: { for: control.id } }, label), control);
}

function submit(action: string, text: MessageKey, cls = 'action'): HTMLButtonElement {
  return h('button', { class: cls, attrs: { type: 'button', 'data-action': action } }, tr(text));
}

export function problemForm(postings: string[], act: Act): HTMLElement {
  const reason = h('select', { id: 'problemReason' });
  for (const r of PROBLEM_REASONS)
    reason.appendChild(h('option', { attrs: { value: r } }, tr(`desk.problem.reason.${r}` as MessageKey)));
  const note = h('textarea', { id: 'problemNote', attrs: { rows: '3', maxlength: '500' } });
  const button = submit('submit-problem', 'desk.problem.save', 'create');
  button.addEventListener('click', () => {
    const input = { postings, reason: reason.value as ProblemInput['reason'], note: note.value };
    const issue = firstIssue(ProblemInput.safeParse(input));
    if (issue) return refuse(element, issue, issue.path[0] === 'reason' ? reason : note);
    void act(tr('sidebar.working'), () => deskCall('flagOrderProblem', input));
  });
  const element = form(
    'problem',
    'desk.problem.title',
    group(tr('desk.problem.reason'), reason),
    group(tr('desk.problem.note'), note),
    h('div', { class: 'buttons' }, button),
  );
  return element;
}

/** Quantities per package for each line; every unit in exactly one package. */
export function shipForm(order: DeskOrder, act: Act): HTMLElement {
  const units = order.lines.reduce((s, l) => s + l.quantity, 0);
  const count = h('select', { id: 'packageCount' });
  for (let n = 1; n <= Math.min(MAX_PACKAGES, Math.max(1, units)); n++)
    count.appendChild(h('option', { attrs: { value: String(n) } }, String(n)));
  const grid = h('div', { attrs: { 'data-role': 'packages' } });
  const inputs: { sku: string; pkg: number; input: HTMLInputElement }[] = [];
  const totals = new Map<string, HTMLElement>();
  const recount = () => {
    for (const line of order.lines) {
      const packed = inputs
        .filter((i) => i.sku === line.sku)
        .reduce((s, i) => s + (Number(i.input.value) || 0), 0);
      const cell = totals.get(line.sku);
      if (cell) {
        cell.textContent = `${packed}/${line.quantity}`;
        cell.className = packed === line.quantity ? 'num ok' : 'num error';
      }
    }
  };
  const draw = () => {
    const n = Number(count.value);
    const kept = new Map(inputs.map((i) => [`${i.sku}:${i.pkg}`, i.input.value]));
    inputs.length = 0;
    totals.clear();
    const head = h('tr', {}, h('th', {}, tr('desk.field.offerId')));
    for (let p = 1; p <= n; p++)
      head.appendChild(h('th', { class: 'num' }, tr('desk.ship.package', { n: p })));
    head.appendChild(h('th', { class: 'num' }, '∑'));
    const body = order.lines.map((line) => {
      const tr_ = h('tr', { attrs: { 'data-sku': line.sku } }, h('td', { class: 'offer' }, line.offerId));
      for (let p = 1; p <= n; p++) {
        const input = h('input', {
          attrs: {
            type: 'text',
            inputmode: 'numeric',
            'data-sku': line.sku,
            'data-package': String(p),
            'aria-label': `${line.offerId} ${tr('desk.ship.package', { n: p })}`,
            size: '2',
          },
        });
        input.value = kept.get(`${line.sku}:${p}`) ?? (p === 1 ? String(line.quantity) : '0');
        input.addEventListener('input', recount);
        inputs.push({ sku: line.sku, pkg: p, input });
        tr_.appendChild(h('td', { class: 'num' }, input));
      }
      const total = h('td', { class: 'num' });
      totals.set(line.sku, total);
      tr_.appendChild(total);
      return tr_;
    });
    replaceChildren(
      grid,
      h('table', { class: 'items packages' }, h('thead', {}, head), h('tbody', {}, ...body)),
    );
    recount();
  };
  count.addEventListener('change', draw);
  draw();
  const button = submit('submit-ship', 'desk.ship.submit', 'create');
  button.addEventListener('click', () => {
    const n = Number(count.value);
    const packages = Array.from({ length: n }, (_, k) => ({
      items: inputs.filter((i) => i.pkg === k + 1).map((i) => ({ sku: i.sku, quantity: i.input.value })),
    }));
    const input = { posting: order.posting, packages };
    const issue = firstIssue(ShipInput.safeParse(input));
    if (issue) {
      // packages.<p>.items.<i>.quantity names one box; other paths concern the split as a whole.
      const [, p, , i] = issue.path;
      const target =
        p !== undefined && i !== undefined
          ? (inputs.filter((x) => x.pkg === Number(p) + 1)[Number(i)]?.input ?? null)
          : null;
      return refuse(element, issue, target);
    }
    void act(tr('desk.ship.working'), () => deskCall('shipOrder', input));
  });
  const element = form(
    'ship',
    'desk.ship.title',
    group(tr('desk.ship.count'), count),
    grid,
    h('div', { class: 'buttons' }, button),
  );
  return element;
}

export function trackingForm(orders: readonly DeskOrder[], act: Act): HTMLElement {
  const fields = orders.map((o) => {
    const input = h('input', {
      id: `tracking-${o.posting}`,
      attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', 'data-tracking': o.posting },
    });
    input.value = o.trackingNumber;
    return { posting: o.posting, input };
  });
  const carrier = h('input', { id: 'carrier', attrs: { type: 'text', autocomplete: 'off' } });
  carrier.value = orders.length === 1 ? orders[0].carrier : '';
  const button = submit('submit-tracking', 'desk.tracking.submit');
  button.addEventListener('click', () => {
    const input = {
      items: fields.map((f) => ({
        posting: f.posting,
        trackingNumber: f.input.value,
        carrier: carrier.value,
      })),
    };
    const issue = firstIssue(TrackingInput.safeParse(input));
    if (issue) {
      const [, i, name] = issue.path;
      const target =
        name === 'carrier' ? carrier : i !== undefined ? (fields[Number(i)]?.input ?? null) : null;
      return refuse(element, issue, target);
    }
    void act(tr('sidebar.working'), () => deskCall('setTrackingNumbers', input));
  });
  const element = form(
    'tracking',
    'desk.tracking.title',
    ...fields.map((f) => group(tr('desk.tracking.number', { posting: f.posting }), f.input)),
    group(tr('desk.tracking.carrier'), carrier),
    h('div', { class: 'buttons' }, button),
  );
  return element;
}

export function cancelForm(order: DeskOrder, act: Act): HTMLElement {
  const reason = h('select', { id: 'cancelReason' });
  const message = h('textarea', { id: 'cancelMessage', attrs: { rows: '3', maxlength: '500' } });
  const status = h('div', { attrs: { 'data-role': 'reasons-status' } }, tr('desk.cancel.loading'));
  const button = submit('submit-cancel', 'desk.cancel.submit');
  const confirm = confirmBox('cancelConfirm');
  button.disabled = true;
  button.addEventListener('click', () => {
    const input = {
      posting: order.posting,
      reasonId: reason.value,
      message: message.value,
      confirmed: confirm.confirmed(),
    };
    const issue = firstIssue(CancelInput.safeParse(input));
    if (issue) return refuse(element, issue, issue.path[0] === 'message' ? message : reason);
    void act(tr('sidebar.working'), () => deskCall('cancelOrder', input));
  });
  deskCall('getCancelReasons').then(
    (reasons) => {
      for (const r of reasons) reason.appendChild(h('option', { attrs: { value: String(r.id) } }, r.title));
      status.textContent = '';
      button.disabled = false;
    },
    (error: unknown) => {
      status.textContent = errorText(error);
      status.className = 'error';
    },
  );
  const element = form(
    'cancel',
    'desk.cancel.title',
    status,
    group(tr('desk.cancel.reason'), reason),
    group(tr('desk.cancel.message'), message),
    confirm.box,
    h('div', { class: 'buttons' }, button),
  );
  return element;
}
