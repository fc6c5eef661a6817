// Ozon's rating codes and role names in the seller's words, Ozon's own name kept for what the add-on
// does not know. The role names are those /v1/roles sends: Ozon's example and the simulator's roles.
import example from '../../../simulator/spec/examples/v1_roles.miilv.json';
import { ROLE_METHODS } from '../../../simulator/routes';
import { LANGS } from '../../../src/core/i18n/messages';
import { ratingGroupText, ratingNameText, roleText } from '../../../src/core/i18n/ozon-names';

const SCRIPT = { en: /^[A-Za-z ]+$/, ru: /^[\u0400-\u04ff A-Z]+$/, zh: /^[\u3400-\u9fff A-Z]+$/ } as const;

describe.each(LANGS.map((l) => [l]))('in %s', (lang) => {
  test('every role Ozon names has words of the language; an unknown role keeps Ozon’s name', () => {
    const names = new Set([
      ...Object.keys(ROLE_METHODS),
      ...example.response_200_example.roles.map((r) => r.name),
    ]);
    for (const name of names) {
      const words = roleText(lang, name);
      expect({ name, words, script: SCRIPT[lang].test(words) }).toEqual({ name, words, script: true });
      if (lang !== 'en') expect({ name, words }).not.toEqual({ name, words: name });
    }
    expect(roleText(lang, 'Logistics partner')).toBe('Logistics partner');
  });

  test('an unknown rating code keeps the name and group Ozon sent', () => {
    expect(ratingNameText(lang, 'rating_new_metric', 'Новая метрика')).toBe('Новая метрика');
    expect(ratingNameText(lang, 'rating_new_metric')).toBe('rating_new_metric');
    expect(ratingGroupText(lang, 'rating_new_metric', 'Прочее')).toBe('Прочее');
    expect(ratingNameText(lang, 'rating_on_time', 'Shipped on time')).not.toBe('Shipped on time');
  });
});
