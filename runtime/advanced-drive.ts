// The advanced Drive service (Drive API v3, serviceId `drive`): Files.create, which works with the
// per-file `drive.file` scope (DriveApp.createFile needs the full `drive` scope).
import crypto from 'node:crypto';
import { expose } from './bridge';
import { blobData } from './blob';
import type { Engine } from './execution';
import type { DriveFile } from './misc';

interface FileResource {
  name?: string;
  mimeType?: string;
  parents?: string[];
  description?: string;
}

const DEFAULT_FIELDS = ['kind', 'id', 'name', 'mimeType'];

export function advancedDrive(engine: Engine, files: DriveFile[]) {
  const fail = (method: string, message: string) =>
    new Error(`API call to drive.files.${method} failed with error: ${message}`);
  const Files = {
    create(resource: FileResource = {}, mediaData?: unknown, optionalArgs: { fields?: string } = {}) {
      engine.requireAuth('Drive.Files.create', { limitedOk: false, simpleOk: false });
      engine.call('other', 0, 'none', engine.latency.advancedSheets);
      const media = mediaData ? blobData(mediaData) : null;
      const name = resource?.name ?? media?.name ?? 'Untitled';
      for (const parent of resource?.parents ?? [])
        if (!files.some((f) => f.id === parent && f.mimeType === 'application/vnd.google-apps.folder'))
          throw fail('create', `File not found: ${parent}.`);
      const id = `1drv3${crypto.randomBytes(12).toString('hex')}`;
      const file: DriveFile = {
        id,
        name: String(name),
        mimeType: resource?.mimeType ?? media?.contentType ?? 'application/octet-stream',
        bytes: media?.bytes ?? new Uint8Array(),
        url: `https://drive.google.com/file/d/${id}/view?usp=drivesdk`,
        trashed: false,
        parents: resource?.parents ?? [],
      };
      files.push(file);
      const all: Record<string, unknown> = {
        kind: 'drive#file',
        id,
        name: file.name,
        mimeType: file.mimeType,
        webViewLink: file.url,
        parents: file.parents,
        size: String(file.bytes.length),
      };
      const fields = optionalArgs?.fields
        ? optionalArgs.fields.split(',').map((f) => f.trim())
        : DEFAULT_FIELDS;
      return engine
        .realm()
        .toScript(Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]])));
    },
  };
  return expose(engine, { Files: expose(engine, Files) });
}
