import type { AddressChange, CatalogReader } from "../content/refresh";
import { pagesForChange } from "../pages";

/**
 * The addresses a publishing pass makes stale: for each address whose published report changed,
 * the pages lib/pages.ts works out from its two versions. Bounded per change, whatever the
 * archive's size (lib/pages.ts says by how much).
 */
export function stalePaths(changes: readonly AddressChange[], catalog?: CatalogReader): string[] {
  const stale = new Set<string>();
  for (const change of changes) for (const path of pagesForChange(change, catalog)) stale.add(path);
  return [...stale];
}
