import { getMonthOfListingPage, getYearOfListPage, type ListKind } from "./content";
import { pageParam } from "./route-params";
import { routes } from "./routes";

// Numbered pages past a list's cap (lib/content NUMBERED_PAGES) moved for good to the month or
// year of the report they would open with. Answered by proxy.ts, before any page renders: Next
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
    const month = getMonthOfListingPage(pageParam(page));
    return month ? routes.month(Number(month.slice(0, 4)), Number(month.slice(5))) : null;
  }
  const kind = LISTS[list];
  const year = getYearOfListPage(kind, slug, pageParam(page));
  return year === null ? null : YEAR_PAGE[kind](slug, year);
}
