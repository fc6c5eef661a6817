// The README's clasp steps and the package scripts, checked against the installed clasp: its command
// and option definitions (commander, via scripts/clasp-check.mjs) and the refusal rules its source
// applies (build/src/commands/create-script.js, build/src/core/clasp.js). Edit the README and this
// test reads the new steps.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;
const claspSource = (file: string) =>
  fs.readFileSync(path.join(root, 'node_modules/@google/clasp/build/src', file), 'utf8');

/** Splits a shell line into words, honouring double quotes. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** Every `clasp …` invocation in README code (fenced blocks and `inline code`), in reading order. */
function readmeClaspLines(): { args: string[]; at: number }[] {
  const out: { args: string[]; at: number }[] = [];
  for (const m of readme.matchAll(/(?:npx )?clasp ([^`\n]+)/g)) {
    const before = readme.slice(0, m.index);
    const inFence = (before.match(/```/g) ?? []).length % 2 === 1;
    const line = before.slice(before.lastIndexOf('\n') + 1);
    const inInline = (line.match(/`/g) ?? []).length % 2 === 1;
    if (inFence || inInline) out.push({ args: words(m[1]), at: m.index ?? 0 });
  }
  return out;
}

function scriptClaspLines(): string[][] {
  return Object.values(scripts).flatMap((s) =>
    s
      .split('&&')
      .map((part) => part.trim())
      .filter((part) => part.startsWith('clasp '))
      .map((part) => words(part.slice('clasp '.length))),
  );
}

interface Checked {
  command?: string;
  options: Record<string, string | true>;
  globals: Record<string, string | true>;
  unknown: string[];
  error?: string;
}

function checkWithClasp(lines: string[][]): Checked[] {
  const out = execFileSync('node', [path.join(root, 'scripts/clasp-check.mjs'), JSON.stringify(lines)], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as Checked[];
}

const readmeLines = readmeClaspLines();
const checked = checkWithClasp([...readmeLines.map((l) => l.args), ...scriptClaspLines()]);
const readmeChecked = checked.slice(0, readmeLines.length);

test('the README shows the clasp steps, and clasp knows every command and option they use', () => {
  const commands = readmeChecked.map((c) => c.command);
  expect(commands).toEqual(expect.arrayContaining(['login', 'create-script']));
  for (const c of checked) {
    expect(c.error).toBeUndefined();
    expect(c.unknown).toEqual([]);
  }
});

test("the script is created bound to the seller's spreadsheet, into dist/", () => {
  const creates = readmeChecked.filter((c) => c.command === 'create-script');
  expect(creates.length).toBeGreaterThan(0);
  // clasp ignores --parentId for container types (it makes a new document); only a standalone type
  // passes parentId to projects.create, which binds the script to the spreadsheet.
  expect(claspSource('commands/create-script.js')).toMatch(/createScript\(name, parentId\)/);
  for (const c of creates) {
    expect(c.options.type).toBe('standalone');
    expect(c.options.parentId).toBeTruthy();
    expect(c.options.rootDir).toBe('dist');
  }
});

test('a fresh clone has no project file, so clasp create does not refuse', () => {
  // create refuses with "Project file already exists." when .clasp.json is found (searched upwards).
  expect(claspSource('commands/create-script.js')).toContain('Project file already exists.');
  const tracked = execFileSync('git', ['ls-files', '.clasp.json', '.clasp-dev.json', '.clasp-prod.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(tracked.trim()).toBe('');
  const ignored = fs.readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n');
  expect(ignored).toEqual(expect.arrayContaining(['.clasp.json', '.clasp-dev.json', '.clasp-prod.json']));
});

test('every project file the scripts name is made by a README step first, and has a committed sample', () => {
  // clasp -P <file> refuses a file that does not exist ("Invalid --project path").
  expect(claspSource('core/clasp.js')).toContain('Invalid --project path');
  const projectFiles = new Set(
    checked
      .map((c) => c.globals['-P'] ?? c.globals['--project'])
      .filter((f): f is string => typeof f === 'string'),
  );
  expect([...projectFiles].sort()).toEqual(['.clasp-dev.json', '.clasp-prod.json']);
  const create = readmeLines[readmeChecked.findIndex((c) => c.command === 'create-script')].at;
  for (const file of projectFiles) {
    const made = readme.indexOf(`mv .clasp.json ${file}`);
    expect(made).toBeGreaterThan(create);
    expect(fs.existsSync(path.join(root, file.replace(/\.json$/, '.sample.json')))).toBe(true);
  }
  expect(readme.indexOf('mv .clasp.json .clasp-dev.json')).toBeLessThan(readme.indexOf('npm run deploy'));
});

test('deploys and releases are gated by npm test; deploy:watch builds before it pushes', () => {
  for (const name of ['deploy', 'deploy:prod', 'release']) expect(scripts[name]).toMatch(/^npm test && /);
  const watch = fs.readFileSync(path.join(root, 'scripts/deploy-watch.mjs'), 'utf8');
  expect(watch.indexOf('scripts/build.mjs')).toBeGreaterThan(-1);
  expect(watch.indexOf('scripts/build.mjs')).toBeLessThan(watch.indexOf("'push'"));
  const release = fs.readFileSync(path.join(root, 'scripts/release.mjs'), 'utf8');
  const steps = ['npm', "'push'", "'create-version'", "'create-deployment'", "'tag'"].map((s) =>
    release.indexOf(s),
  );
  expect(steps.every((at) => at > -1)).toBe(true);
  expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  // The release's own clasp calls are checked like the README's.
  const releaseCalls = checkWithClasp([
    ['-P', '.clasp-prod.json', 'push', '--force'],
    ['-P', '.clasp-prod.json', 'create-version', '--json', 'v1.0.0'],
    ['-P', '.clasp-prod.json', 'create-deployment', '--versionNumber', '3', '--description', 'v1.0.0'],
  ]);
  for (const c of releaseCalls) expect(c.unknown).toEqual([]);
});
