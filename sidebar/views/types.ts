// The contract between the router and a view.
import type { Lang } from '../../src/core/i18n/messages';
import type { SidebarView } from '../../src/adapters/ui';
import type { Notice } from '../ui';

export type ViewName = SidebarView;

export interface ViewContext {
  /** Renders another view (or the same one again) into the sidebar; `notice` is shown on top of it. */
  navigate(view: ViewName, notice?: Notice): void;
  /** Switches the sidebar's language and re-renders the current view in it; `notice` is built after the switch. */
  changeLang(lang: Lang, notice?: () => Notice): void;
}

export interface View {
  /** Builds the view into `root` (already empty). May load data; show progress while it does. */
  render(root: HTMLElement, ctx: ViewContext, notice?: Notice): void | Promise<void>;
}
