// Checks clasp command lines against the installed clasp's own command definitions (commander), so a
// README or package.json step that names an unknown command or option fails a test, not a seller.
// Input (argv[2]): JSON list of argument arrays, e.g. [["create", "--type", "standalone"]].
// Output: JSON list of { command, options, unknown, error }.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const claspDir = path.join(root, 'node_modules/@google/clasp');
const { makeProgram } = await import(
  pathToFileURL(path.join(claspDir, 'build/src/commands/program.js')).href
);
const program = makeProgram(() => undefined);

const globalFlags = program.options.flatMap((o) => [o.short, o.long].filter(Boolean));
const globalTakesValue = new Set(
  program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.short, o.long].filter(Boolean)),
);

function check(args) {
  const rest = [...args];
  const globals = {};
  while (rest.length && rest[0].startsWith('-')) {
    const flag = rest.shift();
    if (!globalFlags.includes(flag)) return { error: `unknown global option ${flag}` };
    globals[flag] = globalTakesValue.has(flag) ? rest.shift() : true;
  }
  const name = rest.shift();
  const cmd = program.commands.find((c) => c.name() === name || c.aliases().includes(name));
  if (!cmd) return { error: `unknown command ${name}` };
  const options = {};
  const unknown = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-')) continue;
    const opt = cmd.options.find((o) => o.long === arg || o.short === arg);
    const global = program.options.find((o) => o.long === arg || o.short === arg);
    const found = opt ?? global;
    if (!found) {
      unknown.push(arg);
      continue;
    }
    options[found.attributeName()] = found.required || found.optional ? rest[++i] : true;
  }
  return { command: cmd.name(), options, globals, unknown };
}

console.log(JSON.stringify(JSON.parse(process.argv[2]).map(check)));
