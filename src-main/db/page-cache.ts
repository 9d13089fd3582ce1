import type { Sqlite } from './open';

/**
 * Gives the connection a page cache of `kib` KiB for a long read or write (an import, a contacts
 * export) and returns what gives the everyday size back. Shrinking the cache frees the pages above
 * it at once, so the idle core's memory is as before once the work ends, done, failed or cancelled.
 */
export function raisePageCache(sqlite: Sqlite, kib: number): () => void {
  const everyday = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${kib}`);
  return () => {
    if (sqlite.open) sqlite.pragma(`cache_size = ${everyday}`);
  };
}
