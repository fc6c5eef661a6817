import {
  collect,
  inWindow,
  MAX_PERIOD_MS,
  nextCursor,
  nextLastId,
  splitWindows,
} from '../../../src/ozon/paging';
import { FakeClock } from './support';

describe('splitWindows', () => {
  it('cuts a period into contiguous windows that share their boundaries', () => {
    const w = splitWindows('2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', 4);
    expect(w).toHaveLength(4);
    expect(w[0].from).toBe('2026-01-01T00:00:00.000Z');
    expect(w[3].to).toBe('2026-03-01T00:00:00.000Z');
    for (let k = 1; k < w.length; k++) expect(w[k].from).toBe(w[k - 1].to);
    expect(w.every((x) => x.cursor === '' && !x.done && x.pages === 0)).toBe(true);
  });

  it('never makes a window longer than a year', () => {
    const w = splitWindows('2023-01-01T00:00:00Z', '2026-06-01T00:00:00Z', 2);
    expect(w.length).toBeGreaterThanOrEqual(4);
    for (const x of w) expect(Date.parse(x.to) - Date.parse(x.from)).toBeLessThanOrEqual(MAX_PERIOD_MS);
  });

  it('gives an empty period one finished window', () => {
    const w = splitWindows('2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z', 3);
    expect(w).toHaveLength(1);
    expect(w[0].done).toBe(true);
  });

  it('assigns a boundary instant to exactly one window', () => {
    const w = splitWindows('2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z', 2);
    const boundary = w[0].to;
    expect([inWindow(boundary, w[0], false), inWindow(boundary, w[1], true)]).toEqual([false, true]);
    expect(inWindow(w[1].to, w[1], true)).toBe(true);
    expect(inWindow(w[0].from, w[0], false)).toBe(true);
  });
});

describe('paging styles', () => {
  it('cursor + has_next', () => {
    expect(nextCursor({ cursor: 'abc', has_next: true }, 100)).toBe('abc');
    expect(nextCursor({ cursor: 'abc', has_next: false }, 100)).toBeNull();
    expect(nextCursor({ cursor: '', has_next: true }, 100)).toBeNull();
    expect(nextCursor({ cursor: 'abc' }, 0)).toBeNull();
  });

  it('last_id', () => {
    expect(nextLastId('x', 1000, 1000)).toBe('x');
    expect(nextLastId('x', 10, 1000)).toBeNull();
    expect(nextLastId(55, 10, 1000, true)).toBe(55);
    expect(nextLastId('', 1000, 1000)).toBeNull();
  });

  it('collect stops at the deadline and says where to resume', () => {
    const clock = new FakeClock(0);
    const fetch = (page: number) => {
      clock.advance(1000);
      return { items: [page], next: page + 1 };
    };
    const r = collect(0, fetch, { clock, deadline: 3500 });
    expect(r.items).toEqual([0, 1, 2, 3]);
    expect(r).toMatchObject({ next: 4, done: false, pages: 4 });
    const all = collect(0, (p: number) => ({ items: [p], next: p < 2 ? p + 1 : null }), { clock });
    expect(all).toMatchObject({ items: [0, 1, 2], next: null, done: true });
  });
});
