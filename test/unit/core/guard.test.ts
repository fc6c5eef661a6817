// Re-identifying rows after a write: which rows took cells meant for others, and which vanished.
import { checkWrite, keysOf } from '../../../src/core/table/guard';

describe('checkWrite', () => {
  const before = keysOf([['Posting'], ['A'], ['B'], ['C']], 0);

  test('nothing moved: nothing to repair', () => {
    const runs = [{ row: 1, col: 3, values: ['x'] }];
    expect(checkWrite(before, before, runs)).toEqual({ dirty: new Set(), missing: new Set() });
  });

  test('a sort between read and write: the planned row and the row that took its cells are dirty', () => {
    const after = keysOf([['Posting'], ['C'], ['B'], ['A']], 0);
    const runs = [{ row: 1, col: 3, values: ['x'] }];
    expect(checkWrite(before, after, runs).dirty).toEqual(new Set(['A', 'C']));
  });

  test('a deleted row is missing unless the plan meant to remove it', () => {
    const after = keysOf([['Posting'], ['A'], ['C']], 0);
    expect(checkWrite(before, after, []).missing).toEqual(new Set(['B']));
    expect(checkWrite(before, after, [], new Set(['B'])).missing).toEqual(new Set());
  });

  test('appended rows are not checked by position', () => {
    const after = keysOf([['Posting'], ['A'], ['B'], ['C'], ['D']], 0);
    expect(checkWrite(before, after, [{ row: 4, col: 0, values: ['D'], fresh: true }]).dirty.size).toBe(0);
  });
});
