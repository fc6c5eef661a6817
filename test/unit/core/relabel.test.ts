// Rows written in one language are rewritten in another from their hidden codes, or when they read
// as one of a phrase book's phrases; the seller's own text is left alone.
import { messageBook } from '../../../src/core/i18n/relabel';
import { t } from '../../../src/core/i18n/messages';
import { handoverStatusText } from '../../../src/core/handover/status';
import { relabelOnly, relabelRows, type Relabel } from '../../../src/core/table/relabel';
import type { TableSpec } from '../../../src/core/table/spec';

const relabels: Relabel[] = [
  { column: 'status', code: 'status_code', words: handoverStatusText },
  { column: 'kind', book: messageBook(['handover.kind.carriage', 'handover.kind.act']) },
];
const positions = new Map([
  ['id', 0],
  ['status', 1],
  ['kind', 2],
  ['status_code', 3],
]);

test('rows in another language are rewritten from their codes and phrases; the seller’s text stays', () => {
  const values = [
    ['Act / shipping', 'Status', 'Kind', 'Status code'],
    ['1', handoverStatusText('en', 'formed'), t('en', 'handover.kind.act'), 'formed'],
    ['2', handoverStatusText('ru', 'new'), 'my own note', 'new'],
    ['3', 'typed by the seller', t('ru', 'handover.kind.carriage'), ''],
    ['4', handoverStatusText('zh', 'sent'), t('zh', 'handover.kind.act'), 'sent'],
    ['', handoverStatusText('en', 'sent'), '', 'sent'],
  ];
  // Row 1 is written afresh with its status in Chinese: only the kind it does not carry is relabelled.
  const fresh = new Map([['1', { id: '1', status: handoverStatusText('zh', 'formed') }]]);
  expect(relabelRows(values, positions, 'id', relabels, 'zh', fresh)).toEqual([
    { id: '1', kind: t('zh', 'handover.kind.act') },
    { id: '2', status: handoverStatusText('zh', 'new') },
    { id: '3', kind: t('zh', 'handover.kind.carriage') },
  ]);
  // A fresh row carrying every relabelled column is left to the caller.
  const whole = new Map([['2', { id: '2', status: 'x', kind: 'y' }]]);
  expect(relabelRows(values, positions, 'id', relabels, 'zh', whole).map((r) => r.id)).toEqual(['1', '3']);
  expect(relabelRows(values, positions, 'id', relabels, 'en')).toEqual([
    { id: '2', status: handoverStatusText('en', 'new') },
    { id: '3', kind: t('en', 'handover.kind.carriage') },
    { id: '4', status: handoverStatusText('en', 'sent'), kind: t('en', 'handover.kind.act') },
  ]);
});

test('a code without words leaves its cell as the sync wrote it', () => {
  const values = [
    ['id', 'status', 'kind', 'status_code'],
    ['9', 'Ozon’s own words', '', 'SomethingNew'],
  ];
  const unknownLeft: Relabel[] = [{ column: 'status', code: 'status_code', words: () => null }];
  expect(relabelRows(values, positions, 'id', unknownLeft, 'ru')).toEqual([]);
});

test('a tab without its key column, or without a relabelled column, is left alone', () => {
  const values = [
    ['id', 'status'],
    ['1', handoverStatusText('ru', 'new')],
  ];
  expect(relabelRows(values, new Map([['status', 1]]), 'id', relabels, 'en')).toEqual([]);
  // Only the status column is placed: the kind (not in the tab) is skipped, the status still rewritten
  // only when its code column is there too.
  expect(
    relabelRows(
      values,
      new Map([
        ['id', 0],
        ['status', 1],
      ]),
      'id',
      relabels,
      'en',
    ),
  ).toEqual([]);
  const withCode = [
    ['id', 'status', 'status_code'],
    ['1', handoverStatusText('ru', 'new'), 'new'],
  ];
  const placed = new Map([
    ['id', 0],
    ['status', 1],
    ['status_code', 2],
  ]);
  expect(relabelRows(withCode, placed, 'id', relabels, 'en')).toEqual([
    { id: '1', status: handoverStatusText('en', 'new') },
  ]);
});

const spec: TableSpec = {
  tab: 'T',
  key: 'id',
  columns: [
    { key: 'id', header: 'Id', kind: 'id', role: 'sync' },
    { key: 'status', header: 'Status', kind: 'text', role: 'sync' },
    { key: 'kind', header: 'Kind', kind: 'text', role: 'sync' },
    { key: 'status_code', header: 'Status code', kind: 'text', role: 'sync' },
    { key: 'count', header: 'Count', kind: 'int', role: 'sync' },
    { key: 'note', header: 'Note', kind: 'text', role: 'seller' },
  ],
};
const placedAll = new Map(spec.columns.map((c, i) => [c.key, i]));

test('a record sent again that differs only in the language of its words is relabelled, not updated', () => {
  const values = [
    ['Id', 'Status', 'Kind', 'Status code', 'Count', 'Note'],
    ['1', handoverStatusText('ru', 'new'), t('ru', 'handover.kind.act'), 'new', 3, 'seller’s own'],
    ['2', handoverStatusText('ru', 'new'), t('ru', 'handover.kind.act'), 'new', 3, ''],
    ['3', handoverStatusText('ru', 'new'), t('ru', 'handover.kind.act'), 'new', 3, ''],
    ['4', handoverStatusText('zh', 'sent'), t('zh', 'handover.kind.act'), 'sent', 1, ''],
    ['5', handoverStatusText('ru', 'new'), t('ru', 'handover.kind.act'), 'new', 3, ''],
  ];
  const fresh = (id: string, code: string, count: number) => ({
    id,
    status: handoverStatusText('zh', code),
    kind: t('zh', 'handover.kind.act'),
    status_code: code,
    count,
  });
  const incoming = new Map([
    ['1', fresh('1', 'new', 3)], // the same record in Chinese; the seller's note is not the sync's
    ['2', fresh('2', 'sent', 3)], // its status changed at Ozon
    ['3', fresh('3', 'new', 4)], // a count changed
    ['4', fresh('4', 'sent', 1)], // already in Chinese: nothing to relabel, nothing to update
    ['9', fresh('9', 'new', 1)], // not in the tab
  ]);
  expect([...relabelOnly(spec, values, placedAll, relabels, 'zh', incoming)]).toEqual(['1']);
  // A row whose words are in the old language but whose incoming words are not the new ones (the
  // seller's or Ozon's own text) is a real change.
  const odd = new Map([['5', { ...fresh('5', 'new', 3), kind: 'something else' }]]);
  expect([...relabelOnly(spec, values, placedAll, relabels, 'zh', odd)]).toEqual([]);
});
