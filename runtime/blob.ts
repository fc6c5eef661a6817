// Blob (Utilities.newBlob, HTTPResponse.getBlob, DriveApp files): bytes plus content type and name.
import { expose } from './bridge';
import type { Engine } from './execution';

/** Java-style signed bytes, as Apps Script returns them. */
export const toSigned = (bytes: Uint8Array): number[] => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));

export function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (Object.prototype.toString.call(data) === '[object Uint8Array]')
    return new Uint8Array(data as Uint8Array);
  if (Array.isArray(data)) return Uint8Array.from(data.map((b) => Number(b) & 0xff));
  if (data && typeof (data as { getBytes?: unknown }).getBytes === 'function')
    return toBytes((data as { getBytes(): number[] }).getBytes());
  return new Uint8Array(Buffer.from(String(data ?? ''), 'utf8'));
}

export interface BlobData {
  bytes: Uint8Array;
  contentType: string | null;
  name: string | null;
}

export function decode(bytes: Uint8Array, charset?: string): string {
  const cs = (charset ?? 'UTF-8').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (cs === 'utf8') return Buffer.from(bytes).toString('utf8');
  if (cs === 'usascii' || cs === 'iso88591' || cs === 'latin1') return Buffer.from(bytes).toString('latin1');
  return new TextDecoder(cs === 'windows1251' || cs === 'cp1251' ? 'windows-1251' : cs).decode(bytes);
}

export function makeBlob(engine: Engine, data: BlobData): unknown {
  const b: BlobData = { ...data };
  const api = {
    getBytes: () => engine.realm().toScript(toSigned(b.bytes)),
    getDataAsString: (charset?: string) => decode(b.bytes, charset),
    getContentType: () => b.contentType,
    setContentType: (t: string) => {
      b.contentType = t;
      return proxy;
    },
    getName: () => b.name,
    setName: (n: string) => {
      b.name = n;
      return proxy;
    },
    setBytes: (bytes: unknown) => {
      b.bytes = toBytes(bytes);
      return proxy;
    },
    setDataFromString: (s: string) => {
      b.bytes = new Uint8Array(Buffer.from(String(s), 'utf8'));
      return proxy;
    },
    copyBlob: () => makeBlob(engine, { ...b, bytes: new Uint8Array(b.bytes) }),
    getBlob: () => proxy,
    isGoogleType: () => false,
    getAs: (contentType: string) => {
      if (contentType === b.contentType) return proxy;
      throw new Error(`Converting from ${b.contentType} to ${contentType} is not supported.`);
    },
    __blobData: () => b,
  };
  const proxy = expose(engine, api, 'Blob');
  return proxy;
}

export function blobData(blob: unknown): BlobData {
  const fn = (blob as { __blobData?: () => BlobData }).__blobData;
  if (typeof fn === 'function') return fn();
  const b = blob as { getBytes?: () => number[]; getContentType?: () => string; getName?: () => string };
  if (typeof b?.getBytes === 'function')
    return {
      bytes: toBytes(b.getBytes()),
      contentType: b.getContentType?.() ?? null,
      name: b.getName?.() ?? null,
    };
  throw new Error('Invalid argument: blob');
}
