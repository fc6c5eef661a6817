// What handing over takes from Apps Script: the desk's host (tabs, lock, clock, Drive) and the Ozon
// handover methods over two transports — one that retries reads, one that never retries actions.
import { saveFile } from '../adapters/drive';
import { appsScriptClock, appsScriptHttp } from '../adapters/http';
import type { AppContext } from '../app/context';
import { AppError } from '../core/errors';
import { appsScriptDeskHost, type DeskHost } from '../desk/host';
import { HandoverApi } from '../ozon/handover';
import { Transport } from '../ozon/transport';
import { readCredentials } from '../settings/credentials';

export interface HandoverHost extends DeskHost {
  /** Saves a document to the seller's Drive; returns the link. */
  saveFile(name: string, bytes: number[] | Uint8Array, contentType: string, blob?: unknown): string;
  /** Content types saveFile can keep as they are. */
  savesTypes: ReadonlySet<string>;
}

/** Documents go through the one Drive saver, each with its own type: the shipping barcode is a PNG. */
export function appsScriptHandoverHost(): HandoverHost {
  const desk = appsScriptDeskHost();
  return {
    ...desk,
    saveFile: (name, bytes, contentType, blob) =>
      saveFile(name, (blob as GoogleAppsScript.Base.Blob | undefined) ?? bytes, contentType).url,
    savesTypes: new Set(['application/pdf', 'image/png']),
  };
}

/** Ozon budget of one handover call: leaves room in the 6-minute execution to write what happened. */
export const HANDOVER_BUDGET_MS = 270_000;

export function handoverApi(ctx: AppContext, deadline: number): HandoverApi {
  const credentials = readCredentials(ctx.user);
  if (!credentials) throw new AppError('credentials.missing', 'error.credentials.missing');
  const base = { credentials, http: appsScriptHttp(), clock: appsScriptClock(), deadline };
  return new HandoverApi(new Transport(base), new Transport({ ...base, maxTries: 1 }));
}
