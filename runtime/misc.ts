// Session, Utilities, Logger/console, MailApp and DriveApp.
import crypto from 'node:crypto';
import util from 'node:util';
import { expose } from './bridge';
import { blobData, makeBlob, toBytes, toSigned } from './blob';
import type { Engine } from './execution';
import { formatJavaDate } from './time';

export interface SessionInfo {
  userEmail: string;
  locale: string;
  scriptTimeZone: string;
}

export function session(engine: Engine, info: SessionInfo) {
  const user = (email: string) => expose(engine, { getEmail: () => email, toString: () => email }, 'User');
  return expose(
    engine,
    {
      getActiveUser: () =>
        user(engine.current?.authMode === 'NONE' && !engine.userMode ? '' : info.userEmail),
      getEffectiveUser: () => user(info.userEmail),
      getActiveUserLocale: () => info.locale,
      getScriptTimeZone: () => info.scriptTimeZone,
      getTemporaryActiveUserKey: () =>
        crypto.createHash('sha256').update(`key:${info.userEmail}`).digest('base64').slice(0, 43),
    },
    'Session',
  );
}

/** Zones Utilities.formatDate has already accepted. */
const knownZones = new Set<string>();

const asBytes = (v: unknown, charset?: string) =>
  typeof v === 'string'
    ? new Uint8Array(Buffer.from(v, /^(iso-?8859-?1|us-?ascii)$/i.test(charset ?? '') ? 'latin1' : 'utf8'))
    : toBytes(v);

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const HMACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function utilities(engine: Engine) {
  const realm = () => engine.realm();
  return expose(
    engine,
    {
      Charset: Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' }),
      DigestAlgorithm: Object.freeze(Object.fromEntries(Object.keys(DIGESTS).map((k) => [k, k]))),
      MacAlgorithm: Object.freeze(Object.fromEntries(Object.keys(HMACS).map((k) => [k, k]))),
      sleep(ms: number) {
        const n = Number(ms);
        if (!(n >= 0)) throw new Error('Invalid argument: milliseconds');
        if (n > 300_000) throw new Error('Sleep time is too long. Maximum is 300000 milliseconds.');
        engine.checkDeadline();
        engine.spend(n);
      },
      formatDate(date: Date, tz: string, pattern: string) {
        if (Object.prototype.toString.call(date) !== '[object Date]')
          throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
        if (!knownZones.has(tz)) {
          try {
            new Intl.DateTimeFormat('en', { timeZone: tz });
          } catch {
            throw new Error(`Invalid argument: timeZone ${tz}`);
          }
          knownZones.add(tz);
        }
        return formatJavaDate(date.getTime(), tz, String(pattern));
      },
      formatString(template: string, ...args: unknown[]) {
        return util.format(template, ...args);
      },
      getUuid: () => crypto.randomUUID(),
      base64Encode: (data: unknown, charset?: string) =>
        Buffer.from(asBytes(data, charset)).toString('base64'),
      base64EncodeWebSafe: (data: unknown, charset?: string) =>
        Buffer.from(asBytes(data, charset)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
      base64Decode: (s: string) =>
        realm().toScript(toSigned(new Uint8Array(Buffer.from(String(s), 'base64')))),
      base64DecodeWebSafe: (s: string) =>
        realm().toScript(
          toSigned(new Uint8Array(Buffer.from(String(s).replace(/-/g, '+').replace(/_/g, '/'), 'base64'))),
        ),
      computeDigest(alg: string, value: unknown, charset?: string) {
        const a = DIGESTS[alg];
        if (!a) throw new Error(`Invalid argument: algorithm ${alg}`);
        return realm().toScript(
          toSigned(new Uint8Array(crypto.createHash(a).update(asBytes(value, charset)).digest())),
        );
      },
      computeHmacSignature(alg: string, value: unknown, key: unknown, charset?: string) {
        const a = HMACS[alg];
        if (!a) throw new Error(`Invalid argument: algorithm ${alg}`);
        return realm().toScript(
          toSigned(
            new Uint8Array(
              crypto.createHmac(a, asBytes(key, charset)).update(asBytes(value, charset)).digest(),
            ),
          ),
        );
      },
      computeHmacSha256Signature(value: unknown, key: unknown, charset?: string) {
        return realm().toScript(
          toSigned(
            new Uint8Array(
              crypto.createHmac('sha256', asBytes(key, charset)).update(asBytes(value, charset)).digest(),
            ),
          ),
        );
      },
      newBlob(data: unknown, contentType?: string, name?: string) {
        return makeBlob(engine, {
          bytes: asBytes(data ?? ''),
          contentType: contentType ?? null,
          name: name ?? null,
        });
      },
      parseCsv: (csv: string, delimiter?: string) =>
        realm().toScript(parseCsv(String(csv), delimiter ?? ',')),
      jsonStringify: (o: unknown) => JSON.stringify(o),
      jsonParse: (s: string) => realm().toScript(JSON.parse(s)),
      zip() {
        throw new Error('Utilities.zip is not supported by the local runtime.');
      },
    },
    'Utilities',
  );
}

export function logging(engine: Engine) {
  const fmt = (args: unknown[]) =>
    args
      .map((a) => (typeof a === 'string' ? a : util.inspect(a, { depth: 4, breakLength: Infinity })))
      .join(' ');
  const push = (level: string, args: unknown[]) => {
    const text = fmt(args);
    engine.logs.push(level === 'log' || level === 'info' ? text : `[${level}] ${text}`);
  };
  const Logger = expose(
    engine,
    {
      log(data: unknown, ...rest: unknown[]) {
        const text = typeof data === 'string' && rest.length ? util.format(data, ...rest) : fmt([data]);
        engine.logs.push(text);
        return Logger;
      },
      getLog: () => engine.logs.join('\n'),
      clear: () => {
        engine.logs.length = 0;
      },
    },
    'Logger',
  );
  const consoleObj = {
    log: (...a: unknown[]) => push('log', a),
    info: (...a: unknown[]) => push('info', a),
    warn: (...a: unknown[]) => push('warn', a),
    error: (...a: unknown[]) => push('error', a),
    time: () => undefined,
    timeEnd: () => undefined,
  };
  return { Logger, console: consoleObj };
}

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  name?: string;
  replyTo?: string;
  attachments?: { name: string | null; contentType: string | null; bytes: Uint8Array }[];
}

export const MAIL_DAILY_QUOTA = 100;

export function mailApp(engine: Engine, sent: SentMail[]) {
  const send = (a: unknown, subject?: unknown, body?: unknown, options?: Record<string, unknown>) => {
    engine.requireAuth('MailApp.sendEmail', {
      limitedOk: false,
      simpleOk: false,
    });
    engine.call('other');
    const msg = (
      typeof a === 'object' && a !== null ? a : { to: a, subject, body, ...(options ?? {}) }
    ) as Record<string, unknown>;
    if (!msg.to || typeof msg.to !== 'string') throw new Error('Invalid argument: recipient');
    if (sent.length >= MAIL_DAILY_QUOTA)
      throw new Error('Service invoked too many times for one day: email.');
    const mail: SentMail = { to: msg.to, subject: String(msg.subject ?? ''), body: String(msg.body ?? '') };
    for (const k of ['htmlBody', 'cc', 'bcc', 'name', 'replyTo'] as const)
      if (msg[k] !== undefined) mail[k] = String(msg[k]);
    if (Array.isArray(msg.attachments)) mail.attachments = msg.attachments.map((b) => blobData(b));
    sent.push(mail);
  };
  return expose(
    engine,
    {
      sendEmail: send,
      getRemainingDailyQuota: () => MAIL_DAILY_QUOTA - sent.length,
    },
    'MailApp',
  );
}

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  url: string;
  sharing?: { access: string; permission: string };
  trashed: boolean;
  /** Folder ids (files created through the advanced Drive service). */
  parents?: string[];
}

export function driveApp(engine: Engine, files: DriveFile[]) {
  const fileObj = (f: DriveFile) =>
    expose(
      engine,
      {
        getId: () => f.id,
        getName: () => f.name,
        setName: (n: string) => {
          f.name = String(n);
        },
        getMimeType: () => f.mimeType,
        getUrl: () => f.url,
        getDownloadUrl: () => `${f.url}?export=download`,
        getSize: () => f.bytes.length,
        getBlob: () => makeBlob(engine, { bytes: f.bytes, contentType: f.mimeType, name: f.name }),
        getAs: (t: string) => makeBlob(engine, { bytes: f.bytes, contentType: t, name: f.name }),
        setSharing(access: string, permission: string) {
          engine.call('other');
          f.sharing = { access: String(access), permission: String(permission) };
        },
        setTrashed(t: boolean) {
          engine.call('other');
          f.trashed = Boolean(t);
        },
        isTrashed: () => f.trashed,
      },
      'File',
    );
  const require = () => engine.requireAuth('DriveApp', { limitedOk: false, simpleOk: false });
  return expose(
    engine,
    {
      Access: Object.freeze({
        ANYONE: 'ANYONE',
        ANYONE_WITH_LINK: 'ANYONE_WITH_LINK',
        DOMAIN: 'DOMAIN',
        PRIVATE: 'PRIVATE',
      }),
      Permission: Object.freeze({ VIEW: 'VIEW', EDIT: 'EDIT', COMMENT: 'COMMENT' }),
      createFile(a: unknown, content?: string, mimeType?: string) {
        require();
        engine.call('other');
        let data: { bytes: Uint8Array; contentType: string | null; name: string | null };
        if (typeof a === 'string')
          data = {
            name: a,
            bytes: new Uint8Array(Buffer.from(String(content ?? ''), 'utf8')),
            contentType: mimeType ?? 'text/plain',
          };
        else data = blobData(a);
        if (!data.name) throw new Error('Blob object must have non-null name for this operation.');
        const id = `1drive${crypto.randomBytes(12).toString('hex')}`;
        const f: DriveFile = {
          id,
          name: data.name,
          mimeType: data.contentType ?? 'application/octet-stream',
          bytes: data.bytes,
          url: `https://drive.google.com/file/d/${id}/view?usp=drivesdk`,
          trashed: false,
        };
        files.push(f);
        return fileObj(f);
      },
      getFileById(id: string) {
        require();
        engine.call('other');
        const f = files.find((x) => x.id === id);
        if (!f)
          throw new Error(
            'No item with the given ID could be found, or you do not have permission to access it.',
          );
        return fileObj(f);
      },
    },
    'DriveApp',
  );
}
