// Which rows changed since the last load. Every row has a hash of its loaded values; rows fall into
// buckets by a hash of their key, and a bucket's digest sums its rows' hashes. The saved digests are
// the load's position: a bucket whose digest differs from the saved one is loaded again whole (MERGE
// by key makes that safe), and its saved digest changes only after its MERGE has finished.
import { keyOf, type BqRow, type BqTable } from './tables';

export const BUCKETS = 32_768;

/** FNV-1a over UTF-16 code units, 32 bits. */
function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16_777_619) >>> 0;
  }
  return h >>> 0;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

/** 64 bits of the row's values as 16 hex digits (two independent FNV passes). */
export function rowHash(table: BqTable, row: BqRow): string {
  const text = table.columns.map((c) => (row[c.name] === null ? '\u0000' : row[c.name])).join('\u0001');
  return hex(fnv(text, 2_166_136_261)) + hex(fnv(text, 0x9e37_79b9));
}

export function bucketOf(key: string): number {
  return fnv(key, 0x811c_9dc5 ^ 0x5bd1_e995) % BUCKETS;
}

export interface HashedRow {
  row: BqRow;
  hash: string;
  bucket: number;
}

export function hashRows(table: BqTable, rows: readonly BqRow[]): HashedRow[] {
  return rows.map((row) => ({ row, hash: rowHash(table, row), bucket: bucketOf(keyOf(table, row)) }));
}

/** Each bucket's digest: the sum of its rows' hashes (low 32 bits) and its row count, mixed. */
export function digests(rows: readonly HashedRow[]): Uint32Array {
  const out = new Uint32Array(BUCKETS);
  const counts = new Uint32Array(BUCKETS);
  for (const r of rows) {
    out[r.bucket] = (out[r.bucket] + parseInt(r.hash.slice(8), 16)) >>> 0;
    counts[r.bucket]++;
  }
  for (let b = 0; b < BUCKETS; b++)
    if (counts[b]) out[b] = Math.imul(out[b] ^ counts[b], 2_654_435_761) >>> 0 || 1;
  return out;
}

/** Buckets whose digest differs from the saved one (all non-empty ones when nothing is saved). */
export function changedBuckets(now: Uint32Array, saved: Uint32Array | null): number[] {
  const changed: number[] = [];
  for (let b = 0; b < BUCKETS; b++) if (now[b] !== (saved ? saved[b] : 0)) changed.push(b);
  return changed;
}

export interface Batch {
  buckets: number[];
  rows: HashedRow[];
  /** Newline-delimited JSON of the rows as loaded (row_hash and read_at included). */
  ndjson: string;
  bytes: number;
}

export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The changed buckets' rows in load batches of at most `maxBytes` of NDJSON, a bucket never split
 * across two batches (its digest is saved once its batch is merged). A changed bucket with no rows
 * left (its postings archived elsewhere) needs no load: it is in `emptied`.
 */
export function planBatches(
  rows: readonly HashedRow[],
  changed: readonly number[],
  readAt: string,
  maxBytes: number,
): { batches: Batch[]; emptied: number[] } {
  const wanted = new Set(changed);
  const byBucket = new Map<number, HashedRow[]>();
  for (const r of rows) {
    if (!wanted.has(r.bucket)) continue;
    const list = byBucket.get(r.bucket);
    if (list) list.push(r);
    else byBucket.set(r.bucket, [r]);
  }
  const emptied = changed.filter((b) => !byBucket.has(b));
  const batches: Batch[] = [];
  let current: Batch = { buckets: [], rows: [], ndjson: '', bytes: 0 };
  const parts: string[] = [];
  const close = () => {
    if (!current.buckets.length) return;
    current.ndjson = parts.join('\n');
    batches.push(current);
    parts.length = 0;
    current = { buckets: [], rows: [], ndjson: '', bytes: 0 };
  };
  for (const bucket of changed) {
    const list = byBucket.get(bucket);
    if (!list) continue;
    const lines = list.map((r) => JSON.stringify({ ...r.row, row_hash: r.hash, read_at: readAt }));
    const size = lines.reduce((n, l) => n + utf8Bytes(l) + 1, 0);
    if (current.bytes && current.bytes + size > maxBytes) close();
    current.buckets.push(bucket);
    for (const r of list) current.rows.push(r);
    for (const l of lines) parts.push(l);
    current.bytes += size;
  }
  close();
  return { batches, emptied };
}

/** Digests as text for the state tab: `BUCKETS` × 8 hex digits, cut into cell-sized chunks. */
export const CHUNK_DIGESTS = 5_000;

export function encodeDigests(d: Uint32Array): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < d.length; start += CHUNK_DIGESTS) {
    let s = '';
    for (let b = start; b < Math.min(d.length, start + CHUNK_DIGESTS); b++) s += hex(d[b]);
    chunks.push(s);
  }
  return chunks;
}

/** Null when any chunk is missing or damaged: the table then loads whole again (MERGE keeps it exact). */
export function decodeDigests(chunks: readonly (string | undefined)[]): Uint32Array | null {
  const count = Math.ceil(BUCKETS / CHUNK_DIGESTS);
  if (chunks.length < count) return null;
  const out = new Uint32Array(BUCKETS);
  for (let i = 0; i < count; i++) {
    const s = chunks[i];
    const n = Math.min(CHUNK_DIGESTS, BUCKETS - i * CHUNK_DIGESTS);
    if (typeof s !== 'string' || s.length !== n * 8 || !/^[0-9a-f]*$/.test(s)) return null;
    for (let j = 0; j < n; j++) out[i * CHUNK_DIGESTS + j] = parseInt(s.slice(j * 8, j * 8 + 8), 16);
  }
  return out;
}
