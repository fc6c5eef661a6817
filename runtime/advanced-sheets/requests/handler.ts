// One batchUpdate request kind: its body in, its reply (or nothing) out.
export type RequestHandler = (r: Record<string, unknown>) => Record<string, unknown> | void;
