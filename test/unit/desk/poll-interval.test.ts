// The desk's selection poll: 2 s in Apps Script, shorter only where a hosting page (the workbench)
// writes window.ODESK_DESK_POLL_MS before the sidebar's own scripts.
import { DESK_POLL_MS, deskPollMs } from '../../../sidebar/poll-interval';
import { injectShim } from '../../../workbench/app';

describe('desk poll interval', () => {
  it("is the add-on's 2 s unless the host page sets a sane whole number of ms", () => {
    expect(DESK_POLL_MS).toBe(2000);
    expect(deskPollMs({})).toBe(2000);
    expect(deskPollMs({ ODESK_DESK_POLL_MS: 250 })).toBe(250);
    for (const odd of ['250', 0, 10, 12.5, -1, 600_000, NaN, null, { ms: 1 }])
      expect(deskPollMs({ ODESK_DESK_POLL_MS: odd })).toBe(2000);
  });

  it('the workbench writes it into the sidebar page before the sidebar script, and only when asked', () => {
    const sidebar =
      '<!DOCTYPE html><html><head><base target="_top"></head><body><script>app()</script></body></html>';
    const fast = injectShim(sidebar, 'shim()', 'sidebar', { deskPollMs: 250 });
    const at = fast.indexOf('window.ODESK_DESK_POLL_MS=250;');
    expect(at).toBeGreaterThan(fast.indexOf('<head>'));
    expect(at).toBeLessThan(fast.indexOf('<script>app()'));
    expect(injectShim(sidebar, 'shim()')).not.toContain('ODESK_DESK_POLL_MS');
  });
});
