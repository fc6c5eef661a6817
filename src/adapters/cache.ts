// The document cache, best effort: a miss or a cache error only means reading again.

export function cacheGet(key: string): string | null {
  try {
    return CacheService.getDocumentCache()?.get(key) ?? null;
  } catch {
    return null;
  }
}

export function cachePut(key: string, value: string, seconds: number): void {
  try {
    CacheService.getDocumentCache()?.put(key, value, seconds);
  } catch {
    // Best effort: the next call reads again.
  }
}
