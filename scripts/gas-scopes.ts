// The method → OAuth scopes table, read from the doc comments of the pinned `gas-types-detailed`
// package (each method's "Authorization" list is the one Google's reference page gives). Parsed with
// the TypeScript compiler and cached under node_modules/.cache, keyed by the package version, so it is
// generated once per install and never committed.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ScopeEntry {
  /** Full scope URLs; any one of them authorizes the member. Empty: the reference names none. */
  scopes: string[];
  /** The member's page in Google's reference. */
  url: string;
}

export interface ScopeTable {
  version: string;
  /** `Namespace.Interface.member`, e.g. `Script.ScriptApp.newTrigger`. */
  members: Record<string, ScopeEntry>;
}

const ROOT = path.resolve(__dirname, '..');
const PACKAGE_DIR = path.join(ROOT, 'node_modules', 'gas-types-detailed');
const SCOPE_RE = /^\s*\*?\s*-\s*(https:\/\/www\.googleapis\.com\/auth\/[\w.\-/]+)\s*$/gm;
const URL_RE = /https:\/\/developers\.google\.com\/apps-script\/reference\/\S+/;

function docText(node: ts.Node, source: ts.SourceFile): string {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  return ranges.map((r) => source.text.slice(r.pos, r.end)).join('\n');
}

/** Parses every service file of the package (not the REST `apis/` folder, which carries no scopes). */
export function parseScopeTable(dir = PACKAGE_DIR): ScopeTable {
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const members: Record<string, ScopeEntry> = {};
  const files = fs.readdirSync(dir).filter((f) => /^google-apps-script\..+\.d\.ts$/.test(f));
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
    const visit = (node: ts.Node, namespaces: string[]): void => {
      if (ts.isModuleDeclaration(node)) {
        const name = node.name.getText(source);
        const inner = name === 'GoogleAppsScript' ? [] : [...namespaces, name];
        if (node.body) ts.forEachChild(node.body, (c) => visit(c, inner));
        return;
      }
      if (ts.isModuleBlock(node) || ts.isSourceFile(node)) {
        ts.forEachChild(node, (c) => visit(c, namespaces));
        return;
      }
      if (!ts.isInterfaceDeclaration(node)) return;
      const owner = [...namespaces, node.name.text].join('.');
      for (const member of node.members) {
        if (!member.name) continue;
        const name = member.name.getText(source);
        const doc = docText(member, source);
        const key = `${owner}.${name}`;
        const entry = members[key] ?? { scopes: [], url: '' };
        const auth = doc.split(/\n\s*\*\s*Authorization:\s*\n/)[1] ?? '';
        for (const m of auth.matchAll(SCOPE_RE)) if (!entry.scopes.includes(m[1])) entry.scopes.push(m[1]);
        entry.url ||= doc.match(URL_RE)?.[0]?.replace(/\(.*$/, '') ?? '';
        members[key] = entry;
      }
    };
    visit(source, []);
  }
  return { version, members };
}

let memo: ScopeTable | null = null;

/** The table for the installed package version (generated on first use, then read from the cache). */
export function scopeTable(): ScopeTable {
  if (memo) return memo;
  const version = (
    JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const cache = path.join(ROOT, 'node_modules', '.cache', 'gas-scopes', `${version}.json`);
  try {
    memo = JSON.parse(fs.readFileSync(cache, 'utf8')) as ScopeTable;
    if (memo.version === version) return memo;
  } catch {
    // not generated yet
  }
  memo = parseScopeTable();
  fs.mkdirSync(path.dirname(cache), { recursive: true });
  fs.writeFileSync(cache, JSON.stringify(memo));
  return memo;
}

/** Every scope the reference names somewhere. */
export function knownScopes(table = scopeTable()): Set<string> {
  const all = new Set<string>();
  for (const e of Object.values(table.members)) for (const s of e.scopes) all.add(s);
  return all;
}

if (require.main === module) {
  const table = scopeTable();
  const withScopes = Object.values(table.members).filter((e) => e.scopes.length).length;
  console.log(
    `gas-types-detailed ${table.version}: ${Object.keys(table.members).length} members, ${withScopes} with scopes, ${knownScopes(table).size} scopes`,
  );
  for (const key of process.argv.slice(2)) console.log(key, JSON.stringify(table.members[key] ?? null));
}
