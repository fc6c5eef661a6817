// Writes a tiny hand-written bundle into a temp dist/ and starts a runtime on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRuntime, type RuntimeOptions } from '../index';

export const SHEETS_MANIFEST = {
  timeZone: 'Europe/Moscow',
  urlFetchWhitelist: ['https://api-seller.ozon.ru/'],
  dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] },
};

export function fixtureDist(
  code: string,
  extra: { manifest?: object; files?: Record<string, string> } = {},
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-runtime-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), code);
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(extra.manifest ?? SHEETS_MANIFEST));
  for (const [name, text] of Object.entries(extra.files ?? {})) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

export function fixture(
  code: string,
  opts: RuntimeOptions = {},
  extra: { manifest?: object; files?: Record<string, string> } = {},
) {
  return createRuntime({ ...opts, distDir: fixtureDist(code, extra) });
}
