// The runtime's authorization follows the scopes Google's reference documents per method
// (gas-types-detailed), and the advanced Drive service saves files under drive.file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkScopes } from '../../scripts/check-scopes';
import { documentedScopes, referenceScopes } from '../scopes';
import { fixture } from './fixture';

const AUTH = 'https://www.googleapis.com/auth/';
const manifest = (scopes: string[], advanced: object[] = []) => ({
  timeZone: 'Europe/Moscow',
  oauthScopes: scopes.map((s) => AUTH + s),
  dependencies: { enabledAdvancedServices: advanced },
});
const DRIVE_V3 = { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' };

describe('the method → scopes table', () => {
  it('comes from the reference: triggers need script.scriptapp, DriveApp the full drive scope', () => {
    expect(documentedScopes('ScriptApp.newTrigger')).toEqual([AUTH + 'script.scriptapp']);
    expect(documentedScopes('ScriptApp.getUserTriggers')).toEqual([AUTH + 'script.scriptapp']);
    expect(documentedScopes('Trigger.getHandlerFunction')).toEqual([AUTH + 'script.scriptapp']);
    expect(documentedScopes('DriveApp.createFile')).toEqual([AUTH + 'drive']);
    expect(documentedScopes('Drive.Files.create')).toContain(AUTH + 'drive.file');
    expect(documentedScopes('SpreadsheetApp.getUi')).toEqual([]);
    expect(documentedScopes('Ui.showSidebar')).toEqual([AUTH + 'script.container.ui']);
  });

  it('knows no script.scheduleapp scope', () => {
    expect(referenceScopes().has(AUTH + 'script.scriptapp')).toBe(true);
    expect(referenceScopes().has(AUTH + 'script.scheduleapp')).toBe(false);
  });

  it('covers the add-on manifest', () => {
    const root = path.resolve(__dirname, '../..');
    const { oauthScopes } = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    expect(oauthScopes.filter((s) => !referenceScopes().has(s))).toEqual([]);
  });
});

describe('authorization in the runtime', () => {
  it('refuses a manifest naming a scope Google does not know', () => {
    expect(() => fixture('function f() {}', {}, { manifest: manifest(['script.scheduleapp']) })).toThrow(
      'appsscript.json names unknown OAuth scopes: https://www.googleapis.com/auth/script.scheduleapp',
    );
  });

  it('checks every trigger method against script.scriptapp', () => {
    const code = `function install() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
      function list() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }); }
      function tick() {}`;
    const without = fixture(code, {}, { manifest: manifest(['spreadsheets']) });
    expect(() => without.run('install')).toThrow(
      'Specified permissions are not sufficient to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    const rt = fixture(code, {}, { manifest: manifest(['spreadsheets', 'script.scriptapp']) });
    rt.run('install');
    expect(rt.run('list')).toEqual(['tick']);
  });

  it('refuses DriveApp.createFile under drive.file, and saves through Drive.Files.create', () => {
    const code = `function viaDriveApp() { return DriveApp.createFile(Utilities.newBlob('%PDF', 'application/pdf', 'a.pdf')).getId(); }
      function viaApi() {
        var f = Drive.Files.create({ name: 'b.pdf', mimeType: 'application/pdf' }, Utilities.newBlob('%PDF-1', 'application/pdf', 'x'), { fields: 'id,webViewLink' });
        return [Object.keys(f).sort(), f.webViewLink.indexOf('https://drive.google.com/') === 0];
      }`;
    const rt = fixture(code, {}, { manifest: manifest(['spreadsheets', 'drive.file'], [DRIVE_V3]) });
    expect(() => rt.run('viaDriveApp')).toThrow(
      'Specified permissions are not sufficient to call DriveApp.createFile. Required permissions: https://www.googleapis.com/auth/drive',
    );
    expect(rt.run('viaApi')).toEqual([['id', 'webViewLink'], true]);
    expect(rt.drive).toHaveLength(1);
    expect(rt.drive[0]).toMatchObject({ name: 'b.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(rt.drive[0].bytes).toString()).toBe('%PDF-1');
    expect(() => rt.run('viaApi', [], { trigger: 'simple', authMode: 'LIMITED' })).toThrow(/permission/);
  });

  it('has no Drive global unless the manifest enables the advanced service', () => {
    const rt = fixture(`function f() { return typeof Drive; }`, {}, { manifest: manifest(['drive.file']) });
    expect(rt.run('f')).toBe('undefined');
  });
});

describe('the build check (scripts/check-scopes.ts)', () => {
  const root = path.resolve(__dirname, '../..');
  it('passes on the add-on and fails on a manifest with the invented trigger scope', () => {
    expect(checkScopes()).toEqual([]);
    const real = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scopes-')), 'appsscript.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        ...real,
        oauthScopes: real.oauthScopes.map((s) => s.replace('script.scriptapp', 'script.scheduleapp')),
      }),
    );
    const problems = checkScopes(bad);
    expect(problems).toContain(
      `appsscript.json names ${AUTH}script.scheduleapp, a scope Google's reference does not know`,
    );
    expect(problems.some((p) => /ScriptApp\.newTrigger needs one of .*script\.scriptapp/.test(p))).toBe(true);
  }, 60_000);
});
