// Rows written in one language are rewritten in another from their hidden codes, or when they read
// as one of a phrase book's phrases; the seller's own text is left alone.
import { messageBook } from '../../../src/core/i18n/relabel';
import { t } from '../../../src/core/i18n/messages';
import { handoverStatusText } from '../../../src/core/handover/status';
import { relabelRows, type Relabel } from '../../../src/core/table/relabel';

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
  expect(relabelRows(values, positions, 'id', relabels, 'zh', new Set(['1']))).toEqual([
    { id: '2', status: handoverStatusText('zh', 'new') },
    { id: '3', kind: t('zh', 'handover.kind.carriage') },
  ]);
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
