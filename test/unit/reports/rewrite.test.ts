import { AppError } from '../../../src/core/errors';
import { rewriteTabs } from '../../../src/core/reports/rewrite';
import type { SheetsRequest } from '../../../src/core/table/requests';

// The extent is a row count; the plan writes `rows: n` and fits when the tab holds 5 rows.
function world(answers: (number | Error)[], reads: number[]) {
  const log: string[] = [];
  return {
    log,
    ports: {
      read: () => {
        const n = reads.shift() ?? 5;
        log.push(`read ${n}`);
        return n;
      },
      write: (requests: SheetsRequest[]) => {
        const answer = answers.shift() ?? 1;
        log.push(`write from ${String((requests[0] as { from: number }).from)}`);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
    plan: (extent: number) => ({
      requests: [{ from: extent } as SheetsRequest],
      fits: (after: number) => after === 5,
    }),
  };
}

describe('rewriteTabs', () => {
  it('writes once from the extent read right before, and reads nothing after a one-call write', () => {
    const w = world([1], [7]);
    expect(rewriteTabs(w.ports, w.plan)).toBe(1);
    expect(w.log).toEqual(['read 7', 'write from 7']);
  });

  it('plans again from a fresh read when the grid refuses the write', () => {
    const w = world([new Error('Those rows are out of bounds.'), 1], [7, 6]);
    expect(rewriteTabs(w.ports, w.plan, 8)).toBe(1);
    expect(w.log).toEqual(['write from 8', 'read 7', 'write from 7']);
  });

  it("passes the add-on's own refusals on without trying again", () => {
    const w = world([new AppError('sheets.quota', 'error.sheets.quota')], []);
    expect(() => rewriteTabs(w.ports, w.plan, 3)).toThrow(AppError);
    expect(w.log).toEqual(['write from 3']);
  });

  it('reads again after a write of several calls and plans again when a tab is not as written', () => {
    const w = world([3, 2], [4, 5]);
    expect(rewriteTabs(w.ports, w.plan, 9)).toBe(5);
    expect(w.log).toEqual(['write from 9', 'read 4', 'write from 4', 'read 5']);
  });

  it('gives up after four refusals with the last error', () => {
    const w = world(
      [1, 2, 3, 4].map((n) => new Error(`refused ${n}`)),
      [],
    );
    expect(() => rewriteTabs(w.ports, w.plan, 1)).toThrow('refused 4');
  });
});
