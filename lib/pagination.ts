import { site } from "./site";

// The page maths of every newest-first list (the listing, each topic): one place, so the pages,
// the sitemap and what a publish revalidates always agree on how many pages a list has.

/** How many pages a list of this many reports fills; an empty list still has page 1. */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / site.reportsPerPage));
}

/** The reports on page `page` (from 1) of a list. */
export function pageSlice<T>(list: readonly T[], page: number): T[] {
  return list.slice((page - 1) * site.reportsPerPage, page * site.reportsPerPage);
}
