// The order desk. Until orders are synced it explains how they get here, and sends the seller to
// Settings when the Ozon credentials are missing.
import { append, h, replaceChildren } from '../dom';
import { tr } from '../i18n';
import { call } from '../rpc';
import { errorText, notice, whileBusy } from '../ui';
import type { View } from './types';

export const deskView: View = {
  async render(root, ctx, initialNotice) {
    const status = h('div', { class: 'status', attrs: { 'data-role': 'status' } });
    const account = h('div', { class: 'account', attrs: { 'data-role': 'account' } });
    append(
      root,
      h('h1', { class: 'title' }, tr('menu.openDesk')),
      initialNotice ? notice(initialNotice) : null,
      h(
        'p',
        { class: 'intro', attrs: { 'data-role': 'intro' } },
        tr('desk.intro', { command: tr('menu.syncOrders'), menu: tr('menu.title') }),
      ),
      status,
      account,
    );
    await whileBusy(root, status, tr('sidebar.loading'), async () => {
      try {
        const settings = await call('getSettings');
        if (settings.hasApiKey && settings.clientId) {
          replaceChildren(
            account,
            notice({ kind: 'info', text: tr('desk.connected', { clientId: settings.clientId }) }),
          );
        } else {
          replaceChildren(
            account,
            notice({ kind: 'error', text: tr('error.credentials.missing') }),
            h(
              'button',
              {
                class: 'action',
                attrs: { type: 'button', 'data-action': 'open-settings' },
                onClick: () => ctx.navigate('settings'),
              },
              tr('desk.openSettings'),
            ),
          );
        }
      } catch (error) {
        replaceChildren(account, notice({ kind: 'error', text: errorText(error) }));
      }
    });
  },
};
