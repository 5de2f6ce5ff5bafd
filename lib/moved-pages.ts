import { getMonthOfListingPage, getYearOfListPage, type ListKind } from "./content";
import { pageParam } from "./route-params";
import { routes } from "./routes";

// Numbered pages past a list's cap (lib/content NUMBERED_PAGES) moved for good to the page of the
// month or year that shows the report they would open with. Answered by proxy.ts, before any page renders: Next
// sends a page's own permanentRedirect with its Location header twice on the first, uncached
// answer (vercel/next.js#82117), which some clients join into an address that does not exist.

const LISTS: Readonly<Record<string, ListKind>> = {
  "chu-de": "tag",
  "chuyen-muc": "category",
  nguoi: "person",
};
const YEAR_PAGE = { tag: routes.tagYear, category: routes.categoryYear, person: routes.personYear };

/** The addresses of numbered pages, the site's and each list's: those the proxy looks at. */
export const NUMBERED_PAGE = /^\/(?:(chu-de|chuyen-muc|nguoi)\/([^/]+)\/)?trang\/([^/]+)$/;

/** Where a numbered page past its list's cap now lives; null for any other address (served as it is). */
export function movedPage(pathname: string): string | null {
  const match = NUMBERED_PAGE.exec(pathname);
  if (!match) return null;
  const [, list, slug, page] = match;
  if (!list) {
    const place = getMonthOfListingPage(pageParam(page));
    return place && routes.month(Number(place.period.slice(0, 4)), Number(place.period.slice(5)), place.page);
  }
  const kind = LISTS[list];
  const place = getYearOfListPage(kind, slug, pageParam(page));
  return place && YEAR_PAGE[kind](slug, place.period, place.page);
}
