// Sidebar entry: reads the boot data the server template wrote and opens the requested view.
import { bootNotice, langFromBoot, setLang } from './i18n';
import { createRouter } from './router';
import { isViewName } from './views';
import { keepMessagesInView } from './ui';

function start(): void {
  const boot = window.ODESK_BOOT ?? {};
  setLang(langFromBoot(boot.lang));
  const root = document.getElementById('app');
  if (!root) return;
  keepMessagesInView(root);
  createRouter(root, isViewName(boot.view) ? boot.view : 'settings').start(bootNotice(boot.notice));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
