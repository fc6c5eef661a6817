// Renders one view at a time into the sidebar root; views switch with ctx.navigate.
import type { Lang } from '../src/core/i18n/messages';
import { clear, h } from './dom';
import { setLang } from './i18n';
import { reveal, type Notice } from './ui';
import { views } from './views';
import type { ViewContext, ViewName } from './views/types';

export function createRouter(root: HTMLElement, firstView: ViewName): { start(notice?: Notice): void } {
  let currentView = firstView;
  // Each render gets its own container; a slow render that finishes after navigation is discarded.
  let generation = 0;

  const show = (view: ViewName, notice?: Notice): void => {
    currentView = view;
    generation += 1;
    clear(root);
    const container = h('div', { class: 'view', attrs: { 'data-view': view } });
    root.appendChild(container);
    root.setAttribute('data-view', view);
    const mine = generation;
    void Promise.resolve(views[view].render(container, ctx, notice)).finally(() => {
      if (mine !== generation) return;
      container.setAttribute('data-ready', 'true');
      // The notice the view opened with (after a language change, say) is shown where it is.
      const shown = Array.from(container.querySelectorAll('.notice')).find(
        (n) => n.textContent === notice?.text,
      );
      if (shown) reveal(shown);
    });
  };

  const ctx: ViewContext = {
    navigate: (view, notice) => show(view, notice),
    changeLang: (lang: Lang, notice?: () => Notice) => {
      setLang(lang);
      show(currentView, notice?.());
    },
  };

  return { start: (notice?: Notice) => show(firstView, notice) };
}
