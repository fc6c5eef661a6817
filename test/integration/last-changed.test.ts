// Orders' "Last changed" over a day of hourly syncs: every status change a sync lands is stamped with
// that sync's time, and a posting whose status did not change keeps its stamp.
import { demoShop, tabRecords, type Runtime } from '../support/shop';

const HOUR = 3_600_000;

function rows(rt: Runtime) {
  const map = new Map<string, { status: string; changed: number | null }>();
  for (const row of tabRecords(rt, 'Orders')) {
    const at = row['Last changed'];
    map.set(String(row['Posting number']), {
      status: String(row['Status code']),
      changed: at instanceof Date ? at.getTime() : null,
    });
  }
  return map;
}

describe('Orders: Last changed', () => {
  test('24 hourly syncs: every status change is stamped by the sync that landed it', () => {
    const { rt, sim } = demoShop({ postings: 200 });
    rt.run('syncOrders');
    let before = rows(rt);
    const missed: string[] = [];
    let changes = 0;
    for (let hour = 0; hour < 24; hour++) {
      rt.clock.advance(HOUR);
      const startedAt = rt.clock.now();
      expect(rt.run<{ data: { result: string } }>('syncOrders').data.result).toBe('done');
      const after = rows(rt);
      for (const [number, row] of after) {
        const was = before.get(number);
        if (!was) continue;
        if (was.status !== row.status) {
          changes++;
          // Stamped by this sync: not earlier than the sync began (the sheet keeps whole seconds).
          if (row.changed === null || row.changed < startedAt - 1000)
            missed.push(`${number} ${was.status}→${row.status} at hour ${hour}`);
        } else expect([number, row.changed]).toEqual([number, was.changed]);
      }
      // The sheet's status is Ozon's for every posting whose change happened before the sync began.
      for (const p of sim.state.postings.values()) {
        if (p.lastChangedStatusDate <= startedAt && after.has(p.postingNumber))
          expect([p.postingNumber, after.get(p.postingNumber)?.status]).toEqual([p.postingNumber, p.status]);
      }
      before = after;
    }
    expect(changes).toBeGreaterThan(10);
    expect(missed).toEqual([]);
  });
});
