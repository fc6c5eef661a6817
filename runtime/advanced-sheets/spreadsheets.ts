// spreadsheets.get and spreadsheets.batchUpdate (atomic: a failing request rolls the whole batch back).
import { type ApiContext } from './context';
import { type RequestHandler } from './requests/handler';
import { ApiError, type Json, sheetsIdentifiedIn } from './shared';

export function spreadsheetsService(
  ctx: ApiContext,
  parts: { Values: unknown; DeveloperMetadata: unknown; REQUESTS: Record<string, RequestHandler> },
) {
  const { Values, DeveloperMetadata, REQUESTS } = parts;
  const { book, call, checkId, spreadsheetToApi } = ctx;
  const Spreadsheets = {
    Values,
    DeveloperMetadata,
    get(id: string, o: Json = {}) {
      return call('spreadsheets.get', 0, 'read', () => {
        checkId(id);
        return spreadsheetToApi(o ?? {});
      });
    },
    batchUpdate(resource: Json, id: string) {
      const requests = Array.isArray(resource?.requests) ? (resource.requests as Json[]) : [];
      let cells = 0;
      // Every request that carries cell data is charged per cell: updates and appends alike.
      for (const r of requests) {
        const carrier = (r?.updateCells ?? r?.appendCells) as Json | undefined;
        const rows = (carrier?.rows ?? []) as Json[];
        for (const row of rows) cells += Array.isArray(row.values) ? row.values.length : 0;
      }
      return call('spreadsheets.batchUpdate', cells, 'write', () => {
        checkId(id);
        if (!requests.length) throw new ApiError('Must specify at least one request.');
        const capture = book.snapshot(sheetsIdentifiedIn(requests));
        const replies: Json[] = [];
        try {
          requests.forEach((req, i) => {
            const kinds = Object.keys(req ?? {});
            if (kinds.length !== 1)
              throw new ApiError(
                `Invalid requests[${i}]: exactly one request kind must be set (got ${kinds.join(', ') || 'none'})`,
              );
            const kind = kinds[0];
            const handler = REQUESTS[kind];
            if (!handler)
              throw new ApiError(
                `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
              );
            try {
              replies.push(handler(req[kind] as Json) ?? {});
            } catch (e) {
              if (e instanceof ApiError && e.message.startsWith('Invalid')) throw e;
              throw new ApiError(
                `Invalid requests[${i}].${kind}: ${e instanceof Error ? e.message : String(e)}`,
              );
            }
          });
        } catch (e) {
          capture.restore();
          throw e;
        } finally {
          capture.done();
        }
        const out: Json = { spreadsheetId: book.id, replies };
        if (resource.includeSpreadsheetInResponse) out.updatedSpreadsheet = spreadsheetToApi({});
        return out;
      });
    },
  };

  // ---------- batchUpdate requests ----------
  return { Spreadsheets };
}
