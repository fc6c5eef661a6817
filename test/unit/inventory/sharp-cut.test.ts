import { cutToken, isSharp, sharpCut, type StockChange } from '../../../src/core/inventory/sharp-cut';

const change = (key: string, from: number | null, to: number): StockChange => ({
  key,
  offerId: key,
  warehouse: 'Main',
  from,
  to,
});

describe('a sharp stock cut', () => {
  it('is a cut to half or less by at least five units, from a known figure', () => {
    expect(isSharp(change('a', 40, 0))).toBe(true);
    expect(isSharp(change('a', 10, 5))).toBe(true);
    expect(isSharp(change('a', 10, 6))).toBe(false); // less than half gone
    expect(isSharp(change('a', 4, 0))).toBe(false); // the last few units sold
    expect(isSharp(change('a', 9, 4))).toBe(true);
    expect(isSharp(change('a', null, 0))).toBe(false); // nothing known at Ozon
    expect(isSharp(change('a', 0, 0))).toBe(false);
    expect(isSharp(change('a', 5, 50))).toBe(false);
  });

  it('needs confirmation for five pairs, or for a fifth of a small shop (two at least)', () => {
    const cuts = (n: number) => Array.from({ length: n }, (_, i) => change(`o${i}`, 20, 0));
    const calm = (n: number) => Array.from({ length: n }, (_, i) => change(`c${i}`, 20, 19));
    expect(sharpCut([...cuts(4), ...calm(96)], 100)).toBeNull();
    expect(sharpCut([...cuts(5), ...calm(995)], 1000)?.cuts).toHaveLength(5);
    expect(sharpCut(cuts(2), 10)?.cuts).toHaveLength(2);
    expect(sharpCut(cuts(1), 3)).toBeNull();
    expect(sharpCut(cuts(2), 11)).toBeNull();
    // The share counts the pairs a full push covers, not only the ones that changed.
    expect(sharpCut(cuts(3), 20)).toBeNull();
    expect(sharpCut(cuts(3), 15)?.cuts).toHaveLength(3);
  });

  it('lists the largest drops first and names the very cut in its token', () => {
    const found = sharpCut([change('a', 10, 0), change('b', 50, 0), change('c', 30, 2)], 3);
    expect(found?.cuts.map((c) => c.key)).toEqual(['b', 'c', 'a']);
    expect(found?.pairs).toBe(3);
    expect(found?.token).toBe(cutToken([change('c', 30, 2), change('a', 10, 0), change('b', 50, 0)]));
    expect(found?.token).toMatch(/^[0-9a-z]{1,8}-[0-9a-z]{1,8}$/);
    expect(cutToken([change('a', 10, 0), change('b', 50, 0), change('c', 30, 1)])).not.toBe(found?.token);
    expect(cutToken([change('a', 10, 0), change('b', 50, 0)])).not.toBe(found?.token);
  });
});
