// Every view the server can open (SidebarView in src/adapters/ui.ts) must be registered here.
import { deskView } from './desk';
import { inventoryView } from './inventory';
import { serviceView } from './service';
import { feedbackView } from './feedback';
import { settingsView } from './settings';
import { selfCheckView } from './selfcheck';
import { discountsView } from './discounts';
import type { View, ViewName } from './types';

export const views: Record<ViewName, View> = {
  settings: settingsView,
  desk: deskView,
  inventory: inventoryView,
  service: serviceView,
  feedback: feedbackView,
  selfcheck: selfCheckView,
  discounts: discountsView,
};

export function isViewName(value: unknown): value is ViewName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(views, value);
}
