// Build check: every Apps Script member src/ uses must have one of its documented scopes in
// appsscript.json, and the manifest may name only scopes Google's reference knows. Members are found
// with the type checker (what `x.y` resolves to in @types/google-apps-script), so calls through
// variables and adapters count too.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ADVANCED_SERVICES } from '../runtime/advanced-scopes';
import { documentedScopes, referenceScopes } from '../runtime/scopes';

const ROOT = path.resolve(__dirname, '..');
const TYPES_DIR = `${path.sep}@types${path.sep}google-apps-script${path.sep}`;
/** Advanced-service declaration files → the symbol the script calls them by. */
const ADVANCED_FILES: Record<string, string> = {
  'sheets_v4.d.ts': 'Sheets',
  'drive_v3.d.ts': 'Drive',
  'bigquery_v2.d.ts': 'BigQuery',
};

export interface Use {
  member: string;
  /** An advanced service's REST method (its scopes come from runtime/advanced-scopes.ts). */
  advanced: boolean;
  where: string;
}

function namespacesOf(node: ts.Node): string[] {
  const names: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent)
    if (ts.isModuleDeclaration(n)) names.unshift(n.name.getText());
  return names.filter((n) => n !== 'GoogleAppsScript');
}

/** `Namespace.Interface.member` for built-in services, `Sheets.Spreadsheets.Values.batchGet` for advanced ones. */
function memberKey(decl: ts.Declaration): { member: string; advanced: boolean } | null {
  const file = decl.getSourceFile().fileName;
  if (!file.includes(TYPES_DIR.replace(/\\/g, '/')) && !file.includes(TYPES_DIR)) return null;
  const owner = decl.parent;
  if (!owner || !ts.isInterfaceDeclaration(owner)) return null;
  const name = (decl as ts.NamedDeclaration).name?.getText();
  if (!name) return null;
  const base = path.basename(file);
  const symbol = ADVANCED_FILES[base];
  if (symbol) {
    const spaces = namespacesOf(owner);
    const at = spaces.indexOf('Collection');
    // The service root (newX() builders), schemas and collection accessors need no scope.
    if (at < 0 || !ts.isMethodSignature(decl)) return null;
    const collections = [...spaces.slice(at + 1), owner.name.text.replace(/Collection$/, '')];
    return { member: [symbol, ...collections, name].join('.'), advanced: true };
  }
  if (base.startsWith('google-apps-script.'))
    return { member: [...namespacesOf(owner), owner.name.text, name].join('.'), advanced: false };
  return null;
}

let memo: Use[] | null = null;

/**
 * The uses found are a function of the files type-checked, the compiler options, the declaration
 * files and this finder: keyed by their contents, the build's own search is kept
 * (node_modules/.cache/gas-scopes) and read back by later runs that see the same sources, e.g. the
 * runtime's scope test after the build (the type checker costs ~10 CPU-s).
 */
function cacheKey(srcDir: string, fileNames: string[], options: ts.CompilerOptions): string {
  const hash = crypto.createHash('sha256');
  const typesPackage = require.resolve('@types/google-apps-script/package.json');
  hash.update(JSON.stringify([ts.version, srcDir, options]));
  for (const file of [__filename, typesPackage, ...fileNames])
    hash
      .update(`${path.relative(ROOT, file)}\0`)
      .update(fs.readFileSync(file))
      .update('\0');
  return hash.digest('hex').slice(0, 32);
}

export function appsScriptUses(srcDir = path.join(ROOT, 'src')): Use[] {
  if (memo) return memo;
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const cached = path.join(
    ROOT,
    'node_modules/.cache/gas-scopes',
    `uses-${cacheKey(srcDir, config.fileNames, config.options)}.json`,
  );
  if (fs.existsSync(cached)) return (memo = JSON.parse(fs.readFileSync(cached, 'utf8')) as Use[]);
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const source of program.getSourceFiles()) {
    if (!path.resolve(source.fileName).startsWith(srcDir)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const decl of symbol?.declarations ?? []) {
          const key = memberKey(decl);
          if (!key) continue;
          const { line } = source.getLineAndCharacterOfPosition(node.name.getStart());
          uses.push({ ...key, where: `${path.relative(ROOT, source.fileName)}:${line + 1}` });
          break;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  fs.writeFileSync(`${cached}.${process.pid}`, JSON.stringify(uses));
  fs.renameSync(`${cached}.${process.pid}`, cached);
  return (memo = uses);
}

export function checkScopes(manifestPath = path.join(ROOT, 'appsscript.json')): string[] {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { oauthScopes?: string[] };
  const declared = manifest.oauthScopes ?? [];
  const problems: string[] = [];
  const known = referenceScopes();
  for (const scope of declared)
    if (!known.has(scope))
      problems.push(`appsscript.json names ${scope}, a scope Google's reference does not know`);
  const advanced = new Set(ADVANCED_SERVICES.flatMap((s) => Object.keys(s.methods)));
  const seen = new Set<string>();
  for (const use of appsScriptUses()) {
    if (seen.has(use.member)) continue;
    seen.add(use.member);
    if (use.advanced && !advanced.has(use.member)) {
      problems.push(
        `${use.where}: ${use.member} has no documented scopes in runtime/advanced-scopes.ts (add them from its reference page)`,
      );
      continue;
    }
    const scopes = documentedScopes(use.member) ?? [];
    if (scopes.length && !scopes.some((s) => declared.includes(s)))
      problems.push(
        `${use.where}: ${use.member} needs one of ${scopes.join(', ')} (appsscript.json has none)`,
      );
  }
  return problems;
}

if (require.main === module) {
  const problems = checkScopes();
  if (problems.length) {
    console.error(`OAuth scope check failed:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('OAuth scopes: every Apps Script member src/ uses is covered by appsscript.json');
}
