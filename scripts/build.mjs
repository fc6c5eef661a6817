// Builds dist/ exactly as `clasp push` uploads it: appsscript.json, Code.js (the server bundle, whose
// only top-level functions are src/index.ts's exports) and Sidebar.html (script and styles inlined).
import { build as esbuild } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { checkBundle } from './check-bundle.mjs';

const requireCjs = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

function runWebpack() {
  const webpack = requireCjs('webpack');
  const config = requireCjs(path.join(root, 'webpack.config.js'));
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

async function buildSidebar() {
  const result = await esbuild({
    entryPoints: [path.join(root, 'sidebar/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    minify: true,
    legalComments: 'none',
  });
  const script = result.outputFiles[0].text;
  const css = fs.readFileSync(path.join(root, 'sidebar/styles.css'), 'utf8');
  const template = fs.readFileSync(path.join(root, 'sidebar/index.html'), 'utf8');
  // A literal "</script" inside the bundle would end the inline script early.
  const safeScript = script.replace(/<\/script/gi, '<\\/script');
  const html = template.replace('/*__STYLES__*/', () => css).replace('/*__SCRIPT__*/', () => safeScript);
  fs.writeFileSync(path.join(dist, 'Sidebar.html'), html);
}

async function main() {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  await runWebpack();
  await buildSidebar();
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  const globals = checkBundle(dist, path.join(root, 'src/index.ts'));
  console.log(`dist/ built: ${globals.length} entry points (${globals.join(', ')})`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
