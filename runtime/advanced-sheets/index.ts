// The advanced Sheets service (global `Sheets`, Sheets API v4 shapes). Each method call is one round
// trip; batchUpdate is atomic like the real API. Values written with RAW are stored verbatim,
// USER_ENTERED values are parsed as if typed; writes beyond the grid expand it.
// One module per API resource, and batchUpdate's requests in one module per kind (./requests).
import { expose } from '../bridge';
import { chartRequests } from '../sheets-charts';
import { type SheetsEnv } from '../spreadsheet/common';
import { apiContext } from './context';
import { metadataService } from './metadata';
import { cellsRequests } from './requests/cells';
import { conditionalFormatsRequests } from './requests/conditional-formats';
import { dimensionsRequests } from './requests/dimensions';
import { filtersRequests } from './requests/filters';
import { type RequestHandler } from './requests/handler';
import { metadataRequests } from './requests/metadata';
import { sheetsRequests } from './requests/sheets';
import { spreadsheetsService } from './spreadsheets';
import { valuesService } from './values';

export function advancedSheets(env: SheetsEnv): unknown {
  const ctx = apiContext(env);
  const { engine, book, realm, sheetById } = ctx;
  const { Values } = valuesService(ctx);
  const { DeveloperMetadata } = metadataService(ctx);
  const REQUESTS: Record<string, RequestHandler> = {
    ...chartRequests(book, sheetById),
    ...sheetsRequests(ctx),
    ...dimensionsRequests(ctx),
    ...cellsRequests(ctx),
    ...filtersRequests(ctx),
    ...conditionalFormatsRequests(ctx),
    ...metadataRequests(ctx),
  };
  const { Spreadsheets } = spreadsheetsService(ctx, { Values, DeveloperMetadata, REQUESTS });
  const newer = () => realm.toScript({});
  return expose(engine, {
    Spreadsheets: expose(engine, {
      ...Spreadsheets,
      Values: expose(engine, Values),
      DeveloperMetadata: expose(engine, DeveloperMetadata),
    }),
    newValueRange: newer,
    newBatchUpdateValuesRequest: newer,
    newBatchUpdateSpreadsheetRequest: newer,
    newRequest: newer,
    newGridRange: newer,
    newDataFilter: newer,
    newDeveloperMetadataLookup: newer,
    newSearchDeveloperMetadataRequest: newer,
  });
}
