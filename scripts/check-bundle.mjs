// Loads dist/*.js the way Apps Script does (all files in one global scope) and checks that the
// top-level functions are exactly the entry module's exports, and that no module syntax remains.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export function entryExports(entryFile) {
  const source = fs.readFileSync(entryFile, 'utf8');
  const names = new Set();
  for (const m of source.matchAll(/^export function (\w+)/gm)) names.add(m[1]);
  for (const m of source.matchAll(/^export \{([^}]+)\}/gm)) {
    for (const part of m[1].split(','))
      names.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop(),
      );
  }
  return [...names].sort();
}

export function checkBundle(distDir, entryFile) {
  const files = fs
    .readdirSync(distDir)
    .filter((f) => f.endsWith('.js'))
    .sort();
  const context = vm.createContext({});
  const before = new Set(Object.getOwnPropertyNames(context));
  for (const file of files) {
    const code = fs.readFileSync(path.join(distDir, file), 'utf8');
    if (/^\s*(import|export)\s/m.test(code)) throw new Error(`${file} still contains import/export syntax`);
    vm.runInContext(code, context, { filename: file });
  }
  const added = Object.getOwnPropertyNames(context).filter((n) => !before.has(n));
  const functions = added.filter((n) => typeof context[n] === 'function').sort();
  const expected = entryExports(entryFile);
  const missing = expected.filter((n) => !functions.includes(n));
  // Library state objects (zod keeps __zod_globalConfig on globalThis) are not callable, so only functions count.
  const extra = functions.filter((n) => !expected.includes(n));
  if (missing.length || extra.length) {
    throw new Error(`bundle globals differ from src/index.ts exports: missing [${missing}] extra [${extra}]`);
  }
  return functions;
}
