// The sidebar's date field reads and writes days in the chosen language's order, not the browser's.
import { formatDay, parseDay } from '../../../sidebar/date-input';

test('a day is written in each language’s numeric order', () => {
  expect(formatDay('2026-11-05', 'en')).toBe('05/11/2026');
  expect(formatDay('2026-11-05', 'ru')).toBe('05.11.2026');
  expect(formatDay('2026-11-05', 'zh')).toBe('2026/11/05');
  expect(formatDay('', 'ru')).toBe('');
});

test('what the seller types is read back in that order, ISO and other separators too', () => {
  expect(parseDay('05/11/2026', 'en')).toBe('2026-11-05');
  expect(parseDay('5.11.2026', 'ru')).toBe('2026-11-05');
  expect(parseDay('2026/11/5', 'zh')).toBe('2026-11-05');
  expect(parseDay('2026年11月5日', 'zh')).toBe('2026-11-05');
  expect(parseDay('2026-11-05', 'ru')).toBe('2026-11-05');
  expect(parseDay(' 05-11-2026 ', 'en')).toBe('2026-11-05');
  for (const lang of ['en', 'ru', 'zh'] as const)
    expect(parseDay(formatDay('2027-02-28', lang), lang)).toBe('2027-02-28');
});

test('text that is no calendar day comes back as typed, for the schema to refuse', () => {
  expect(parseDay('31/02/2026', 'en')).toBe('31/02/2026');
  expect(parseDay('tomorrow', 'en')).toBe('tomorrow');
  expect(parseDay('1/2/26', 'ru')).toBe('1/2/26');
  expect(parseDay('', 'zh')).toBe('');
});
