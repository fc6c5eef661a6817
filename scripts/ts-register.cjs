// Lets plain `node -r ./scripts/ts-register.cjs file.ts` run the project's TypeScript tools
// (workbench, simulator server, bench) without a separate compiler step.
const fs = require('fs');
const { transformSync } = require('esbuild');

function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
}
require.extensions['.ts'] = compile;
