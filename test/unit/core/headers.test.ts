// The add-on's own headers in three languages: written in the seller's language, followed on a
// language change, and a header the seller renamed is left alone.
import fs from 'node:fs';
import path from 'node:path';
import { headerIn, isOwnHeader } from '../../../src/core/i18n/headers';
import { LANGS } from '../../../src/core/i18n/messages';
import { prepareTab, applySetup, type TabSnapshot } from '../../../src/core/table/snapshot';
import type { TableSpec } from '../../../src/core/table/spec';

interface AnySpec {
  tab: string;
  columns: readonly { key: string; header: string }[];
}
const isSpec = (v: unknown): v is AnySpec =>
  Boolean(
    v &&
    typeof v === 'object' &&
    typeof (v as AnySpec).tab === 'string' &&
    Array.isArray((v as AnySpec).columns) &&
    (v as AnySpec).columns.every((c) => typeof c?.header === 'string'),
  );

/**
 * Every tab spec the add-on exports, found by loading each module under src/ (the adapters and the
 * entry module need Apps Script and declare no tab): a new tab is covered without being listed here.
 * The pick list is built per language from messages (src/core/i18n), which their own test covers.
 */
function allSpecs(): AnySpec[] {
  const root = path.join(__dirname, '../../../src');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) {
        if (full !== path.join(root, 'adapters')) walk(full);
      } else if (name.endsWith('.ts') && full !== path.join(root, 'index.ts')) files.push(full);
    }
  };
  walk(root);
  const byTab = new Map<string, AnySpec>();
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(file) as Record<string, unknown>;
    for (const value of Object.values(exported))
      for (const candidate of Array.isArray(value) ? value : [value])
        if (isSpec(candidate) && !byTab.has(candidate.tab)) byTab.set(candidate.tab, candidate);
  }
  return [...byTab.values()];
}
const SPECS = allSpecs();

describe('the add-on headers', () => {
  it('has every header of every tab in Russian and Chinese, one per column', () => {
    // The discovery itself: the tabs the issue found untranslated are among those found.
    const tabs = SPECS.map((spec) => spec.tab);
    expect(tabs).toEqual(expect.arrayContaining(['Orders', 'Promotions', 'Discount requests', 'Sync log']));
    expect(SPECS.length).toBeGreaterThan(25);
    for (const spec of SPECS) {
      for (const lang of LANGS) {
        const headers = spec.columns.map((c) => headerIn(lang, c.header).toLowerCase());
        expect([spec.tab, lang, headers.length]).toEqual([spec.tab, lang, new Set(headers).size]);
      }
      for (const column of spec.columns) {
        if (/^[A-Z0-9 ()%,–/-]+$|^Ozon$/.test(column.header)) continue; // SKU, SKUs and the like
        expect([column.header, headerIn('ru', column.header)]).not.toEqual([column.header, column.header]);
        expect(headerIn('zh', column.header)).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('knows its own header in every language, and nothing else', () => {
    expect(isOwnHeader('Статус', 'Status')).toBe(true);
    expect(isOwnHeader(' 状态 ', 'Status')).toBe(true);
    expect(isOwnHeader('status', 'Status')).toBe(true);
    expect(isOwnHeader('Мой статус', 'Status')).toBe(false);
  });

  const spec: TableSpec = {
    tab: 'T',
    key: 'id',
    columns: [
      { key: 'id', header: 'Posting number', kind: 'id', role: 'sync' },
      { key: 'status', header: 'Status', kind: 'text', role: 'sync' },
      { key: 'note', header: 'Note', kind: 'text', role: 'seller' },
    ],
  };
  const snapshot = (header: string[], lang?: 'en' | 'ru' | 'zh'): TabSnapshot => ({
    spec,
    sheetId: 7,
    exists: true,
    rowCount: 10,
    columnCount: header.length,
    values: [header, ['1-1', 'x', 'mine']],
    metadata: new Map(header.slice(0, 3).map((_, i) => [i, spec.columns[i].key] as [number, string])),
    ...(lang ? { lang } : {}),
  });
  const written = (requests: unknown[]) =>
    requests.flatMap((r) => {
      const cells = (
        r as {
          updateCells?: {
            start: { columnIndex: number };
            rows: { values: { userEnteredValue: { stringValue: string } }[] }[];
          };
        }
      ).updateCells;
      return cells ? [[cells.start.columnIndex, cells.rows[0].values[0].userEnteredValue.stringValue]] : [];
    });

  it('relabels its own headers on a language change, never a renamed one nor the seller’s column', () => {
    const prepared = prepareTab(snapshot(['Posting number', 'Status', 'My notes', 'Seller col'], 'ru'));
    expect(written(prepared.setup)).toEqual([
      [0, 'Номер отправления'],
      [1, 'Статус'],
    ]);
    applySetup(prepared);
    expect(prepared.snapshot.values[0]).toEqual(['Номер отправления', 'Статус', 'My notes', 'Seller col']);
    // From Russian to Chinese, and nothing when the headers already read in the language.
    expect(written(prepareTab(snapshot(['Номер отправления', 'Статус', 'Заметка'], 'zh')).setup)).toEqual([
      [0, '货件号'],
      [1, '状态'],
      [2, '备注'],
    ]);
    expect(prepareTab(snapshot(['货件号', '状态', '备注'], 'zh')).setup).toEqual([]);
  });

  it('leaves headers alone when the language is not known (no relabel to English by default)', () => {
    expect(prepareTab(snapshot(['Номер отправления', 'Статус', 'Заметка'])).setup).toEqual([]);
  });

  it('writes a new tab’s headers in the seller’s language', () => {
    const fresh: TabSnapshot = { ...snapshot([], 'zh'), exists: false, values: [], metadata: new Map() };
    const prepared = prepareTab(fresh);
    const text = JSON.stringify(prepared.setup);
    expect(text).toContain('货件号');
    expect(text).not.toContain('Posting number');
  });
});
