// Jest globalSetup of the integration and browser projects: they run the built bundle (dist/), so
// they refuse to test one older than its sources instead of quietly testing yesterday's code.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const SOURCES = ['src', 'sidebar', 'appsscript.json', 'scripts/build.mjs', 'webpack.config.js'];
const OUTPUTS = ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json'];

function newest(file, best = { file: '', mtime: 0 }) {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(file)) newest(path.join(file, name), best);
  } else if (stat.mtimeMs > best.mtime) {
    best.file = file;
    best.mtime = stat.mtimeMs;
  }
  return best;
}

module.exports = function staleBundleCheck() {
  const missing = OUTPUTS.filter((f) => !fs.existsSync(path.join(root, f)));
  if (missing.length) throw new Error(`${missing.join(', ')} missing: run \`npm run build\` first.`);
  const built = Math.min(...OUTPUTS.map((f) => fs.statSync(path.join(root, f)).mtimeMs));
  const best = { file: '', mtime: 0 };
  for (const s of SOURCES) newest(path.join(root, s), best);
  if (best.mtime > built) {
    throw new Error(
      `dist/ is older than ${path.relative(root, best.file)}: run \`npm run build\` (npm test does it for you).`,
    );
  }
};
