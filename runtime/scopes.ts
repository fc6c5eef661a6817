// What each modeled Apps Script member needs: the method → scopes table generated from
// gas-types-detailed (scripts/gas-scopes.ts) plus the advanced services' documented scopes.
import { knownScopes, scopeTable } from '../scripts/gas-scopes';
import { ADVANCED_SERVICES } from './advanced-scopes';

let index: Map<string, string[]> | null = null;

/** `Class.member` (the namespace dropped, as the script names it) → documented scopes. */
function scopeIndex(): Map<string, string[]> {
  if (index) return index;
  index = new Map();
  for (const [key, entry] of Object.entries(scopeTable().members)) {
    const short = key.split('.').slice(-2).join('.');
    for (const k of [key, short]) {
      const prev = index.get(k) ?? [];
      index.set(k, [...new Set([...prev, ...entry.scopes])]);
    }
  }
  for (const service of ADVANCED_SERVICES)
    for (const [method, scopes] of Object.entries(service.methods)) index.set(method, scopes);
  return index;
}

/** The documented scopes of `member` (e.g. `ScriptApp.newTrigger`), [] when none is needed, undefined when unknown. */
export function documentedScopes(member: string): string[] | undefined {
  const found = scopeIndex().get(member);
  if (found) return found;
  // Every service call asks: the spelled-out lookup below is done once per member.
  if (spelled.has(member)) return spelled.get(member);
  const result = spelledOut(member);
  spelled.set(member, result);
  return result;
}

const spelled = new Map<string, string[] | undefined>();

function spelledOut(member: string): string[] | undefined {
  // Advanced services name their collections in lower case in the REST docs (`sheets.spreadsheets.get`).
  const parts = member.split('.');
  const script = parts.map((p, i) =>
    i === 0 || i === parts.length - 1 ? p : p[0].toUpperCase() + p.slice(1),
  );
  script[0] = script[0][0].toUpperCase() + script[0].slice(1);
  return scopeIndex().get(script.join('.'));
}

let reference: ReadonlySet<string> | null = null;

/**
 * Every scope Google's reference names (built-in services and the modeled advanced services). Built
 * once per process: every createRuntime checks its manifest against it.
 */
export function referenceScopes(): ReadonlySet<string> {
  if (reference) return reference;
  const all = knownScopes();
  for (const service of ADVANCED_SERVICES)
    for (const scopes of Object.values(service.methods)) for (const s of scopes) all.add(s);
  reference = all;
  return all;
}

/** Apps Script's message when the manifest's oauthScopes lack every scope a member is documented with. */
export function insufficientScopes(member: string, scopes: string[]): string {
  const needed = scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
  return `Specified permissions are not sufficient to call ${member}. Required permissions: ${needed}`;
}
