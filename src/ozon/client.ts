// The typed Ozon Seller API client: the core (transport, validation) plus one module per Ozon area,
// mirroring ./schemas. Pure TypeScript over injected ports. To add an area, write src/ozon/<area>.ts
// exporting `<area>Methods(api)` and add one line to `areas` below.
import { OzonApi, type OzonClientOptions } from './api';
import { catalogMethods } from './catalog';
import { financeMethods } from './finance';
import { fulfilmentMethods } from './fulfilment';
import { postingsMethods } from './postings';
import { promotionsMethods } from './promotions';
import { serviceMethods } from './service';

export type { OzonClientOptions } from './api';
export type { FboListQuery, FbsListQuery, PostingWith, RoundResult } from './postings';
export type { LabelFile, PostingOutcome } from './fulfilment';
export type { Role, StockResult, StockUpdate } from './catalog';

const areas = (api: OzonApi) => ({
  ...postingsMethods(api),
  ...fulfilmentMethods(api),
  ...catalogMethods(api),
  ...serviceMethods(api),
  ...financeMethods(api),
  ...promotionsMethods(api),
});

export type OzonClient = OzonApi & ReturnType<typeof areas>;

export function createOzonClient(options: OzonClientOptions): OzonClient {
  const api = new OzonApi(options);
  return Object.assign(api, areas(api));
}
