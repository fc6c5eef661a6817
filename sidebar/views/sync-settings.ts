// The "Orders sync" part of Settings: look-back of the first sync, hourly auto-sync, the digest, and
// a "Sync orders now" button with the last sync's state.
import { SyncSettingsInput, type SyncSettingsView } from '../../src/shared/sync-schema';
import { append, h, replaceChildren } from '../dom';
import { getLang, tr, trIssue } from '../i18n';
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

function formatTime(iso: string): string {
  const locale = getLang() === 'zh' ? 'zh-CN' : getLang();
  return new Date(iso).toLocaleString(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Moscow',
  });
}

function stateLine(view: SyncSettingsView): string {
  const last = view.lastSyncAt
    ? tr('syncSettings.lastSync', { time: formatTime(view.lastSyncAt) })
    : tr('syncSettings.never');
  return view.pending ? `${last} ${tr('syncSettings.pending')}` : last;
}

export function renderSyncSettings(root: HTMLElement): Promise<void> {
  return loadedSection(root, 'sync', tr('syncSettings.title'), () => call('getSyncSettings'), renderForm);
}

function renderForm(section: HTMLElement, status: HTMLElement, initial: SyncSettingsView): void {
  let current = initial;
  const lookback = h('input', {
    id: 'lookbackDays',
    attrs: { type: 'number', min: '1', max: '365', step: '1', name: 'lookbackDays' },
  });
  lookback.value = String(current.lookbackDays);
  const lookbackField: Field = field('lookbackDays', tr('syncSettings.lookback'), lookback);
  const autoSync = checkbox('autoSync', tr('syncSettings.autoSync'), current.autoSync);
  const digest = checkbox('digest', tr('syncSettings.digest'), current.digest);
  const state = h('div', { class: 'hint', attrs: { 'data-role': 'sync-state' } }, stateLine(current));
  const message = h('div', { class: 'message', attrs: { 'data-role': 'sync-message' } });
  const say = (n: Notice | null): void => replaceChildren(message, n && notice(n));
  const save = button('save-sync', tr('settings.save'), { primary: true, submit: true });
  const syncNow = button('sync-now', tr('syncSettings.syncNow'));
  const form = h('form', { attrs: { novalidate: '' } });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showFieldError(lookbackField, '');
    say(null);
    const input = {
      lookbackDays: lookback.value,
      autoSync: autoSync.input.checked,
      digest: digest.input.checked,
    };
    const checked = SyncSettingsInput.safeParse(input);
    if (!checked.success) {
      showFieldError(lookbackField, trIssue(checked.error.issues[0].message, 'lookbackDays'));
      return;
    }
    void whileBusy(section, status, tr('settings.saving'), async () => {
      try {
        current = await call('saveSyncSettings', checked.data);
        autoSync.input.checked = current.autoSync;
        replaceChildren(state, stateLine(current));
        say({ kind: 'ok', text: tr('syncSettings.saved') });
      } catch (error) {
        if (error instanceof SidebarError && error.field === 'lookbackDays')
          showFieldError(lookbackField, error.message);
        else say({ kind: 'error', text: errorText(error) });
      }
    });
  });

  syncNow.addEventListener('click', () => {
    say(null);
    void whileBusy(section, status, tr('sync.started'), async () => {
      try {
        const summary = await call('syncOrders', { source: 'sidebar' });
        say({
          kind: summary.result === 'done' || summary.result === 'partial' ? 'ok' : 'error',
          text: summary.message,
        });
        current = await call('getSyncSettings');
        replaceChildren(state, stateLine(current));
      } catch (error) {
        say({ kind: 'error', text: errorText(error) });
      }
    });
  });

  append(
    form,
    lookbackField.wrapper,
    autoSync.row,
    digest.row,
    h('div', { class: 'buttons' }, save, syncNow),
  );
  append(section, state, form, message);
}
