// batchUpdate requests on developer metadata.
import { type ApiContext } from '../context';
import { type RequestHandler } from '../requests/handler';
import { ApiError, exact, fieldPaths, type Json, metadataToApi } from '../shared';

export function metadataRequests(ctx: ApiContext): Record<string, RequestHandler> {
  const { book, matchLookup, lookupsOf, metadataLocation } = ctx;
  return {
    createDeveloperMetadata(r) {
      const m = (r.developerMetadata ?? {}) as Json;
      if (!m.metadataKey) throw new ApiError('developerMetadata.metadataKey is required');
      if (m.metadataId !== undefined && book.metadata.some((x) => x.id === Number(m.metadataId)))
        throw new ApiError(`Developer metadata with ID ${m.metadataId} already exists.`);
      const vis = m.visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
      if (m.visibility === undefined) throw new ApiError('developerMetadata.visibility is required');
      const created = book.addMetadata(
        String(m.metadataKey),
        m.metadataValue === undefined ? null : String(m.metadataValue),
        metadataLocation(m.location as Json),
        vis,
      );
      if (m.metadataId !== undefined) created.id = Number(m.metadataId);
      return { createDeveloperMetadata: { developerMetadata: metadataToApi(created) } };
    },
    updateDeveloperMetadata(r) {
      const lookups = lookupsOf(r.dataFilters);
      const paths = fieldPaths(r.fields);
      const m = (r.developerMetadata ?? {}) as Json;
      const hits = book.metadata.filter((x) => lookups.some((l) => matchLookup(x, l)));
      for (const x of hits) {
        if (exact(paths, 'metadataKey')) x.key = String(m.metadataKey);
        if (exact(paths, 'metadataValue'))
          x.value = m.metadataValue === undefined ? null : String(m.metadataValue);
        if (exact(paths, 'visibility')) x.visibility = m.visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
        if (exact(paths, 'location')) x.location = metadataLocation(m.location as Json);
      }
      return { updateDeveloperMetadata: { developerMetadata: hits.map(metadataToApi) } };
    },
    deleteDeveloperMetadata(r) {
      const [lookup] = lookupsOf([r.dataFilter]);
      const hits = book.metadata.filter((x) => matchLookup(x, lookup));
      book.metadata = book.metadata.filter((x) => !hits.includes(x));
      return { deleteDeveloperMetadata: { deletedDeveloperMetadata: hits.map(metadataToApi) } };
    },
  };
}
