// One rule for amounts and times wherever the seller reads them: amounts as the grid draws the money
// columns' number format in the spreadsheet's locale, times in the spreadsheet's zone with the zone said.
import { amountText, localeTag, moneyText, MONEY_PATTERN } from '../../../src/core/format/money';
import { shownIso, shownTime, zoneLabel } from '../../../src/core/format/time';
import { numberFormat } from '../../../src/core/table/spec';
import { fixedOffset } from '../../../src/core/time/serial';

describe('amounts', () => {
  it('money columns carry the one money pattern', () => {
    expect(numberFormat('money')).toEqual({ type: 'NUMBER', pattern: MONEY_PATTERN });
  });

  it('use the separators of the spreadsheet locale, two decimals, the currency after', () => {
    expect(moneyText(3582, 'RUB', 'ru_RU')).toBe('3\u00a0582,00 RUB');
    expect(moneyText(3582, 'RUB', 'en_US')).toBe('3,582.00 RUB');
    expect(moneyText(1234567.5, 'CNY', 'zh_CN')).toBe('1,234,567.50 CNY');
    expect(moneyText(-0.5, 'RUB', 'ru_RU')).toBe('-0,50 RUB');
    expect(moneyText(12.345, '', 'en_US')).toBe('12.35');
    expect(amountText(0, 'ru_RU')).toBe('0,00');
  });

  it('reads an unknown or empty locale as en-US', () => {
    expect(localeTag('ru_RU')).toBe('ru-RU');
    expect(localeTag('')).toBe('en-US');
    expect(localeTag(null)).toBe('en-US');
    expect(localeTag('not a locale!')).toBe('en-US');
    expect(moneyText(1000, 'RUB', undefined)).toBe('1,000.00 RUB');
  });
});

describe('times', () => {
  const at = Date.parse('2026-11-01T11:00:00Z'); // 14:00 in Moscow, 19:00 in Shanghai

  it('in Moscow time: the time and MSK in the seller’s language', () => {
    expect(shownTime('en', at, fixedOffset(180))).toBe('2026-11-01 14:00 MSK');
    expect(shownTime('ru', at, fixedOffset(180))).toBe('2026-11-01 14:00 МСК');
    expect(shownTime('zh', at, fixedOffset(180))).toBe('2026-11-01 14:00 莫斯科时间');
  });

  it('in another zone: the spreadsheet’s time and zone, and the Moscow time beside it', () => {
    expect(shownTime('en', at, fixedOffset(480))).toBe('2026-11-01 19:00 UTC+8 (14:00 MSK)');
    // 20:30 UTC is already the 2nd in Shanghai, still the 1st in Moscow.
    expect(shownTime('ru', Date.parse('2026-11-01T20:30:00Z'), fixedOffset(480))).toBe(
      '2026-11-02 04:30 UTC+8 (2026-11-01 23:30 МСК)',
    );
    expect(shownTime('en', at, fixedOffset(-300))).toBe('2026-11-01 06:00 UTC-5 (14:00 MSK)');
    expect(shownTime('en', at, fixedOffset(330))).toBe('2026-11-01 16:30 UTC+5:30 (14:00 MSK)');
  });

  it('nothing for no instant', () => {
    expect(shownTime('en', null, fixedOffset(180))).toBe('');
    expect(shownIso('en', null, fixedOffset(180))).toBe('');
    expect(shownIso('en', 'garbage', fixedOffset(180))).toBe('');
    expect(shownIso('en', '2026-11-01T11:00:00.000Z', fixedOffset(180))).toBe('2026-11-01 14:00 MSK');
  });

  it('the grid’s time columns name the zone as the sidebar does; a summer-time zone none', () => {
    expect(zoneLabel('en', fixedOffset(180), at)).toBe('MSK');
    expect(zoneLabel('ru', fixedOffset(180), at)).toBe('МСК');
    expect(zoneLabel('zh', fixedOffset(180), at)).toBe('莫斯科时间');
    expect(zoneLabel('zh', fixedOffset(480), at)).toBe('UTC+8');
    // Berlin: +1 in winter, +2 in summer; a number format cannot follow that.
    const berlin = (ms: number) =>
      new Date(ms).getUTCMonth() >= 3 && new Date(ms).getUTCMonth() <= 9 ? 120 : 60;
    expect(zoneLabel('en', berlin, at)).toBe('');
    expect(numberFormat('datetime', 'МСК')).toEqual({ type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm "МСК"' });
    expect(numberFormat('datetime', '')).toEqual({ type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm' });
    expect(numberFormat('date', 'МСК')).toEqual({ type: 'DATE', pattern: 'yyyy-mm-dd' });
  });
});
