// Client-side pacing on the injected clock: at most `max` requests in any `windowMs`, overall and per
// method. A fetchAll batch of N requests counts N at the moment it is sent.
export interface Limit {
  max: number;
  windowMs: number;
}

class Window {
  private readonly times: number[] = [];
  constructor(readonly limit: Limit) {}

  /** The earliest moment `count` more requests fit. */
  earliest(now: number, count: number): number {
    this.prune(now);
    const allowedExisting = this.limit.max - count;
    if (this.times.length <= allowedExisting) return now;
    const blocking = this.times[this.times.length - allowedExisting - 1];
    return Math.max(now, blocking + this.limit.windowMs);
  }

  record(at: number, count: number): void {
    for (let k = 0; k < count; k++) this.times.push(at);
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.times.length && this.times[drop] <= now - this.limit.windowMs) drop++;
    if (drop) this.times.splice(0, drop);
  }
}

export class RateLimiter {
  private readonly overall: Window;
  private readonly perPath = new Map<string, Window>();

  constructor(
    readonly overallLimit: Limit,
    readonly pathLimits: Record<string, Limit>,
  ) {
    this.overall = new Window(overallLimit);
    for (const [path, limit] of Object.entries(pathLimits)) this.perPath.set(path, new Window(limit));
  }

  /** The largest batch the limits allow to go out together. */
  maxBatch(path: string): number {
    const own = this.perPath.get(path);
    return own ? Math.min(own.limit.max, this.overallLimit.max) : this.overallLimit.max;
  }

  /** When a batch with these paths may be sent (≥ now). */
  earliest(now: number, paths: readonly string[]): number {
    let at = this.overall.earliest(now, paths.length);
    const counts = new Map<string, number>();
    for (const p of paths) counts.set(p, (counts.get(p) ?? 0) + 1);
    for (const [path, count] of counts) {
      const w = this.perPath.get(path);
      if (w) at = Math.max(at, w.earliest(now, count));
    }
    return at;
  }

  record(at: number, paths: readonly string[]): void {
    this.overall.record(at, paths.length);
    for (const p of paths) this.perPath.get(p)?.record(at, 1);
  }
}
