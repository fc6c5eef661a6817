// Plural forms in messages and zod's own validation messages in the seller's language.
import { z } from 'zod';
import { t } from '../../../src/core/i18n/messages';
import { inputError } from '../../../src/app/handler';
import { useZodLanguage } from '../../../src/shared/zod-language';

afterAll(() => useZodLanguage('en'));

test('English counts take the singular for one and the plural otherwise', () => {
  expect(t('en', 'desk.selected', { count: 1 })).toBe('1 order selected');
  expect(t('en', 'desk.selected', { count: 3 })).toBe('3 orders selected');
  expect(t('en', 'service.sync.done', { returns: 0, chats: 1, cancellations: 2 })).toBe(
    'Returns & messages are up to date: 0 returns, 1 chat, 2 cancellation requests read.',
  );
});

test('a schema refusal from zod itself is described in the chosen language, without English', () => {
  const schema = z.object({ postings: z.array(z.string()).min(1) }).strict();
  const texts = (['en', 'ru', 'zh'] as const).map((lang) => {
    useZodLanguage(lang);
    const parsed = schema.safeParse('x');
    if (parsed.success) throw new Error('expected a refusal');
    const answer = inputError(parsed.error.issues[0], lang);
    return answer.ok ? '' : answer.error.message;
  });
  expect(texts[0]).toMatch(/^The request was not understood: Invalid input/);
  expect(texts[1]).toMatch(/^Запрос не распознан: Неверный ввод/);
  expect(texts[1]).not.toMatch(/Invalid|expected|input/);
  expect(texts[2]).toMatch(/^无法识别请求：无效输入/);
});
