// Typed Ozon failures. Each is an AppError whose i18n key tells the seller what to do; the English
// text is also the Error message, for logs. Nothing that reaches a message may contain the API key:
// Ozon's own texts pass through maskSecrets first.
import { AppError } from '../core/errors';
import { t, type MessageKey, type MessageParams } from '../core/i18n/messages';

export class OzonError extends AppError {
  constructor(
    code: string,
    key: MessageKey,
    params: MessageParams,
    /** The Ozon method path, e.g. /v4/posting/fbs/list. */
    readonly endpoint: string,
    readonly httpStatus?: number,
  ) {
    super(code, key, params);
    this.name = new.target.name;
    this.message = t('en', key, params);
  }
}

export class OzonAuthError extends OzonError {}
export class OzonRoleError extends OzonError {}
export class OzonIpError extends OzonError {}
export class OzonOfferError extends OzonError {}
export class OzonSubscriptionError extends OzonError {}
export class OzonValidationError extends OzonError {}
export class OzonNotFoundError extends OzonError {}
export class OzonRateLimitError extends OzonError {}
export class OzonUnavailableError extends OzonError {}
export class OzonNetworkError extends OzonError {}
export class OzonHttpError extends OzonError {}
/** An action's answer was lost or garbled: it may have happened at Ozon; it is not re-sent. */
export class OzonUnclearError extends OzonError {}

export class OzonSchemaError extends OzonError {
  constructor(
    endpoint: string,
    /** Where in the answer, e.g. postings[3].products[0].quantity. */
    readonly path: string,
    readonly detail: string,
  ) {
    super('ozon.schema', 'ozon.error.schema', { method: endpoint, path: path || '(root)', detail }, endpoint);
  }
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** A run of this many characters of a secret is a leak, wherever in the secret it starts. */
export const MIN_SECRET_PIECE = 6;
const MAX_MESSAGE = 300;

/**
 * Removes the API key from text, whole or in part: every run of ≥ MIN_SECRET_PIECE characters that
 * also occurs in a secret (case-insensitive) becomes ***, and so does anything shaped like a key
 * (Ozon keys are UUIDs). A key cut short, split across lines or echoed in a header dump never survives.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  // A key echoed without its dashes is still the key.
  const keys = secrets
    .filter((s) => s && s.length >= MIN_SECRET_PIECE)
    .flatMap((s) => [s.toLowerCase(), s.toLowerCase().replace(/[^0-9a-z]/g, '')]);
  let out = text;
  if (keys.length) {
    const pieces = new Set<string>();
    for (const key of keys) {
      for (let k = 0; k + MIN_SECRET_PIECE <= key.length; k++) pieces.add(key.slice(k, k + MIN_SECRET_PIECE));
    }
    const lower = text.toLowerCase();
    const masked: [number, number][] = [];
    let i = 0;
    while (i + MIN_SECRET_PIECE <= lower.length) {
      if (!pieces.has(lower.slice(i, i + MIN_SECRET_PIECE))) {
        i++;
        continue;
      }
      let end = i + MIN_SECRET_PIECE;
      while (end < lower.length && keys.some((key) => key.includes(lower.slice(i, end + 1)))) end++;
      masked.push([i, end]);
      i = end;
    }
    if (masked.length) {
      let built = '';
      let from = 0;
      for (const [start, end] of masked) {
        built += text.slice(from, start) + '***';
        from = end;
      }
      out = built + text.slice(from);
    }
  }
  for (const secret of secrets) {
    // Short secrets (never a real key) are still masked where they appear whole.
    if (!secret || secret.length >= MIN_SECRET_PIECE || secret.length < 4) continue;
    out = out.split(secret).join('***');
  }
  return out.replace(UUID, '***');
}

/** Cuts a text for a message, after masking: a cut never leaves a key fragment behind. */
export function safeDetail(text: string, secrets: readonly string[], max = MAX_MESSAGE): string {
  const clean = maskSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * Ozon's `{code, message, details}` error text, or the raw body; masked first, then cut, so a page
 * that echoes the request headers cannot leak part of the key through the cut.
 */
export function ozonMessage(body: string, secrets: readonly string[] = []): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: unknown };
    if (parsed && typeof parsed.message === 'string' && parsed.message)
      return safeDetail(parsed.message, secrets);
    if (parsed && typeof parsed.error === 'string' && parsed.error) return safeDetail(parsed.error, secrets);
  } catch {
    // not JSON: fall through to the raw text
  }
  return safeDetail(body, secrets) || '(empty answer)';
}

export interface Failure {
  retryable: boolean;
  /** Ozon may have acted although the answer says nothing useful (5xx, no answer, garbled body). */
  ambiguous?: boolean;
  /** From Retry-After (seconds), when Ozon sent one. */
  retryAfterMs?: number;
  error: OzonError;
}

function retryAfter(headers: Record<string, string>): number | undefined {
  const name = Object.keys(headers).find((h) => h.toLowerCase() === 'retry-after');
  if (!name) return undefined;
  const seconds = Number(headers[name]);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Decides what an unsuccessful answer means and whether another try can help. */
export function classifyFailure(
  endpoint: string,
  status: number,
  body: string,
  headers: Record<string, string>,
  secrets: readonly string[],
): Failure {
  const detail = ozonMessage(body, secrets);
  const lower = detail.toLowerCase();
  const params = { method: endpoint, detail, status };
  const wait = retryAfter(headers);
  if (lower.includes('circle is open')) {
    return {
      retryable: true,
      retryAfterMs: wait,
      error: new OzonUnavailableError('ozon.unavailable', 'ozon.error.unavailable', params, endpoint, status),
    };
  }
  if (status === 429) {
    return {
      retryable: true,
      retryAfterMs: wait,
      error: new OzonRateLimitError('ozon.rateLimit', 'ozon.error.rateLimit', params, endpoint, status),
    };
  }
  if (status === 500 || status === 502 || status === 503 || status === 504) {
    return {
      retryable: true,
      ambiguous: true,
      retryAfterMs: wait,
      error: new OzonUnavailableError('ozon.unavailable', 'ozon.error.unavailable', params, endpoint, status),
    };
  }
  if (status === 401 || status === 403) {
    if (lower.includes('deactivated')) {
      return final(new OzonAuthError('ozon.auth', 'ozon.error.deactivated', params, endpoint, status));
    }
    if (/\bip\b|restricted/.test(lower)) {
      return final(new OzonIpError('ozon.ip', 'ozon.error.ip', params, endpoint, status));
    }
    if (lower.includes('offer')) {
      return final(new OzonOfferError('ozon.offer', 'ozon.error.offer', params, endpoint, status));
    }
    if (lower.includes('role') || lower.includes('permission') || lower.includes('access denied')) {
      return final(new OzonRoleError('ozon.role', 'ozon.error.role', params, endpoint, status));
    }
    if (lower.includes('premium') || lower.includes('subscription')) {
      return final(
        new OzonSubscriptionError('ozon.subscription', 'ozon.error.subscription', params, endpoint, status),
      );
    }
    return final(new OzonAuthError('ozon.auth', 'ozon.error.auth', params, endpoint, status));
  }
  if (status === 404) {
    return final(new OzonNotFoundError('ozon.notFound', 'ozon.error.notFound', params, endpoint, status));
  }
  if (status >= 400 && status < 500) {
    return final(
      new OzonValidationError('ozon.validation', 'ozon.error.validation', params, endpoint, status),
    );
  }
  if (status >= 500) {
    return {
      ...final(
        new OzonUnavailableError('ozon.unavailable', 'ozon.error.unavailable', params, endpoint, status),
      ),
      ambiguous: true,
    };
  }
  return final(new OzonHttpError('ozon.http', 'ozon.error.http', params, endpoint, status));
}

function final(error: OzonError): Failure {
  return { retryable: false, error };
}

export function networkFailure(endpoint: string, message: string, secrets: readonly string[]): Failure {
  const detail = safeDetail(message || 'no answer', secrets);
  return {
    retryable: true,
    ambiguous: true,
    error: new OzonNetworkError('ozon.network', 'ozon.error.network', { method: endpoint, detail }, endpoint),
  };
}

export function malformedFailure(endpoint: string): Failure {
  return {
    retryable: true,
    ambiguous: true,
    error: new OzonUnavailableError(
      'ozon.unavailable',
      'ozon.error.unavailable',
      { method: endpoint, detail: 'the answer was not valid JSON' },
      endpoint,
      200,
    ),
  };
}

/** The failure an action reports when its answer was unclear: never retried, says it may have happened. */
export function unclearAction(failure: Failure): OzonError {
  const { error } = failure;
  const detail =
    typeof error.params.detail === 'string' ? error.params.detail : String(error.httpStatus ?? '');
  return new OzonUnclearError(
    'ozon.unclear',
    'ozon.error.unclear',
    { method: error.endpoint, detail },
    error.endpoint,
    error.httpStatus,
  );
}
