// The self-check report (menu "Check this spreadsheet"): what Apps Script really did on a seller's
// spreadsheet where Google's reference is silent. The sidebar shows it and lets the seller copy it;
// runtime/ reads the same JSON from runtime/fixtures/ to set its model from a measurement. It holds
// no key, no Client-Id and no buyer data: only booleans, counts, durations and masked error texts.
import * as z from 'zod';
import { lazySchema } from './lazy-schema';

export const SELF_CHECK_FORMAT = 'odesk-selfcheck/1';

const ms = lazySchema(() => z.number().nonnegative());
const count = lazySchema(() => z.number().int().nonnegative());
const when = lazySchema(() => z.iso.datetime());
/** A failure's text, masked and cut on the server. */
const problem = lazySchema(() => z.string().max(300).nullable());

/** What one time-driven execution of the add-on saw (Google does not document it for add-ons). */
export const ClockRunSeen = lazySchema(() =>
  z.strictObject({
    activeSpreadsheet: z.boolean(),
    documentProperties: z.boolean(),
    documentLock: z.boolean(),
    documentCache: z.boolean(),
    /** Whether the event object carried `triggerUid`. */
    triggerUid: z.boolean(),
    authMode: z.string().max(40),
  }),
);
export type ClockRunSeen = z.infer<typeof ClockRunSeen>;

export const ClockRunProbe = lazySchema(() =>
  z.strictObject({
    /** pending: the one-off trigger has not run yet (reopen the check a minute later). */
    status: z.enum(['seen', 'pending', 'failed']),
    /** The probe's own one-off trigger, or this spreadsheet's hourly trigger (one clock trigger per document). */
    via: z.enum(['probe-trigger', 'hourly-trigger']),
    scheduledAt: when,
    ranAt: when.nullable(),
    seen: ClockRunSeen.nullable(),
    error: problem,
  }),
);
export type ClockRunProbe = z.infer<typeof ClockRunProbe>;

export const TriggersProbe = lazySchema(() =>
  z.strictObject({
    status: z.enum(['ok', 'failed']),
    /** The project trigger list (getProjectTriggers): this user’s triggers of the add-on. */
    project: count,
    /** The per-document trigger list (getUserTriggers of this spreadsheet). */
    document: count,
    /** Listed per project but not in this spreadsheet: the same user's other spreadsheets. */
    otherDocuments: count,
    /** Handler functions of this spreadsheet's triggers. */
    handlers: z.array(z.string().max(60)).max(20),
    error: problem,
  }),
);
export type TriggersProbe = z.infer<typeof TriggersProbe>;

export const WriteProbe = lazySchema(() =>
  z.strictObject({
    cells: z.number().int().positive(),
    status: z.enum(['ok', 'failed', 'skipped']),
    ms,
    /** batchUpdate calls the writer split the block into (each body ≤ 2 MB). */
    requests: count,
    largestBodyBytes: count,
    error: problem,
  }),
);
export type WriteProbe = z.infer<typeof WriteProbe>;

export const FetchProbe = lazySchema(() =>
  z.strictObject({
    /** skipped: no Ozon credentials saved yet. */
    status: z.enum(['ok', 'failed', 'skipped']),
    endpoint: z.literal('/v1/roles'),
    requests: count,
    ms,
    httpStatus: z.number().int().nullable(),
    error: problem,
  }),
);
export type FetchProbe = z.infer<typeof FetchProbe>;

export const MappingProbe = lazySchema(() =>
  z.strictObject({
    status: z.enum(['ok', 'failed']),
    postings: count,
    ms,
    error: problem,
  }),
);
export type MappingProbe = z.infer<typeof MappingProbe>;

export const SelfCheckReport = lazySchema(() =>
  z.strictObject({
    format: z.literal(SELF_CHECK_FORMAT),
    /** measured: taken on Google's servers; modelled: made by runtime/ (its own guesses, for the format). */
    evidence: z.enum(['measured', 'modelled']),
    takenAt: when,
    addonVersion: z.string().max(40),
    /** The probes' own execution (the clock run comes later). */
    durationMs: ms,
    clockRun: ClockRunProbe,
    triggers: TriggersProbe,
    writes: z.array(WriteProbe).max(5),
    fetchAll: FetchProbe,
    mapping: MappingProbe,
  }),
);
export type SelfCheckReport = z.infer<typeof SelfCheckReport>;

/** One finding of the verdict, in the seller's language (src/core/i18n/selfcheck.ts). */
export interface SelfCheckFinding {
  level: 'ok' | 'warn' | 'fail' | 'wait';
  text: string;
}

/** What the sidebar receives: the report, its verdict, and the same report as copyable JSON. */
export interface SelfCheckView {
  report: SelfCheckReport | null;
  /** ok: everything the add-on needs works; wait: the clock run has not happened yet. */
  verdict: 'ok' | 'problems' | 'wait' | 'none';
  findings: SelfCheckFinding[];
  json: string;
}

/** The support report (Settings): masked JSON text, ready to paste into a message to support. */
export interface SupportReportView {
  text: string;
}
