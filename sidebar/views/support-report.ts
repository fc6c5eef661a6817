// The "Support report" part of Settings: one button that copies the masked report for support.
import { append, h, replaceChildren } from '../dom';
import { tr } from '../i18n';
import { call } from '../rpc';
import { copyText } from '../copy';
import { errorText, notice, whileBusy } from '../ui';

export function renderSupportReport(root: HTMLElement): void {
  const section = h('section', { class: 'block', attrs: { 'data-section': 'support' } });
  const status = h('div', { class: 'status' });
  const message = h('div', { class: 'message', attrs: { 'data-role': 'support-message' } });
  const area = h('textarea', {
    attrs: { readonly: '', rows: '6', 'data-role': 'support-report', spellcheck: 'false' },
  });
  area.hidden = true;
  const button = h(
    'button',
    { attrs: { type: 'button', 'data-action': 'copy-support-report' } },
    tr('support.copy'),
  );
  button.addEventListener('click', () => {
    void whileBusy(section, status, tr('sidebar.working'), async () => {
      try {
        const { text } = await call('getSupportReport');
        area.value = text;
        area.hidden = false;
        const copied = await copyText(text, area);
        replaceChildren(
          message,
          notice(
            copied
              ? { kind: 'ok', text: tr('support.copied') }
              : { kind: 'info', text: tr('selfcheck.copyFailed') },
          ),
        );
      } catch (error) {
        replaceChildren(message, notice({ kind: 'error', text: errorText(error) }));
      }
    });
  });
  append(
    section,
    h('h2', { class: 'title' }, tr('support.title')),
    h('div', { class: 'hint' }, tr('support.hint')),
    h('div', { class: 'buttons' }, button),
    status,
    message,
    area,
  );
  append(root, section);
}
