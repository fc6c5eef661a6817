// "Check this spreadsheet": runs the platform self-check (or shows the last one), the plain verdict
// with what to do, and the report as JSON to copy for the developers.
import type { SelfCheckView } from '../../src/shared/selfcheck-schema';
import { append, h, replaceChildren } from '../dom';
import { getLang, tr } from '../i18n';
import { call } from '../rpc';
import { copyText } from '../copy';
import { button, errorText, notice, whileBusy } from '../ui';
import type { View } from './types';

const VERDICT_KEYS = {
  ok: 'selfcheck.verdict.ok',
  problems: 'selfcheck.verdict.problems',
  wait: 'selfcheck.verdict.wait',
  none: 'selfcheck.none',
} as const;

function formatTime(iso: string): string {
  const locale = getLang() === 'zh' ? 'zh-CN' : getLang();
  return new Date(iso).toLocaleString(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Moscow',
  });
}

export const selfCheckView: View = {
  async render(root) {
    const status = h('div', { class: 'status', attrs: { 'data-role': 'status' } });
    const result = h('div', { attrs: { 'data-role': 'selfcheck' } });
    const runButton = button('run-check', tr('selfcheck.run'), { primary: true });
    const refreshButton = button('refresh-check', tr('selfcheck.refresh'));
    append(
      root,
      h('h1', { class: 'title' }, tr('selfcheck.title')),
      h('div', { class: 'hint' }, tr('selfcheck.intro')),
      h('div', { class: 'buttons' }, runButton, refreshButton),
      status,
      result,
    );

    const show = (view: SelfCheckView): void => {
      refreshButton.hidden = view.verdict === 'none';
      if (!view.report) {
        replaceChildren(result, notice({ kind: 'info', text: tr('selfcheck.none') }));
        return;
      }
      const kind = view.verdict === 'ok' ? 'ok' : view.verdict === 'problems' ? 'error' : 'info';
      const verdict = h(
        'div',
        {
          class: kind === 'ok' ? 'notice ok' : kind === 'error' ? 'notice error' : 'notice gray',
          attrs: { role: 'status', 'data-role': 'verdict', 'data-verdict': view.verdict },
        },
        tr(VERDICT_KEYS[view.verdict]),
      );
      const findings = h(
        'ul',
        { class: 'findings', attrs: { 'data-role': 'findings' } },
        ...view.findings.map((f) => h('li', { attrs: { 'data-level': f.level } }, f.text)),
      );
      const area = h('textarea', {
        attrs: { readonly: '', rows: '8', 'data-role': 'report', spellcheck: 'false' },
      });
      area.value = view.json;
      const copied = h('div', { class: 'hint', attrs: { 'data-role': 'copied', role: 'status' } });
      const copyButton = button('copy-report', tr('selfcheck.copy'));
      copyButton.addEventListener('click', () => {
        void copyText(view.json, area).then((ok) => {
          copied.textContent = ok ? tr('selfcheck.copied') : tr('selfcheck.copyFailed');
        });
      });
      replaceChildren(
        result,
        verdict,
        findings,
        h(
          'div',
          { class: 'hint', attrs: { 'data-role': 'taken-at' } },
          tr('selfcheck.takenAt', {
            date: formatTime(view.report.takenAt),
            version: view.report.addonVersion,
          }),
        ),
        h('h2', { class: 'title' }, tr('selfcheck.report')),
        area,
        h('div', { class: 'buttons' }, copyButton),
        copied,
      );
    };

    const load = async (
      name: 'getSelfCheck' | 'runSelfCheck',
      text: string,
    ): Promise<SelfCheckView | undefined> =>
      whileBusy(root, status, text, async () => {
        try {
          const view = await call(name);
          show(view);
          return view;
        } catch (error) {
          replaceChildren(status, notice({ kind: 'error', text: errorText(error) }));
          return undefined;
        }
      });

    runButton.addEventListener('click', () => void load('runSelfCheck', tr('selfcheck.running')));
    refreshButton.addEventListener('click', () => void load('getSelfCheck', tr('sidebar.loading')));
    // Opened from the menu: the last check if there is one (its clock run may have come), else a new one.
    const last = await load('getSelfCheck', tr('sidebar.loading'));
    if (last && last.verdict === 'none') await load('runSelfCheck', tr('selfcheck.running'));
  },
};
