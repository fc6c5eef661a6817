// spreadsheets.developerMetadata: search and get.
import { type ApiContext } from './context';
import { ApiError, type Json, metadataToApi } from './shared';

export function metadataService(ctx: ApiContext) {
  const { book, call, checkId, matchLookup, lookupsOf } = ctx;
  const DeveloperMetadata = {
    search(resource: Json, id: string) {
      return call('spreadsheets.developerMetadata.search', 0, 'read', () => {
        checkId(id);
        const lookups = lookupsOf(resource?.dataFilters);
        const matched: Json[] = [];
        for (const m of book.metadata) {
          const hits = lookups.filter((l) => matchLookup(m, l));
          if (hits.length)
            matched.push({
              developerMetadata: metadataToApi(m),
              dataFilters: hits.map((l) => ({ developerMetadataLookup: l })),
            });
        }
        return matched.length ? { matchedDeveloperMetadata: matched } : {};
      });
    },
    get(id: string, metadataId: number) {
      return call('spreadsheets.developerMetadata.get', 0, 'read', () => {
        checkId(id);
        const m = book.metadata.find((x) => x.id === Number(metadataId));
        if (!m) throw new ApiError(`No developer metadata with ID: ${metadataId}`);
        return metadataToApi(m);
      });
    },
  };

  // ---------- spreadsheets.get ----------
  return { DeveloperMetadata };
}
