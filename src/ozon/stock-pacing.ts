// Ozon lets a product/warehouse stock pair change at most once per 30 s. The pacer remembers, for one
// execution, when each pair was last sent, and sends items in waves: each wave holds the items whose
// pair is out of cooldown; between waves it sleeps, but never past the deadline.
import type { ClockPort } from './ports';

export const STOCK_PAIR_COOLDOWN_MS = 30_000;

export class PairPacer {
  private readonly sentAt = new Map<string, number>();

  constructor(
    private readonly clock: ClockPort,
    private readonly deadline = Infinity,
    private readonly cooldownMs = STOCK_PAIR_COOLDOWN_MS,
  ) {}

  /** Sends every item through `send` as soon as its pair allows; returns the items left waiting at the deadline. */
  pace<T>(items: readonly T[], key: (item: T) => string, send: (ready: T[]) => void): T[] {
    let waiting = [...items];
    while (waiting.length) {
      const now = this.clock.now();
      const readyAt = (item: T) => (this.sentAt.get(key(item)) ?? -Infinity) + this.cooldownMs;
      const ready = waiting.filter((item) => readyAt(item) <= now);
      if (!ready.length) {
        const soonest = Math.min(...waiting.map(readyAt));
        if (soonest > this.deadline) return waiting;
        this.clock.sleep(soonest - now);
        continue;
      }
      waiting = waiting.filter((item) => readyAt(item) > now);
      send(ready);
      const sentAt = this.clock.now();
      for (const item of ready) this.sentAt.set(key(item), sentAt);
    }
    return [];
  }
}
