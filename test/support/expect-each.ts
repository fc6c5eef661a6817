// One expectation over a whole list instead of one `expect` per item. Each `expect()` call builds its
// matchers anew and captures a stack (about 0.1 ms of CPU); with thousands of items that costs more
// than the checks themselves. The check is the same: item by item, with jest's equality, in order,
// and the same number of items; a failure lists the differing items.

type Pair = [actual: unknown, expected: unknown];

function pairs<T>(items: Iterable<T>, check: (item: T) => Pair | undefined): [unknown[], unknown[]] {
  const actual: unknown[] = [];
  const expected: unknown[] = [];
  for (const item of items) {
    const pair = check(item);
    if (!pair) continue;
    actual.push(pair[0]);
    expected.push(pair[1]);
  }
  return [actual, expected];
}

/** `expect(a).toEqual(e)` for every item's `[a, e]` (an item whose check gives undefined is skipped). */
export function expectEachEqual<T>(items: Iterable<T>, check: (item: T) => Pair | undefined): void {
  const [actual, expected] = pairs(items, check);
  expect(actual).toEqual(expected);
}

/** `expect(a).toMatchObject(e)` for every item's `[a, e]` (an item whose check gives undefined is skipped). */
export function expectEachToMatch<T>(items: Iterable<T>, check: (item: T) => Pair | undefined): void {
  const [actual, expected] = pairs(items, check) as [object[], object[]];
  expect(actual).toMatchObject(expected);
}
