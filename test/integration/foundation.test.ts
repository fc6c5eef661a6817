// The real bundle (dist/) in the local Apps Script runtime: entry points, menu, settings sidebar and
// the Settings round trip, including validation in the seller's language and credential hygiene.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRuntime, type MenuEntry, type RuntimeOptions } from '../../runtime';
import { t, type MessageKey } from '../../src/core/i18n/messages';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

let bundle = '';

beforeAll(() => {
  // `npm test` builds first; a direct `npx jest` run rebuilds a missing or stale bundle. The tests use a
  // private copy so a build started elsewhere meanwhile cannot pull files from under them.
  const code = path.join(dist, 'Code.js');
  const stale =
    !fs.existsSync(code) ||
    fs.statSync(code).mtimeMs <
      Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'sidebar')));
  if (stale)
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
  bundle = fs.mkdtempSync(path.join(os.tmpdir(), 'odesk-foundation-'));
  fs.cpSync(dist, bundle, { recursive: true });
}, 120_000);

afterAll(() => {
  if (bundle) fs.rmSync(bundle, { recursive: true, force: true });
});

const runtime = (opts: RuntimeOptions = {}) => createRuntime({ distDir: bundle, ...opts });

type Result<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };
interface SettingsView {
  clientId: string;
  hasApiKey: boolean;
  language: string;
  lang: string;
}

const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'showSettings',
  'showOrderDesk',
  'getSettings',
  'saveSettings',
  'forgetApiKey',
];
const API_KEY = 'a1b2c3d4-e5f6-4a5b-9c8d-0123456789ab';

function menuFunctions(items: MenuEntry[]): string[] {
  return items.flatMap((i) =>
    i.kind === 'item' ? [i.functionName] : i.kind === 'submenu' ? menuFunctions(i.menu.items) : [],
  );
}

describe('the built add-on in the local runtime', () => {
  it('defines the entry points as top-level functions', () => {
    const rt = runtime();
    for (const name of ENTRY_POINTS) expect(rt.functions).toContain(name);
    for (const name of rt.functions) expect(typeof rt.globals[name]).toBe('function');
  });

  it.each([
    ['LIMITED', 'simple'],
    ['NONE', 'simple'],
    ['FULL', 'install'],
  ] as const)('onOpen builds the add-on menu from real functions (AuthMode.%s)', (authMode, trigger) => {
    const rt = runtime({ locale: 'ru' });
    const fn = trigger === 'install' ? 'onInstall' : 'onOpen';
    rt.run(fn, [], { trigger, authMode, event: { authMode } });
    expect(rt.ui.menus).toHaveLength(1);
    const menu = rt.ui.menus[0];
    expect(menu.addon).toBe(true);
    const fns = menuFunctions(menu.items);
    expect(fns).toEqual(expect.arrayContaining(['showSettings', 'showOrderDesk']));
    for (const name of fns) {
      expect(rt.functions).toContain(name);
      expect(name.endsWith('_')).toBe(false);
    }
    const captions = menu.items.flatMap((i) => (i.kind === 'item' ? [i.caption] : []));
    expect(captions).toContain(t('ru', 'menu.settings'));
  });

  it('showSettings opens the settings sidebar', () => {
    const rt = runtime();
    rt.run('showSettings');
    expect(rt.ui.sidebars).toHaveLength(1);
    const { html, title } = rt.ui.sidebars[0];
    expect(title).toBe(t('en', 'settings.title'));
    expect(html).toMatch(/window\.ODESK_BOOT = \{"view":"settings","lang":"en"\};/);
    expect(html).not.toContain('<?');
  });

  it('saves and reads settings; the key stays on the server', () => {
    const rt = runtime();
    const saved = rt.callFromSidebar<Result<SettingsView>>('saveSettings', {
      clientId: ' 123456 ',
      apiKey: API_KEY,
      language: 'auto',
    });
    expect(saved).toEqual({
      ok: true,
      data: { clientId: '123456', hasApiKey: true, language: 'auto', lang: 'en' },
    });
    expect(rt.properties.user.get('OZON_CLIENT_ID')).toBe('123456');
    expect(rt.properties.user.get('OZON_API_KEY')).toBe(API_KEY);

    const read = rt.callFromSidebar<Result<SettingsView>>('getSettings');
    expect(read).toEqual(saved);

    // An empty key keeps the saved one.
    rt.callFromSidebar('saveSettings', { clientId: '654321', apiKey: '', language: 'ru' });
    expect(rt.properties.user.get('OZON_API_KEY')).toBe(API_KEY);
    expect(rt.callFromSidebar<Result<SettingsView>>('getSettings')).toEqual({
      ok: true,
      data: { clientId: '654321', hasApiKey: true, language: 'ru', lang: 'ru' },
    });

    rt.run('showSettings');
    rt.run('onOpen', [], { trigger: 'simple' });
    for (const text of [
      JSON.stringify(read),
      rt.logs.join('\n'),
      ...rt.ui.sidebars.map((s) => s.html),
      JSON.stringify(rt.ui.menus),
    ])
      expect(text).not.toContain(API_KEY);

    const forgotten = rt.callFromSidebar<Result<SettingsView>>('forgetApiKey');
    expect(forgotten).toMatchObject({ ok: true, data: { hasApiKey: false } });
    expect(rt.properties.user.has('OZON_API_KEY')).toBe(false);
  });

  const bad: [string, Record<string, unknown>, string, MessageKey][] = [
    ['an empty Client-Id', { clientId: '', apiKey: API_KEY }, 'clientId', 'error.clientId.required'],
    ['a whitespace Client-Id', { clientId: '   ', apiKey: API_KEY }, 'clientId', 'error.clientId.required'],
    ['a non-numeric Client-Id', { clientId: '12ab', apiKey: API_KEY }, 'clientId', 'error.clientId.number'],
    ['a key with spaces', { clientId: '123456', apiKey: 'abcd efgh ijkl' }, 'apiKey', 'error.apiKey.format'],
  ];

  describe.each([
    ['ru', 'ru'],
    ['zh_CN', 'zh'],
    ['en_US', 'en'],
  ] as const)('bad input answers in the seller language (%s)', (locale, lang) => {
    it.each(bad)('%s', (_what, input, field, key) => {
      const rt = runtime({ locale });
      const res = rt.callFromSidebar<Result<SettingsView>>('saveSettings', input);
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.field).toBe(field);
      expect(res.error.code).toBe('input');
      expect(res.error.message).toBe(t(lang, key));
      if (lang !== 'en') expect(res.error.message).not.toBe(t('en', key));
      expect(rt.properties.user.size).toBe(0);
      expect(JSON.stringify(res)).not.toContain(String(input.apiKey));
    });
  });

  it('rejects a Date argument like google.script.run', () => {
    const rt = runtime();
    expect(() =>
      rt.callFromSidebar('saveSettings', { clientId: '1', apiKey: API_KEY, when: new Date() }),
    ).toThrow(/illegal value/);
    expect(rt.counters.executions).toBe(0);
  });
});
