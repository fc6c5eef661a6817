// `npm run package`: the release a seller pastes into Extensions → Apps Script is exactly the built
// bundle (dist/), renamed as the editor names its files, and it runs: the runtime loads the unzipped
// release folder, onOpen builds the menu and the order desk opens its sidebar.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { createRuntime } from '../../runtime';
import { builtDist } from '../support/shop';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const name = `${pkg.name}-${pkg.version}`;

describe('npm run package', () => {
  const dist = builtDist();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'odesk-release-'));
  const log = execFileSync(
    'node',
    ['-r', './scripts/ts-register.cjs', 'scripts/package.ts', '--dist', dist, '--out', out],
    { cwd: root, encoding: 'utf8' },
  );
  const folder = path.join(out, name);
  const zip = unzipSync(fs.readFileSync(path.join(out, `${name}.zip`)));
  const unzipped = fs.mkdtempSync(path.join(os.tmpdir(), 'odesk-unzipped-'));
  for (const [entry, bytes] of Object.entries(zip)) {
    fs.mkdirSync(path.dirname(path.join(unzipped, entry)), { recursive: true });
    fs.writeFileSync(path.join(unzipped, entry), bytes);
  }
  const distBytes = (f: string) => fs.readFileSync(path.join(dist, f));
  const expected: Record<string, Buffer> = {
    'Code.gs': distBytes('Code.js'),
    'Sidebar.html': distBytes('Sidebar.html'),
    'appsscript.json': distBytes('appsscript.json'),
  };

  it('writes the folder and the zip, each holding exactly the built bundle and the install steps', () => {
    expect(log).toContain(`${name}.zip`);
    expect(fs.readdirSync(dist).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
    expect(fs.readdirSync(folder).sort()).toEqual([
      'Code.gs',
      'INSTALL.md',
      'Sidebar.html',
      'appsscript.json',
    ]);
    expect(Object.keys(zip).sort()).toEqual(
      ['Code.gs', 'INSTALL.md', 'Sidebar.html', 'appsscript.json'].map((f) => `${name}/${f}`),
    );
    for (const [file, bytes] of Object.entries(expected)) {
      expect(fs.readFileSync(path.join(folder, file)).equals(bytes)).toBe(true);
      expect(Buffer.from(zip[`${name}/${file}`]).equals(bytes)).toBe(true);
    }
  });

  it("carries the README's paste-in steps", () => {
    const install = fs.readFileSync(path.join(folder, 'INSTALL.md'), 'utf8');
    expect(Buffer.from(zip[`${name}/INSTALL.md`]).toString('utf8')).toBe(install);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const step of [
      'Show\n   "appsscript.json" manifest file in editor',
      'identifier `Sheets`',
      'identifier `Drive`',
      'name the file `Sidebar`',
    ]) {
      expect(readme).toContain(step);
      expect(install).toContain(step);
    }
  });

  it('loads in the runtime from the unzipped release: the menu, then the order desk sidebar', () => {
    const fromDist = createRuntime({ distDir: dist });
    const rt = createRuntime({ distDir: path.join(unzipped, name) });
    expect(rt.functions).toEqual(fromDist.functions);
    expect(rt.functions).toEqual(expect.arrayContaining(['onOpen', 'showOrderDesk', 'syncOrders']));

    rt.run('onOpen', [], { trigger: 'simple', authMode: 'LIMITED', event: { authMode: 'LIMITED' } });
    fromDist.run('onOpen', [], { trigger: 'simple', authMode: 'LIMITED', event: { authMode: 'LIMITED' } });
    expect(rt.ui.menus).toHaveLength(1);
    expect(rt.ui.menus).toEqual(fromDist.ui.menus);

    rt.run('showOrderDesk');
    expect(rt.ui.sidebars).toHaveLength(1);
    const { html } = rt.ui.sidebars[0];
    expect(html).toMatch(/window\.ODESK_BOOT = \{"view":"desk"/);
    expect(html).not.toContain('<?');
    fromDist.run('showOrderDesk');
    expect(html).toBe(fromDist.ui.sidebars[0].html);
  });
});
