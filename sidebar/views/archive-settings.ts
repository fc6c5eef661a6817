// The "Archive" part of Settings: how many days Orders and Order lines keep, whether reports read the
// archived months, the archive spreadsheets (with their links), months missing from them, and an
// "Archive old orders now" button.
import {
  ARCHIVE_BACKENDS,
  ArchiveSettingsInput,
  type ArchiveBackendKind,
  type ArchiveSettingsView,
} from '../../src/shared/archive-schema';
import { append, h, replaceChildren } from '../dom';
import { tr, trIssue } from '../i18n';
import { call, SidebarError } from '../rpc';
import {
  button,
  checkbox,
  errorText,
  field,
  type Field,
  loadedSection,
  type Notice,
  notice,
  showFieldError,
  whileBusy,
} from '../ui';

export function renderArchiveSettings(root: HTMLElement): Promise<void> {
  return loadedSection(
    root,
    'archive',
    tr('archiveSettings.title'),
    () => call('getArchiveSettings'),
    renderForm,
  );
}

function volumesList(view: ArchiveSettingsView): HTMLElement {
  const list = h('div', { class: 'hint', attrs: { 'data-role': 'archive-volumes' } });
  if (!view.volumes.length) {
    append(list, tr('archiveSettings.none'));
    return list;
  }
  for (const v of view.volumes) {
    const link = h(
      'a',
      { attrs: { href: v.url, target: '_blank', rel: 'noopener' } },
      tr('archiveSettings.volume', { year: v.year, orders: v.orders, months: v.months.length }),
    );
    append(list, h('div', {}, link));
  }
  if (view.pending) append(list, h('div', {}, tr('archiveSettings.pending')));
  return list;
}

function renderForm(section: HTMLElement, status: HTMLElement, initial: ArchiveSettingsView): void {
  let current = initial;
  const days = h('input', {
    id: 'liveDays',
    attrs: { type: 'number', min: '45', max: '730', step: '1', name: 'liveDays' },
  });
  days.value = String(current.liveDays);
  const daysField: Field = field('liveDays', tr('archiveSettings.liveDays'), days);
  const months = h('input', {
    id: 'reportMonths',
    attrs: { type: 'number', min: '1', max: '60', step: '1', name: 'reportMonths' },
  });
  months.value = String(current.reportMonths);
  const monthsField: Field = field('reportMonths', tr('archiveSettings.reportMonths'), months);
  const reports = checkbox(
    'includeInReports',
    tr('archiveSettings.includeInReports'),
    current.includeInReports,
  );
  const backend = h('select', { id: 'archiveBackend', attrs: { name: 'backend' } });
  for (const choice of ARCHIVE_BACKENDS)
    backend.appendChild(h('option', { attrs: { value: choice } }, tr(`archiveSettings.backend.${choice}`)));
  backend.value = current.backend;
  const backendField: Field = field('archiveBackend', tr('archiveSettings.backend'), backend);
  // With BigQuery as the archive the reports read no archived months of it: said plainly.
  const showBackendHint = () => {
    backendField.hint.textContent = backend.value === 'bigquery' ? tr('archiveSettings.bigqueryReports') : '';
  };
  showBackendHint();
  backend.addEventListener('change', showBackendHint);
  let volumes = volumesList(current);
  const missing = h('div', { attrs: { 'data-role': 'archive-missing' } });
  const showMissing = (view: ArchiveSettingsView) =>
    replaceChildren(
      missing,
      view.missing.length
        ? notice({ kind: 'error', text: `${tr('archiveSettings.missing')} ${view.missing.join(', ')}` })
        : null,
    );
  showMissing(current);
  const message = h('div', { class: 'message', attrs: { 'data-role': 'archive-message' } });
  const say = (n: Notice | null): void => replaceChildren(message, n && notice(n));
  const refresh = (view: ArchiveSettingsView) => {
    current = view;
    const next = volumesList(view);
    volumes.replaceWith(next);
    volumes = next;
    showMissing(view);
  };
  const save = button('save-archive', tr('settings.save'), { primary: true, submit: true });
  const runNow = button('archive-now', tr('archiveSettings.runNow'));
  const form = h('form', { attrs: { novalidate: '' } });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showFieldError(daysField, '');
    showFieldError(monthsField, '');
    showFieldError(backendField, '');
    say(null);
    const checked = ArchiveSettingsInput.safeParse({
      liveDays: days.value,
      includeInReports: reports.input.checked,
      reportMonths: months.value,
      backend: backend.value as ArchiveBackendKind,
    });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const name = issue.path[0] === 'reportMonths' ? 'reportMonths' : 'liveDays';
      showFieldError(name === 'reportMonths' ? monthsField : daysField, trIssue(issue.message, name));
      return;
    }
    void whileBusy(section, status, tr('settings.saving'), async () => {
      try {
        refresh(await call('saveArchiveSettings', checked.data));
        say({ kind: 'ok', text: tr('archiveSettings.saved') });
      } catch (error) {
        if (error instanceof SidebarError && error.field === 'liveDays')
          showFieldError(daysField, error.message);
        else if (error instanceof SidebarError && error.field === 'reportMonths')
          showFieldError(monthsField, error.message);
        else if (error instanceof SidebarError && error.field === 'backend')
          showFieldError(backendField, error.message);
        else say({ kind: 'error', text: errorText(error) });
      }
    });
  });
  runNow.addEventListener('click', () => {
    say(null);
    void whileBusy(section, status, tr('archive.started'), async () => {
      try {
        const summary = await call('archiveOldOrders', 'sidebar');
        say({
          kind: summary.result === 'failed' || summary.result === 'locked' ? 'error' : 'ok',
          text: summary.message,
        });
        refresh(await call('getArchiveSettings'));
      } catch (error) {
        say({ kind: 'error', text: errorText(error) });
      }
    });
  });
  append(
    form,
    backendField.wrapper,
    daysField.wrapper,
    reports.row,
    monthsField.wrapper,
    h('div', { class: 'buttons' }, save, runNow),
  );
  append(section, volumes, missing, form, message);
}
