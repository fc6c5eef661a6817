// Google's limits on advanced Sheets service calls, in front of the modeled service: request bodies
// over the API front end's limit are refused (400), and the Sheets API's per-minute read and write
// quotas, per user and per Cloud project, answer 429 as Google does. Also records what the bench
// prints: the largest body sent and the busiest minute.
import type { Engine } from './execution';
import { LIMITS } from './limits';

export type QuotaKind = 'read' | 'write';

/** One Cloud project's per-minute use, shared by every user (runtime) of the add-on. */
export class SheetsProject {
  private minutes = new Map<number, { read: number; write: number }>();
  /** Requests per minute that other installations of the add-on spend (modeled load). */
  otherUsers = { read: 0, write: 0 };
  used(minute: number, kind: QuotaKind): number {
    return (this.minutes.get(minute)?.[kind] ?? 0) + this.otherUsers[kind];
  }
  add(minute: number, kind: QuotaKind): void {
    const m = this.minutes.get(minute) ?? { read: 0, write: 0 };
    m[kind]++;
    this.minutes.set(minute, m);
    for (const k of this.minutes.keys()) if (k < minute - 2) this.minutes.delete(k);
  }
}

export interface SheetsApiStats {
  /** Largest request body sent (bytes of its JSON), and by which method. */
  maxBodyBytes: number;
  maxBodyMethod: string;
  /** The busiest minute of this user: requests of each kind and in all. */
  peakPerMinute: { read: number; write: number; total: number };
  /** Calls refused with 429 / for their size. */
  quotaRefusals: number;
  sizeRefusals: number;
}

const READS = new Set(['get', 'batchGet', 'getByDataFilter', 'batchGetByDataFilter', 'search']);
/** Methods whose first argument is the JSON body (the others send only a URL). */
const WITH_BODY = new Set([
  'batchUpdate',
  'update',
  'append',
  'batchUpdateByDataFilter',
  'batchGetByDataFilter',
  'batchClear',
  'batchClearByDataFilter',
  'search',
  'getByDataFilter',
  'create',
]);

const QUOTA_LIMIT_NAMES = {
  read: ['Read requests', 'Read requests per minute per user', 'Read requests per minute'],
  write: ['Write requests', 'Write requests per minute per user', 'Write requests per minute'],
};

export class SheetsQuota {
  stats: SheetsApiStats = {
    maxBodyBytes: 0,
    maxBodyMethod: '',
    peakPerMinute: { read: 0, write: 0, total: 0 },
    quotaRefusals: 0,
    sizeRefusals: 0,
  };
  private mine = new Map<number, { read: number; write: number }>();

  constructor(
    private readonly engine: Engine,
    readonly project: SheetsProject = new SheetsProject(),
  ) {}

  resetStats(): void {
    this.stats = {
      maxBodyBytes: 0,
      maxBodyMethod: '',
      peakPerMinute: { read: 0, write: 0, total: 0 },
      quotaRefusals: 0,
      sizeRefusals: 0,
    };
  }

  /** Checks one call (`spreadsheets.values.batchGet`, …) before the service runs it; throws as Apps Script does. */
  admit(restMethod: string, args: unknown[]): void {
    const engine = this.engine;
    if (!engine.counting) return;
    const name = restMethod.split('.').pop()!;
    const kind: QuotaKind = READS.has(name) ? 'read' : 'write';
    if (WITH_BODY.has(name) && args[0] !== undefined) {
      const bytes = Buffer.byteLength(JSON.stringify(args[0]) ?? '', 'utf8');
      if (bytes > this.stats.maxBodyBytes) {
        this.stats.maxBodyBytes = bytes;
        this.stats.maxBodyMethod = restMethod;
      }
      if (bytes > LIMITS.apiRequestBodyBytes.value) {
        this.stats.sizeRefusals++;
        engine.call('advancedSheets');
        throw engine.error(
          `API call to sheets.${restMethod} failed with error: Request payload size exceeds the limit: ${LIMITS.apiRequestBodyBytes.value} bytes.`,
        );
      }
    }
    const minute = Math.floor(engine.now / 60_000);
    const mine = this.mine.get(minute) ?? { read: 0, write: 0 };
    const perUser =
      kind === 'read' ? LIMITS.sheetsReadsPerMinutePerUser.value : LIMITS.sheetsWritesPerMinutePerUser.value;
    const perProject =
      kind === 'read'
        ? LIMITS.sheetsReadsPerMinutePerProject.value
        : LIMITS.sheetsWritesPerMinutePerProject.value;
    const overUser = mine[kind] >= perUser;
    if (overUser || this.project.used(minute, kind) >= perProject) {
      this.stats.quotaRefusals++;
      engine.call('advancedSheets');
      const [metric, userLimit, projectLimit] = QUOTA_LIMIT_NAMES[kind];
      throw engine.error(
        `API call to sheets.${restMethod} failed with error: Quota exceeded for quota metric '${metric}' and limit '${overUser ? userLimit : projectLimit}' of service 'sheets.googleapis.com' for consumer 'project_number:1000000000001'.`,
      );
    }
    mine[kind]++;
    this.mine.set(minute, mine);
    for (const k of this.mine.keys()) if (k < minute - 2) this.mine.delete(k);
    this.project.add(minute, kind);
    const peak = this.stats.peakPerMinute;
    peak.read = Math.max(peak.read, mine.read);
    peak.write = Math.max(peak.write, mine.write);
    peak.total = Math.max(peak.total, mine.read + mine.write);
  }
}

/** Puts `quota` in front of every method of the advanced Sheets service object. */
export function guardSheets(service: object, quota: SheetsQuota): object {
  const wrap = (target: object, restPath: string): object =>
    new Proxy(target, {
      get(t, prop) {
        const v = Reflect.get(t, prop, t) as unknown;
        if (typeof prop !== 'string') return v;
        if (
          prop === 'Spreadsheets' ||
          prop === 'Values' ||
          prop === 'DeveloperMetadata' ||
          prop === 'Sheets'
        ) {
          const segment = prop[0].toLowerCase() + prop.slice(1);
          return v && typeof v === 'object' ? wrap(v, restPath ? `${restPath}.${segment}` : segment) : v;
        }
        if (typeof v !== 'function' || !restPath || prop.startsWith('new')) return v;
        return (...args: unknown[]) => {
          quota.admit(`${restPath}.${prop}`, args);
          return (v as (...a: unknown[]) => unknown)(...args);
        };
      },
    });
  return wrap(service, '');
}
