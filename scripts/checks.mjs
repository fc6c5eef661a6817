// npm test's checks before jest: the type checks (src, sidebar, node tools and tests), eslint, prettier
// and the build, run side by side (as many at once as the machine has cores, longest first), each with
// its own output printed whole when it ends. Incremental caches live in node_modules/.cache, so a
// second run checks only what changed. `node scripts/checks.mjs typecheck lint build` picks groups.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const cache = (name) => path.join('node_modules/.cache', name);
const tsc = (project, info) => [
  bin('tsc'),
  ['-p', project, '--incremental', '--tsBuildInfoFile', cache(`tsc/${info}.tsbuildinfo`)],
];

/** Longest first (CPU seconds on this 2-core machine kind, fresh caches). */
const TASKS = [
  { group: 'typecheck', name: 'tsc (node tools and tests)', run: tsc('tsconfig.node.json', 'node') },
  {
    group: 'lint',
    name: 'prettier',
    run: [
      bin('prettier'),
      ['--check', '.', '--cache', '--cache-strategy', 'content', '--cache-location', cache('prettier/cache')],
    ],
  },
  { group: 'build', name: 'build', run: ['npm', ['run', '--silent', 'build']] },
  {
    group: 'lint',
    name: 'eslint',
    run: [
      bin('eslint'),
      ['.', '--cache', '--cache-strategy', 'content', '--cache-location', cache('eslint/')],
    ],
  },
  { group: 'typecheck', name: 'tsc (sidebar)', run: tsc('sidebar/tsconfig.json', 'sidebar') },
  { group: 'typecheck', name: 'tsc (src)', run: tsc('tsconfig.json', 'src') },
];

function runTask(task) {
  const started = Date.now();
  return new Promise((resolve) => {
    const [command, args] = task.run;
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => (output += String(error)));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${task.name} (${seconds} s)\n`);
      if (!ok || task.group === 'build') process.stdout.write(output.replace(/^/gm, '     ') + '\n');
      resolve(ok);
    });
  });
}

async function main() {
  const groups = process.argv.slice(2);
  const unknown = groups.filter((g) => !TASKS.some((t) => t.group === g));
  if (unknown.length) throw new Error(`unknown check group(s): ${unknown.join(', ')}`);
  const queue = TASKS.filter((t) => groups.length === 0 || groups.includes(t.group));
  const width = Math.max(2, os.availableParallelism?.() ?? os.cpus().length);
  let failed = false;
  const worker = async () => {
    for (let task = queue.shift(); task; task = queue.shift()) if (!(await runTask(task))) failed = true;
  };
  await Promise.all(Array.from({ length: width }, worker));
  if (failed) process.exit(1);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
