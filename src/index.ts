// The only module Apps Script sees: every export here becomes a top-level function
// (menu handlers, sidebar calls, triggers). Nothing else in the bundle is reachable from google.script.run.
import { z } from 'zod';
import { handle } from './app/handler';
import { userLocale } from './app/context';
import { buildMenu, showSidebar } from './adapters/ui';
import { userStore } from './adapters/properties';
import { langFromLocale, type Lang } from './core/i18n/messages';
import { SaveSettingsInput } from './shared/settings-schema';
import { appsScriptClock, appsScriptHttp } from './adapters/http';
import { testOzonConnection } from './ozon/connection';
import { readCredentials } from './settings/credentials';
import {
  effectiveLang,
  forgetApiKey as forgetKey,
  readSettings,
  saveSettings as save,
} from './settings/settings';

const NoInput = z.union([z.undefined(), z.null(), z.object({}).strict()]);

function menuLang(e?: GoogleAppsScript.Events.SheetsOnOpen): Lang {
  // In AuthMode.NONE no properties may be read: fall back to the account's locale.
  if (e && e.authMode === ScriptApp.AuthMode.NONE) return langFromLocale(userLocale());
  try {
    return effectiveLang(userStore(), userLocale());
  } catch {
    return langFromLocale(userLocale());
  }
}

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(menuLang(e), [
    { label: 'menu.openDesk', functionName: 'showOrderDesk' },
    'separator',
    { label: 'menu.settings', functionName: 'showSettings' },
  ]);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSettings(): void {
  showSidebar('settings', menuLang(), 'settings.title');
}

export function showOrderDesk(): void {
  showSidebar('desk', menuLang(), 'menu.openDesk');
}

export function getSettings(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => readSettings(ctx.user, ctx.locale));
}

export function saveSettings(input: unknown) {
  return handle(SaveSettingsInput, input, (value, ctx) => save(ctx.user, ctx.locale, value));
}

export function forgetApiKey(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) => forgetKey(ctx.user, ctx.locale));
}

export function testConnection(input?: unknown) {
  return handle(NoInput, input, (_v, ctx) =>
    testOzonConnection(readCredentials(ctx.user), appsScriptHttp(), appsScriptClock(), Date.now() + 30_000),
  );
}
