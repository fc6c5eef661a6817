// npm run release [patch|minor|major] — after `npm test` passed (the npm script runs it first):
// bumps the version, writes the CHANGELOG section from the commit subjects since the last tag,
// commits both, pushes dist/ to the production script, makes an Apps Script version and a
// deployment of it, tags the commit v<version> and packages release/ (npm run package). Needs
// .clasp-prod.json (see README).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kind = process.argv[2] ?? 'patch';
if (!['patch', 'minor', 'major'].includes(kind))
  throw new Error(`release kind must be patch, minor or major`);
const project = path.join(root, '.clasp-prod.json');
if (!fs.existsSync(project))
  throw new Error('.clasp-prod.json is missing: copy .clasp-prod.sample.json (README)');

const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8' }).trim();
if (run('git', ['status', '--porcelain'])) throw new Error('commit or stash your changes first');

const lastTag = (() => {
  try {
    return run('git', ['describe', '--tags', '--abbrev=0', '--match', 'v*']);
  } catch {
    return '';
  }
})();
const subjects = run('git', ['log', '--format=%s', lastTag ? `${lastTag}..HEAD` : 'HEAD'])
  .split('\n')
  .filter(Boolean);

const pkgPath = path.join(root, 'package.json');
const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
const [major, minor, patch] = pkg.version.split('.').map(Number);
const version =
  kind === 'major'
    ? `${major + 1}.0.0`
    : kind === 'minor'
      ? `${major}.${minor + 1}.0`
      : `${major}.${minor}.${patch + 1}`;
run('npm', ['version', version, '--no-git-tag-version']);

const changelogPath = path.join(root, 'CHANGELOG.md');
const changelog = fs.readFileSync(changelogPath, 'utf8');
const date = new Date().toISOString().slice(0, 10);
const section = `## ${version} — ${date}\n\n${subjects.map((s) => `- ${s}`).join('\n')}\n\n`;
const at = changelog.indexOf('\n## ');
fs.writeFileSync(
  changelogPath,
  at < 0
    ? `${changelog.trimEnd()}\n\n${section}`
    : changelog.slice(0, at + 1) + section + changelog.slice(at + 1),
);
run('git', ['add', 'package.json', 'package-lock.json', 'CHANGELOG.md']);
run('git', ['commit', '-m', `Release ${version}`]);

const clasp = (...args) => run('npx', ['clasp', '-P', project, ...args]);
clasp('push', '--force');
const { versionNumber } = JSON.parse(clasp('create-version', '--json', `v${version}`));
// A published add-on keeps one versioned deployment and moves it to each new version: Google's guide
// warns that a new deployment disables the installed triggers. The first release creates it.
const deployed = JSON.parse(clasp('list-deployments', '--json')).filter((d) => d.versionNumber);
if (deployed.length > 1)
  throw new Error(`${deployed.length} versioned deployments: keep one (clasp delete-deployment <id>)`);
if (deployed.length)
  clasp(
    'update-deployment',
    deployed[0].deploymentId,
    '--versionNumber',
    String(versionNumber),
    '--description',
    `v${version}`,
  );
else clasp('create-deployment', '--versionNumber', String(versionNumber), '--description', `v${version}`);
run('git', ['tag', `v${version}`]);
// The paste-in release for sellers without Node (README), of the same dist/.
console.log(run('node', ['-r', './scripts/ts-register.cjs', 'scripts/package.ts']));
console.log(`Released v${version} as Apps Script version ${versionNumber}.`);
