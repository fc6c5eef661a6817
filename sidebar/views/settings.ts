// Settings: Ozon credentials (the key is write-only), the UI language, and a connection test.
import {
  LanguageChoice,
  SaveSettingsInput,
  TestConnectionInput,
  type SettingsView,
} from '../../src/shared/settings-schema';
import { append, h, replaceChildren } from '../dom';
import { roleText } from '../../src/core/i18n/ozon-names';
import { getLang, tr, trIssue } from '../i18n';
import { call, SidebarError, type ConnectionInfo } from '../rpc';
import { button, errorText, type Field, field, notice, type Notice, showFieldError, whileBusy } from '../ui';
import { renderReportSettings } from './report-settings';
import { renderSyncSettings } from './sync-settings';
import { renderArchiveSettings } from './archive-settings';
import { renderBigQuerySettings } from './bigquery-settings';
import { renderSupportReport } from './support-report';
import type { View, ViewContext } from './types';

const LANGUAGE_LABELS = {
  auto: 'settings.languageAuto',
  en: 'settings.language.en',
  ru: 'settings.language.ru',
  zh: 'settings.language.zh',
} as const;

type FieldName = 'clientId' | 'apiKey' | 'language';

export const settingsView: View = {
  async render(root, ctx, initialNotice) {
    const status = h('div', { class: 'status', attrs: { 'data-role': 'status' } });
    append(root, h('h1', { class: 'title' }, tr('settings.title')), status);
    let settings: SettingsView | undefined;
    await whileBusy(root, status, tr('sidebar.loading'), async () => {
      try {
        settings = await call('getSettings');
      } catch (error) {
        replaceChildren(status, notice({ kind: 'error', text: errorText(error) }));
      }
    });
    if (!settings) return;
    renderForm(root, status, ctx, settings, initialNotice);
    // Sync options belong to this spreadsheet and need no Ozon call: shown once credentials exist.
    if (settings.hasApiKey) {
      await renderSyncSettings(root);
      await renderReportSettings(root);
      await renderArchiveSettings(root);
      await renderBigQuerySettings(root);
    }
    renderSupportReport(root);
  },
};

function renderForm(
  root: HTMLElement,
  status: HTMLElement,
  ctx: ViewContext,
  initial: SettingsView,
  initialNotice?: Notice,
): void {
  let current = initial;
  const clientId = h('input', {
    id: 'clientId',
    attrs: { type: 'text', name: 'clientId', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' },
  });
  clientId.value = current.clientId;
  const apiKey = h('input', {
    id: 'apiKey',
    attrs: { type: 'password', name: 'apiKey', autocomplete: 'new-password', spellcheck: 'false' },
  });
  const language = h('select', { id: 'language', attrs: { name: 'language' } });
  for (const choice of LanguageChoice.options) {
    const option = h('option', { attrs: { value: choice } }, tr(LANGUAGE_LABELS[choice]));
    language.appendChild(option);
  }
  language.value = current.language;

  const fields: Record<FieldName, Field> = {
    clientId: field('clientId', tr('settings.clientId'), clientId),
    apiKey: field('apiKey', tr('settings.apiKey'), apiKey),
    language: field('language', tr('settings.language'), language),
  };
  const keyHint = (): string => (current.hasApiKey ? tr('settings.apiKeySet') : tr('settings.apiKeyMissing'));
  fields.apiKey.hint.textContent = keyHint();

  const message = h('div', { class: 'message', attrs: { 'data-role': 'message' } });
  const connection = h('div', { class: 'connection', attrs: { 'data-role': 'connection' } });
  const say = (n: Notice | null): void => replaceChildren(message, n && notice(n));

  const clearFieldErrors = (): void => {
    for (const f of Object.values(fields)) showFieldError(f, '');
  };
  const showError = (error: unknown): void => {
    if (error instanceof SidebarError && error.field && error.field in fields) {
      showFieldError(fields[error.field as FieldName], error.message);
      say(null);
    } else {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  const form = h('form', { attrs: { novalidate: '', autocomplete: 'off' } });
  const saveButton = button('save', tr('settings.save'), { primary: true, submit: true });
  const testButton = button('test', tr('settings.testConnection'));
  const forgetButton = h(
    'button',
    { class: 'secondary', attrs: { type: 'button', 'data-action': 'forget' } },
    tr('settings.forget'),
  );
  const refreshForget = (): void => {
    forgetButton.hidden = !current.hasApiKey;
  };
  refreshForget();

  /** Marks every refused field next to it and focuses the first; false when the form is refused. */
  const accepted = (checked: {
    success: boolean;
    error?: { issues: { message: string; path: PropertyKey[] }[] };
  }): boolean => {
    if (checked.success || !checked.error) return true;
    const shown = new Set<string>();
    for (const issue of checked.error.issues) {
      const name = String(issue.path[0] ?? '');
      if (shown.has(name)) continue;
      shown.add(name);
      const text = trIssue(issue.message, name);
      if (name in fields) showFieldError(fields[name as FieldName], text);
      else say({ kind: 'error', text });
    }
    const first = checked.error.issues[0]?.path[0];
    if (typeof first === 'string' && first in fields) root.querySelector<HTMLElement>(`#${first}`)?.focus();
    return false;
  };

  const save = async (): Promise<void> => {
    clearFieldErrors();
    say(null);
    replaceChildren(connection);
    const input: SaveSettingsInput = {
      clientId: clientId.value,
      apiKey: apiKey.value,
      language: language.value as SaveSettingsInput['language'],
    };
    if (!accepted(SaveSettingsInput.safeParse(input))) return;
    await whileBusy(root, status, tr('settings.saving'), async () => {
      try {
        const saved = await call('saveSettings', input);
        const langBefore = getLang();
        current = saved;
        apiKey.value = '';
        if (saved.lang !== langBefore) {
          ctx.changeLang(saved.lang, () => ({ kind: 'ok', text: tr('settings.saved') }));
          return;
        }
        fields.apiKey.hint.textContent = keyHint();
        refreshForget();
        say({ kind: 'ok', text: tr('settings.saved') });
      } catch (error) {
        showError(error);
      }
    });
  };

  const forget = async (): Promise<void> => {
    clearFieldErrors();
    say(null);
    await whileBusy(root, status, tr('sidebar.working'), async () => {
      try {
        current = await call('forgetApiKey');
        fields.apiKey.hint.textContent = keyHint();
        refreshForget();
        replaceChildren(connection);
        say({ kind: 'ok', text: tr('settings.forgotten') });
      } catch (error) {
        showError(error);
      }
    });
  };

  const test = async (): Promise<void> => {
    clearFieldErrors();
    say(null);
    replaceChildren(connection);
    // The typed key and Client-Id are tested as they are, without being saved.
    const input: TestConnectionInput = {
      ...(clientId.value.trim() ? { clientId: clientId.value } : {}),
      ...(apiKey.value.trim() ? { apiKey: apiKey.value } : {}),
    };
    if (!accepted(TestConnectionInput.safeParse(input))) return;
    await whileBusy(root, status, tr('settings.testing'), async () => {
      try {
        replaceChildren(connection, connectionReport(await call('testConnection', input)));
      } catch (error) {
        showError(error);
      }
    });
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  testButton.addEventListener('click', () => void test());
  // A result shown for other credentials than those now in the form is stale.
  for (const input of [clientId, apiKey])
    input.addEventListener('input', () => {
      replaceChildren(connection);
      showFieldError(fields[input.id as FieldName], '');
    });
  forgetButton.addEventListener('click', () => void forget());

  append(
    form,
    fields.clientId.wrapper,
    fields.apiKey.wrapper,
    fields.language.wrapper,
    h('div', { class: 'buttons' }, saveButton, testButton),
    h('div', { class: 'buttons' }, forgetButton),
  );
  append(root, form, message, connection);
  if (initialNotice) say(initialNotice);
}

function formatExpiry(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = getLang() === 'zh' ? 'zh-CN' : getLang();
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Moscow' });
}

function connectionReport(info: ConnectionInfo): HTMLElement {
  const roles = info.roles.length
    ? h(
        'ul',
        { class: 'roles', attrs: { 'data-role': 'roles' } },
        // Ozon's own name stays on the item (its tooltip), so the seller finds the role in Ozon's cabinet.
        ...info.roles.map((r) =>
          h(
            'li',
            { attrs: { title: tr('role.ozonName', { name: r }), 'data-ozon-role': r } },
            roleText(getLang(), r),
          ),
        ),
      )
    : h('div', { attrs: { 'data-role': 'roles' } }, tr('settings.connection.noRoles'));
  return h(
    'div',
    { class: 'notice ok', attrs: { role: 'status', 'data-role': 'connection-ok' } },
    h('div', {}, tr('settings.connection.ok', { clientId: info.clientId })),
    info.roles.length ? h('div', {}, tr('settings.connection.roles')) : null,
    roles,
    h('div', {}, tr('settings.connection.methods', { count: info.methodsCount })),
    h(
      'div',
      { attrs: { 'data-role': 'expiry' } },
      info.expiresAt
        ? tr('settings.connection.expires', { date: formatExpiry(info.expiresAt) })
        : tr('settings.connection.noExpiry'),
    ),
  );
}
