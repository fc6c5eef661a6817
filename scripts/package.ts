// npm run package [-- --dist DIR --out DIR] — a release a seller installs without Node: the built bundle (dist/) as the files
// the Apps Script editor holds (Code.gs, Sidebar.html, appsscript.json), in release/<name>-<version>/
// and as release/<name>-<version>.zip, with INSTALL.md (the README's paste-in steps). The files are
// dist/'s bytes, renamed only: `.js` becomes `.gs`, as the editor names a script file.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const ROOT = path.resolve(__dirname, '..');
/** The README section INSTALL.md is cut from (up to the next `## ` heading). */
export const INSTALL_HEADING = '## Install it without Node (paste into the Apps Script editor)';

export interface PackageOptions {
  distDir?: string;
  outDir?: string;
  /** Default: package.json's name and version. */
  name?: string;
  readme?: string;
}

export interface PackageResult {
  folder: string;
  zip: string;
  /** Packaged file → the dist/ file it is. */
  files: Record<string, string>;
}

/** dist/ file name → its name in the Apps Script editor (null: not part of the project). */
export function editorName(distFile: string): string | null {
  if (distFile.endsWith('.js')) return `${distFile.slice(0, -'.js'.length)}.gs`;
  if (distFile.endsWith('.html') || distFile === 'appsscript.json') return distFile;
  return null;
}

export function installText(readme: string): string {
  const start = readme.indexOf(INSTALL_HEADING);
  if (start < 0) throw new Error(`README.md has no "${INSTALL_HEADING}" section`);
  const next = readme.indexOf('\n## ', start + INSTALL_HEADING.length);
  const section = readme.slice(start, next < 0 ? undefined : next).trim();
  return `# Ozon Order Desk\n\n${section}\n`;
}

export function packageRelease(opts: PackageOptions = {}): PackageResult {
  const distDir = opts.distDir ?? path.join(ROOT, 'dist');
  const outDir = opts.outDir ?? path.join(ROOT, 'release');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const name = opts.name ?? `${pkg.name}-${pkg.version}`;
  const readme = opts.readme ?? fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  if (!fs.existsSync(path.join(distDir, 'appsscript.json')))
    throw new Error(`${distDir} has no appsscript.json: run npm run build first`);

  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(distDir).sort()) {
    const as = editorName(f);
    if (as) files[as] = f;
  }
  if (!Object.keys(files).some((f) => f.endsWith('.gs'))) throw new Error(`${distDir} has no script file`);

  const folder = path.join(outDir, name);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const entries: Zippable = {};
  // One fixed time for every entry: the zip of one build is the same bytes each time.
  const mtime = fs.statSync(path.join(distDir, 'appsscript.json')).mtime;
  const add = (file: string, bytes: Uint8Array) => {
    fs.writeFileSync(path.join(folder, file), bytes);
    entries[`${name}/${file}`] = [bytes, { mtime }];
  };
  for (const [as, f] of Object.entries(files)) add(as, fs.readFileSync(path.join(distDir, f)));
  add('INSTALL.md', Buffer.from(installText(readme), 'utf8'));
  const zip = path.join(outDir, `${name}.zip`);
  fs.writeFileSync(zip, zipSync(entries, { level: 9 }));
  return { folder, zip, files };
}

if (require.main === module) {
  const arg = (flag: string) => {
    const at = process.argv.indexOf(flag);
    return at > 0 ? path.resolve(process.argv[at + 1]) : undefined;
  };
  const result = packageRelease({ distDir: arg('--dist'), outDir: arg('--out') });
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  const kb = (p: string) => `${Math.round(fs.statSync(p).size / 1024)} KB`;
  console.log(`release: ${rel(result.folder)}/ (${Object.keys(result.files).join(', ')}, INSTALL.md)`);
  console.log(`release: ${rel(result.zip)} (${kb(result.zip)})`);
}
