// The "BigQuery history" part of Settings: the Google Cloud project and dataset the history goes to,
// a "Load now" button and the last load's outcome.
import { BigQuerySettingsInput, type BigQuerySettingsView } from '../../src/shared/bigquery-schema';
import { append, h, replaceChildren } from '../dom';
import { tr, trIssue } from '../i18n';
import { call, SidebarError } from '../rpc';
import {
  button,
  errorText,
  field,
  type Field,
  loadedSection,
  type Notice,
  notice,
  showFieldError,
  whileBusy,
} from '../ui';

export function renderBigQuerySettings(root: HTMLElement): Promise<void> {
  return loadedSection(root, 'bigquery', tr('bigquery.title'), () => call('getBigQuerySettings'), renderForm);
}

function renderForm(section: HTMLElement, status: HTMLElement, initial: BigQuerySettingsView): void {
  const input = (id: string, value: string) => {
    const el = h('input', {
      id,
      attrs: { type: 'text', name: id, autocomplete: 'off', spellcheck: 'false' },
    });
    el.value = value;
    return el;
  };
  const project = input('projectId', initial.projectId);
  const dataset = input('datasetId', initial.datasetId);
  const fields: Record<'projectId' | 'datasetId', Field> = {
    projectId: field('projectId', tr('bigquery.project'), project),
    datasetId: field('datasetId', tr('bigquery.dataset'), dataset),
  };
  const last = h('div', { class: 'hint', attrs: { 'data-role': 'bigquery-last' } }, initial.lastMessage);
  const message = h('div', { class: 'message', attrs: { 'data-role': 'bigquery-message' } });
  const say = (n: Notice | null): void => replaceChildren(message, n && notice(n));
  const save = button('save-bigquery', tr('settings.save'), { primary: true, submit: true });
  const loadNow = button('load-bigquery', tr('menu.loadBigQuery'));
  const form = h('form', { attrs: { novalidate: '' } });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const f of Object.values(fields)) showFieldError(f, '');
    say(null);
    const checked = BigQuerySettingsInput.safeParse({ projectId: project.value, datasetId: dataset.value });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const key = String(issue.path[0]) as 'projectId' | 'datasetId';
      showFieldError(fields[key] ?? fields.projectId, trIssue(issue.message, key));
      return;
    }
    void whileBusy(section, status, tr('settings.saving'), async () => {
      try {
        const saved = await call('saveBigQuerySettings', checked.data);
        say({ kind: 'ok', text: saved.message });
      } catch (error) {
        const f =
          error instanceof SidebarError && error.field
            ? fields[error.field as 'projectId' | 'datasetId']
            : undefined;
        if (f) showFieldError(f, (error as SidebarError).message);
        else say({ kind: 'error', text: errorText(error) });
      }
    });
  });

  loadNow.addEventListener('click', () => {
    say(null);
    void whileBusy(section, status, tr('bigquery.loading'), async () => {
      try {
        const summary = await call('loadBigQuery');
        say({ kind: summary.result === 'failed' ? 'error' : 'ok', text: summary.message });
        replaceChildren(last, summary.message);
      } catch (error) {
        say({ kind: 'error', text: errorText(error) });
      }
    });
  });

  append(
    form,
    fields.projectId.wrapper,
    fields.datasetId.wrapper,
    h('p', { class: 'hint' }, tr('bigquery.hint')),
    h('div', { class: 'buttons' }, save, loadNow),
  );
  append(section, last, form, message);
}
