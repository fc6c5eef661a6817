// The README's permissions table is the seller's and the reviewer's view of the manifest: it must
// name exactly the scopes appsscript.json asks for, each with a reason and Google's class.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')) as {
  oauthScopes: string[];
};

function permissionsRows(): { scope: string; why: string; klass: string }[] {
  const section = readme.slice(readme.indexOf('### Permissions (`appsscript.json`)'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| scope')));
  return table
    .split('\n')
    .filter((l) => /^\| `/.test(l))
    .map((l) => {
      const [scope, why, klass] = l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      return { scope: scope.replace(/`/g, ''), why, klass };
    });
}

describe('README permissions table', () => {
  const rows = permissionsRows();

  it('lists exactly the manifest scopes', () => {
    const short = manifest.oauthScopes.map((s) => s.replace('https://www.googleapis.com/auth/', '')).sort();
    expect(rows.map((r) => r.scope).sort()).toEqual(short);
  });

  it('gives every scope a reason and a class', () => {
    for (const r of rows) {
      expect(r.why.length).toBeGreaterThan(10);
      expect(r.klass).toMatch(/sensitive|restricted|not published/);
    }
  });

  it('asks for no scope Google classes as restricted', () => {
    expect(rows.filter((r) => /^restricted/.test(r.klass))).toEqual([]);
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  });
});
