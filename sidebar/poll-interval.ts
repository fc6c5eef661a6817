// How often the desk reads the sheet's selection: every 2 s in Apps Script. A page that hosts the
// sidebar itself (the workbench, and through it the browser tests) may set window.ODESK_DESK_POLL_MS
// before the sidebar's script runs. Apps Script's sidebar never has it, and anything but a whole
// number of milliseconds from 50 to 60,000 keeps the 2 s.
export const DESK_POLL_MS = 2000;

type Host = { ODESK_DESK_POLL_MS?: unknown };

export function deskPollMs(host: Host = window as unknown as Host): number {
  const ms = host.ODESK_DESK_POLL_MS;
  return typeof ms === 'number' && Number.isInteger(ms) && ms >= 50 && ms <= 60_000 ? ms : DESK_POLL_MS;
}
