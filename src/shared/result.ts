// The envelope every sidebar-callable function answers with: plain JSON, never a thrown Date or Error.
export interface ApiError {
  /** Stable machine code, e.g. `input`, `ozon.auth`, `sync.locked`. */
  code: string;
  /** Localised text for the seller. */
  message: string;
  /** The form field the message belongs to, when there is one. */
  field?: string;
}
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };
