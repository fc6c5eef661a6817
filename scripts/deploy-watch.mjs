// npm run deploy:watch — rebuilds dist/ whenever a source changes, then pushes it to the development
// script (.clasp-dev.json). One build and push at a time; changes during one start another.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout, clearTimeout } from 'node:timers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const project = path.join(root, '.clasp-dev.json');
if (!fs.existsSync(project))
  throw new Error('.clasp-dev.json is missing: see README, "Install it with clasp"');

let busy = false;
let again = false;
function buildAndPush() {
  if (busy) {
    again = true;
    return;
  }
  busy = true;
  try {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    execFileSync('npx', ['clasp', '-P', project, 'push', '--force'], { cwd: root, stdio: 'inherit' });
  } catch (error) {
    console.error(`deploy:watch: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    busy = false;
  }
  if (again) {
    again = false;
    buildAndPush();
  }
}

let timer;
for (const dir of ['src', 'sidebar', 'appsscript.json']) {
  fs.watch(path.join(root, dir), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(buildAndPush, 300);
  });
}
buildAndPush();
console.log('deploy:watch: watching src/, sidebar/ and appsscript.json (Ctrl+C stops)');
