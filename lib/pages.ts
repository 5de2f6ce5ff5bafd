import {
  type AddressChange,
  archiveCatalog,
  type CatalogReader,
  changedRelatedLists,
  membershipsOf,
  type PublishedVersion,
} from "./content/refresh";
import {
  getMonths,
  getNewestReports,
  type ListKind,
  NUMBERED_PAGES,
  numberedPageCount,
  PERIOD_PAGE_SIZE,
  periodPageCount,
  periodPageOf,
  topicLetter,
  topicLetterPagesFor,
  yearSpan,
  vietnamMonth,
} from "./content";
import { toVietnamIso } from "./dates";
import { routes } from "./routes";
import { reportPhotoCrops } from "./photo-crops";
import { absoluteUrl, site } from "./site";
import { FRONT_PAGE } from "./front-page";
import { isRecentNews } from "./news-sitemap";
import { SITEMAP_LIMIT, type SitemapEntry } from "./sitemap";

/** The news sitemap's name in the index (its own route, app/sitemaps/tin-moi.xml). */
const NEWS_SITEMAP_NAME = "tin-moi";

// The one owner of addresses: which routes the archive decides, which of their pages the build
// renders, what the sitemap lists, and which pages one change to one report makes stale. Each
// answer is worked out from the store's bounded queries and the change itself, never from a list
// of the whole archive, so a publish costs the same at 100 reports as at 500,000.

/** The routes under app/ whose addresses the archive decides, as app/ names their folders. */
export const PUBLISHED_ROUTES = [
  "/",
  "/tin-moi",
  "/trang/[page]",
  "/bai-viet/[slug]",
  "/bai-viet/[slug]/anh-chia-se.png",
  "/bai-viet/[slug]/nghe.json",
  "/bai-viet/[slug]/anh/[file]",
  "/luu-tru",
  "/luu-tru/[year]/[month]",
  "/luu-tru/[year]/[month]/trang/[page]",
  "/chu-de",
  "/chu-de/theo-van/[letter]",
  "/chu-de/theo-van/[letter]/trang/[page]",
  "/chu-de/[slug]",
  "/chu-de/[slug]/trang/[page]",
  "/chu-de/[slug]/nam/[year]",
  "/chu-de/[slug]/nam/[year]/trang/[page]",
  "/chuyen-muc/[slug]",
  "/chuyen-muc/[slug]/trang/[page]",
  "/chuyen-muc/[slug]/nam/[year]",
  "/chuyen-muc/[slug]/nam/[year]/trang/[page]",
  "/nguoi/[slug]",
  "/nguoi/[slug]/trang/[page]",
  "/nguoi/[slug]/nam/[year]",
  "/nguoi/[slug]/nam/[year]/trang/[page]",
  "/feed.xml",
  "/sitemap.xml",
  "/sitemaps/[file]",
  "/sitemaps/tin-moi.xml",
] as const;

export type PublishedRoute = (typeof PUBLISHED_ROUTES)[number];

/** Routes the build renders ahead, for the newest reports; every other page renders on its first request. */
const PRERENDERED: ReadonlySet<PublishedRoute> = new Set([
  "/",
  "/tin-moi",
  "/trang/[page]",
  "/bai-viet/[slug]",
  "/bai-viet/[slug]/anh-chia-se.png",
  "/luu-tru",
  "/chu-de",
  "/feed.xml",
  "/sitemap.xml",
  "/sitemaps/tin-moi.xml",
]);

/**
 * The other routes under app/, and why none of their addresses is listed: a page route added to
 * app/ must be named here or above (tests/unit/publishing/pages.test.ts fails otherwise).
 */
export const UNLISTED_ROUTES: Readonly<Record<string, string>> = {
  "/anh-chia-se.png": "the site's share card: the same for every archive, made by the build",
  "/robots.txt": "fixed text naming the sitemap",
  "/icon.svg": "the site's icon, a static file",
  "/opensearch.xml": "fixed: tells browsers how to search the site",
  "/manifest.webmanifest": "the web app manifest: fixed, for installing the site on a phone",
  "/sw.js":
    "the service worker's script, rendered per request with the build's id and the operator's setting",
  "/ngoai-tuyen": "the offline page the service worker shows: the same for everyone, noindex",
  "/tim-kiem": "answers each search as it is asked; the results are not pages of their own",
  "/tim-kiem/goi-y": "suggestions as a reader types, answered per request",
  "/images/[...path]": "the photos published reports show, served from the public folder as files",
  "/api/revalidate": "the watcher's own call to refresh pages, refused to anyone else",
  "/api/luot-xem":
    "the view beacon a report page posts once per session: counts, shows nothing (lib/most-read)",
  "/quan-tri": "the editors' pages: rendered per request, never cached, indexed or listed",
  "/quan-tri/anh/[...path]":
    "every photo, drafts' included, for signed-in editors only: never cached or listed",
  "/quan-tri/dang-nhap": "the editors' pages: rendered per request, never cached, indexed or listed",
  "/quan-tri/lich-su/[ten]": "the editors' pages: rendered per request, never cached, indexed or listed",
  "/quan-tri/lich-su/[ten]/so-sanh":
    "the editors' pages: rendered per request, never cached, indexed or listed",
  "/quan-tri/moi": "the editors' pages: rendered per request, never cached, indexed or listed",
  "/quan-tri/tai-khoan": "the editors' pages: rendered per request, never cached, indexed or listed",
  "/quan-tri/sua/[ten]": "the editors' pages: rendered per request, never cached, indexed or listed",
};

/**
 * How many of the newest reports the build renders ahead, with their share cards and the listing
 * pages they fill (`PRERENDER_REPORTS`, default 100). Every other page (older reports, topics,
 * people, months) renders on its first request, in tens of milliseconds, and is cached from then
 * on: build time follows this number, not the archive's size.
 */
export function prerenderCount(): number {
  const setting = process.env.PRERENDER_REPORTS ?? "100";
  if (!/^\d+$/.test(setting)) throw new Error(`PRERENDER_REPORTS=“${setting}”: cần một số nguyên không âm`);
  return Number(setting);
}

/**
 * A route's generateStaticParams, for the production build only: the params of its pages the
 * build renders ahead. `next dev` answers from a stale list of params once after a change, so a
 * report an editor has just added would 404 on its first load; without a list there, every param
 * renders on demand and an unknown one is still a 404 from the page.
 */
export function prerenderedParams<Params extends Record<string, string>>(
  route: PublishedRoute,
): (() => Params[]) | undefined {
  if (process.env.NODE_ENV === "development") return undefined;
  if (!PRERENDERED.has(route)) return () => [];
  return () => {
    const newest = getNewestReports(prerenderCount());
    if (route === "/bai-viet/[slug]" || route === "/bai-viet/[slug]/anh-chia-se.png") {
      return newest.map((report) => ({ slug: report.slug }) as unknown as Params);
    }
    if (route === "/trang/[page]") {
      const total = archiveCatalog().count();
      const pages = Math.min(
        numberedPageCount(total, NUMBERED_PAGES.site),
        Math.ceil(newest.length / site.reportsPerPage),
      );
      return Array.from(
        { length: Math.max(0, pages - 1) },
        (_, n) => ({ page: String(n + 2) }) as unknown as Params,
      );
    }
    return [];
  };
}

// Sitemap files: "tin-moi" (the news sitemap, lib/news-sitemap.ts), "trang" (home, numbered
// pages, indexes, month pages), one per month of reports ("bai-2021-01": a month's reports never
// move to another file), and the topics' and people's first pages in chunks of the protocol's
// limit, in the order of their slugs.

const lastModified = (report: { date: Date; updated: Date | null }) =>
  toVietnamIso(report.updated ?? report.date);
const monthName = (month: string) => `bai-${month}`;

const listsIn = (kind: "chu-de" | "nguoi", catalog: CatalogReader) =>
  kind === "nguoi" ? catalog.listCount("person") : catalog.listCount("category") + catalog.listCount("tag");

function listChunks(kind: "chu-de" | "nguoi", catalog: CatalogReader = archiveCatalog()): number {
  return Math.ceil(listsIn(kind, catalog) / SITEMAP_LIMIT);
}

/**
 * The sitemap files of topics or people that a list appearing or going makes stale: the one it is
 * listed in and every later one (each shifts by one entry). Sections come before tags.
 */
function chunksFrom(list: { kind: ListKind; key: string }, catalog: CatalogReader): string[] {
  const group = list.kind === "person" ? "nguoi" : "chu-de";
  const before =
    (list.kind === "tag" ? catalog.listCount("category") : 0) +
    catalog.listCountBetween(list.kind, "", list.key);
  const first = Math.floor(before / SITEMAP_LIMIT) + 1;
  const last = Math.max(first, Math.ceil((listsIn(group, catalog) + 1) / SITEMAP_LIMIT));
  return Array.from({ length: last - first + 1 }, (_, n) => routes.sitemapFile(`${group}-${first + n}`));
}

/** The names of the sitemap files (without ".xml"), as /sitemap.xml lists them. */
export function sitemapFiles(): string[] {
  // The news sitemap first: it is the one that changes by the minute.
  const names = [NEWS_SITEMAP_NAME, "trang", ...getMonths().map((month) => monthName(month.month))];
  for (const kind of ["chu-de", "nguoi"] as const) {
    for (let chunk = 1; chunk <= listChunks(kind); chunk += 1) names.push(`${kind}-${chunk}`);
  }
  return names;
}

function listEntries(kinds: ListKind[], chunk: number): SitemapEntry[] {
  const catalog = archiveCatalog();
  const hrefOf = { tag: routes.tag, category: routes.category, person: routes.person };
  const entries: SitemapEntry[] = [];
  let skip = (chunk - 1) * SITEMAP_LIMIT;
  for (const kind of kinds) {
    const count = catalog.listCount(kind);
    if (skip >= count) {
      skip -= count;
      continue;
    }
    for (const list of catalog.lists(kind, SITEMAP_LIMIT - entries.length, skip, true)) {
      entries.push({ url: absoluteUrl(hrefOf[kind](list.key)) });
    }
    skip = 0;
    if (entries.length >= SITEMAP_LIMIT) break;
  }
  return entries;
}

/** The entries of one sitemap file; null for a name that is not one. */
export function sitemapFileEntries(name: string): SitemapEntry[] | null {
  const catalog = archiveCatalog();
  if (name === "trang") {
    const total = catalog.count();
    const [newest] = catalog.newest(1);
    const entries: SitemapEntry[] = [
      { url: absoluteUrl(routes.home), lastModified: newest && lastModified(newest.report) },
      { url: absoluteUrl(routes.latest), lastModified: newest && lastModified(newest.report) },
    ];
    for (let page = 2; page <= numberedPageCount(total, NUMBERED_PAGES.site); page += 1) {
      entries.push({ url: absoluteUrl(routes.listingPage(page)) });
    }
    entries.push({ url: absoluteUrl(routes.topics) }, { url: absoluteUrl(routes.archive) });
    for (const month of getMonths()) {
      for (let page = 1; page <= periodPageCount(month.count); page += 1)
        entries.push({ url: absoluteUrl(routes.month(month.year, month.monthNumber, page)) });
    }
    return entries;
  }
  const month = /^bai-(\d{4}-\d{2})$/.exec(name)?.[1];
  if (month) {
    const reports = catalog.monthEntries(month);
    if (reports.length === 0) return null;
    return reports.map(({ report }) => ({
      url: absoluteUrl(routes.report(report.slug)),
      lastModified: lastModified(report),
    }));
  }
  const chunk = /^(chu-de|nguoi)-([1-9]\d{0,4})$/.exec(name);
  if (!chunk) return null;
  const kind = chunk[1] as "chu-de" | "nguoi";
  const number = Number(chunk[2]);
  if (number > listChunks(kind)) return null;
  return listEntries(kind === "nguoi" ? ["person"] : ["category", "tag"], number);
}

// What one change makes stale.

const yearOf = (report: { date: Date }) => Number(vietnamMonth(report.date).slice(0, 4));
const [YEAR_HREF, FIRST_HREF] = [
  { tag: routes.tagYear, category: routes.categoryYear, person: routes.personYear },
  { tag: routes.tag, category: routes.category, person: routes.person },
];

/**
 * The numbered pages of a list that one report's move makes stale: the page it was or is on, and,
 * when it entered, left or moved, every numbered page from there on (each shifts by one report).
 * `rank` is how many reports come before each version; `count` the list's length after.
 */
function numberedPages(
  ranks: { before: number | null; after: number | null },
  moved: boolean,
  count: number,
  cap: number,
): number[] {
  const present = [ranks.before, ranks.after].filter((rank): rank is number => rank !== null);
  if (present.length === 0) return [];
  const first = Math.floor(Math.min(...present) / site.reportsPerPage) + 1;
  const pages = numberedPageCount(count + 1, cap);
  if (first > pages) return [];
  if (!moved) return [first];
  return Array.from({ length: pages - first + 1 }, (_, n) => first + n);
}

/**
 * The pages of a month or a year that one report's change makes stale: the page it is or was on
 * (its 0-based `index`, oldest first); when it entered, left or moved, every later page of the
 * period too, and the one before when it is first on its page (a link to a next page may appear or go). `count` is the
 * period's length after the change. Oldest first, a new report is at the end: one or two pages.
 */
function periodPages(index: number, moved: boolean, count: number): number[] {
  const page = periodPageOf(index);
  if (!moved) return [page];
  const last = Math.max(page, periodPageCount(count + 1));
  // First on its page: that page may be new, or gone, and the one before links to it.
  const first = index % PERIOD_PAGE_SIZE === 0 ? Math.max(1, page - 1) : page;
  return Array.from({ length: last - first + 1 }, (_, n) => first + n);
}

const positionOf = (version: PublishedVersion) => ({
  dateMs: version.report.date.getTime(),
  slug: version.report.slug,
});

/**
 * Every page one change at one address makes stale, worked out from its two versions and a few
 * queries of the store as it is after the change. How many: the report's page and card; up to 10
 * numbered pages of the site's list, its month's page (the later ones too when it moved) and the
 * months index; per list it is in (category, tags, people), up to 3 numbered pages and its year's
 * page (likewise); the front page when it is or was among its newest few, an editor's choice
 * among the newest 200, or on a section's first page; the topics indexes when it joins or leaves
 * a topic; the feed; its month's sitemap file, the index and the pages' file when it moved, and
 * the news sitemap when it was or is a report of the last 48 hours; the topics' or people's sitemap
 * file of a list that appeared or went, and those after it (one per 50,000 lists); and the
 * reports whose related list now differs.
 */
export function pagesForChange(
  { before, after }: AddressChange,
  catalog: CatalogReader = archiveCatalog(),
): string[] {
  const paths = new Set<string>();
  const versions = [before, after].filter((version): version is PublishedVersion => version !== null);
  const moved =
    !before ||
    !after ||
    before.report.date.getTime() !== after.report.date.getTime() ||
    before.report.slug !== after.report.slug;
  const months = new Map<string, number>();
  for (const { report } of versions) {
    paths.add(routes.report(report.slug));
    paths.add(routes.reportPreviewImage(report.slug));
    paths.add(routes.reportListen(report.slug));
    for (const crop of reportPhotoCrops(report)) paths.add(crop);
    const month = vietnamMonth(report.date);
    const index = catalog.olderInPeriod({ month }, { dateMs: report.date.getTime(), slug: report.slug });
    months.set(month, Math.min(index, months.get(month) ?? index));
    paths.add(routes.sitemapFile(monthName(month)));
    if (isRecentNews(report.date)) paths.add(routes.newsSitemap);
  }
  for (const [month, index] of months) {
    for (const page of periodPages(index, moved, catalog.monthCount(month)))
      paths.add(routes.month(Number(month.slice(0, 4)), Number(month.slice(5)), page));
  }
  // Counted only as far as matters: past the numbered pages and the feed, a rank changes nothing.
  const siteReach = Math.max(NUMBERED_PAGES.site * site.reportsPerPage, site.feedSize, FRONT_PAGE.window);
  const rankInSite = (version: PublishedVersion | null) =>
    version ? catalog.rankInSite(positionOf(version), siteReach) : null;
  const siteRanks = { before: rankInSite(before), after: rankInSite(after) };
  for (const page of numberedPages(siteRanks, moved, catalog.count(), NUMBERED_PAGES.site))
    paths.add(routes.listingPage(page));
  if (Math.min(...[siteRanks.before, siteRanks.after].filter((rank) => rank !== null)) < site.feedSize)
    paths.add(routes.feed);
  // The front page: its lead and top stories are the newest few, or an editor's choice among the
  // newest FRONT_PAGE.window; its sections, each big section's first page (below).
  const chosen = versions.some((version) => version.report.featured !== null);
  const frontReach = chosen ? FRONT_PAGE.window : FRONT_PAGE.topStories + 1;
  if (Math.min(...[siteRanks.before, siteRanks.after].filter((rank) => rank !== null)) < frontReach)
    paths.add(routes.home);

  const lists = new Map<string, { kind: ListKind; key: string; in: Array<PublishedVersion | null> }>();
  for (const [side, version] of [
    [0, before],
    [1, after],
  ] as const) {
    if (!version) continue;
    for (const membership of membershipsOf(version.report)) {
      const id = `${membership.kind}:${membership.key}`;
      const list = lists.get(id) ?? { kind: membership.kind, key: membership.key, in: [null, null] };
      list.in[side] = version;
      lists.set(id, list);
    }
  }
  const joinedOrLeft = new Set<ListKind>();
  let listAppearedOrWent = false;
  for (const list of lists.values()) {
    const [was, is] = list.in;
    const joined = !was || !is;
    if (joined) joinedOrLeft.add(list.kind);
    const listReach = NUMBERED_PAGES.list * site.reportsPerPage;
    const rank = (version: PublishedVersion | null) =>
      version ? catalog.rankInList(list.kind, list.key, positionOf(version), listReach) : null;
    const count = catalog.list(list.kind, list.key)?.count ?? 0;
    const listMoved = joined || moved;
    const ranks = { before: rank(was), after: rank(is) };
    for (const page of numberedPages(ranks, listMoved, count, NUMBERED_PAGES.list)) {
      paths.add(FIRST_HREF[list.kind](list.key, page));
    }
    const listRanks = [ranks.before, ranks.after].filter((position) => position !== null);
    if (list.kind === "category" && Math.min(...listRanks) < site.reportsPerPage) paths.add(routes.home);
    // Year pages are linked only from a list longer than its numbered pages.
    if (count + 1 > NUMBERED_PAGES.list * site.reportsPerPage) {
      const years = new Map<number, number>();
      for (const version of [was, is]) {
        if (!version) continue;
        const year = yearOf(version.report);
        const index = catalog.olderInPeriod(
          { kind: list.kind, key: list.key, span: yearSpan(year) },
          positionOf(version),
        );
        years.set(year, Math.min(index, years.get(year) ?? index));
      }
      for (const [year, index] of years) {
        for (const page of periodPages(index, listMoved, catalog.yearCount(list.kind, list.key, year)))
          paths.add(YEAR_HREF[list.kind](list.key, year, page));
      }
    }
    // The list itself, not only this report's place in it: it is new, or now empty.
    const appearedOrWent = joined && (count === 0 || (!was && count === 1));
    if (list.kind !== "person" && joined) {
      for (const page of topicLetterPagesFor(catalog, list.kind, list.key, appearedOrWent))
        paths.add(routes.topicLetter(topicLetter(list.key), page));
    }
    if (appearedOrWent) {
      listAppearedOrWent = true;
      for (const chunk of chunksFrom(list, catalog)) paths.add(chunk);
    }
  }
  // The indexes show counts: the months' when a report entered, left or moved in time, the
  // topics' when it joined or left one. The sitemap files list months, and topics and people
  // without counts (above: only when one appears or goes).
  if (moved) {
    paths.add(routes.archive);
    paths.add(routes.sitemapFile("trang"));
  }
  if (joinedOrLeft.has("tag") || joinedOrLeft.has("category")) paths.add(routes.topics);
  // Which sections the front page shows follows the sections' sizes.
  if (joinedOrLeft.has("category")) paths.add(routes.home);
  if (moved || listAppearedOrWent) paths.add(routes.sitemap);
  for (const slug of changedRelatedLists(
    catalog,
    versions.map((version) => version.report),
  ))
    paths.add(routes.report(slug));
  return [...paths];
}
