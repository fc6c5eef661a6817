// The "Reports" part of Settings: the hour of the nightly run, the summary email, and "Build reports now".
import { ReportSettingsInput, type ReportSettingsView } from '../../src/shared/report-schema';
import { append, h, replaceChildren } from '../dom';
import { tr, trIssue } from '../i18n';
import { call, SidebarError } from '../rpc';
import {
  button,
  checkbox,
  errorText,
  field,
  loadedSection,
  type Notice,
  notice,
  showFieldError,
  whileBusy,
} from '../ui';

function stateLine(view: ReportSettingsView): string {
  const last = view.lastRunDay
    ? tr('reports.settings.lastRun', { day: view.lastRunDay })
    : tr('reports.settings.never');
  return view.pending ? `${last} ${tr('reports.settings.pending')}` : last;
}

export function renderReportSettings(root: HTMLElement): Promise<void> {
  return loadedSection(
    root,
    'reports',
    tr('reports.settings.title'),
    () => call('getReportSettings'),
    renderForm,
  );
}

function renderForm(section: HTMLElement, status: HTMLElement, initial: ReportSettingsView): void {
  const hour = h('select', { id: 'nightlyHour', attrs: { name: 'nightlyHour' } });
  for (let i = 0; i < 24; i++)
    hour.appendChild(h('option', { attrs: { value: String(i) } }, `${String(i).padStart(2, '0')}:00`));
  hour.value = String(initial.nightlyHour);
  const hourField = field('nightlyHour', tr('reports.settings.hour'), hour);
  const email = checkbox('nightlyEmail', tr('reports.settings.email'), initial.email);
  const state = h('div', { class: 'hint', attrs: { 'data-role': 'reports-state' } }, stateLine(initial));
  const message = h('div', { class: 'message', attrs: { 'data-role': 'reports-message' } });
  const say = (n: Notice | null): void => replaceChildren(message, n && notice(n));
  const save = button('save-reports', tr('settings.save'), { primary: true, submit: true });
  const build = button('build-reports', tr('menu.buildReports'));
  const form = h('form', { attrs: { novalidate: '' } });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showFieldError(hourField, '');
    say(null);
    const checked = ReportSettingsInput.safeParse({ nightlyHour: hour.value, email: email.input.checked });
    if (!checked.success) {
      showFieldError(hourField, trIssue(checked.error.issues[0].message, 'nightlyHour'));
      return;
    }
    void whileBusy(section, status, tr('settings.saving'), async () => {
      try {
        replaceChildren(state, stateLine(await call('saveReportSettings', checked.data)));
        say({ kind: 'ok', text: tr('reports.settings.saved') });
      } catch (error) {
        if (error instanceof SidebarError && error.field === 'nightlyHour')
          showFieldError(hourField, error.message);
        else say({ kind: 'error', text: errorText(error) });
      }
    });
  });

  build.addEventListener('click', () => {
    say(null);
    void whileBusy(section, status, tr('sidebar.working'), async () => {
      try {
        say({ kind: 'ok', text: (await call('buildReports')).message });
      } catch (error) {
        say({ kind: 'error', text: errorText(error) });
      }
    });
  });

  append(form, hourField.wrapper, email.row, h('div', { class: 'buttons' }, save, build));
  append(section, state, form, message);
}
