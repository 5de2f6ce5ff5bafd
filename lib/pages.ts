import { type Archive, archiveIndexes, archiveView, loadArchive } from "./content/refresh";
import { type ReportSummary, sortTopics, type Topic } from "./content";
import { toVietnamIso } from "./dates";
import { pageCount, pageSlice } from "./pagination";
import { routes } from "./routes";
import { absoluteUrl, site } from "./site";
import { SITEMAP_LIMIT, type SitemapEntry } from "./sitemap";

// The one owner of addresses: every address the site publishes, what it shows, whether it goes in
// the sitemap and when it last changed. The sitemap, the routes' static params and what a publish
// revalidates (lib/publishing) are all read from this list, so they cannot disagree.

/** The routes under app/ whose addresses the archive decides, as app/ names their folders. */
export const PUBLISHED_ROUTES = [
  "/",
  "/trang/[page]",
  "/bai-viet/[slug]",
  "/bai-viet/[slug]/anh-chia-se.png",
  "/chu-de",
  "/chu-de/[slug]",
  "/chu-de/[slug]/trang/[page]",
  "/chuyen-muc/[slug]",
  "/chuyen-muc/[slug]/trang/[page]",
  "/nguoi/[slug]",
  "/feed.xml",
  "/sitemap.xml",
  "/sitemaps/[file]",
] as const;

export type PublishedRoute = (typeof PUBLISHED_ROUTES)[number];

/** Routes whose pages all render on their first request: the build lists none of them. */
const ON_FIRST_REQUEST: ReadonlySet<PublishedRoute> = new Set([
  "/chu-de/[slug]",
  "/chu-de/[slug]/trang/[page]",
  "/chuyen-muc/[slug]",
  "/chuyen-muc/[slug]/trang/[page]",
  "/nguoi/[slug]",
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
  "/tim-kiem": "answers each search as it is asked; the results are not pages of their own",
  "/tim-kiem/goi-y": "suggestions as a reader types, answered per request",
  "/images/[...path]": "the photos published reports show, served from the public folder as files",
  "/api/revalidate": "the watcher's own call to refresh pages, refused to anyone else",
  "/quan-tri": "the editors' pages: rendered per request, never cached, indexed or listed",
  "/quan-tri/anh/[...path]":
    "every photo, drafts' included, for signed-in editors only: never cached or listed",
  "/quan-tri/dang-nhap": "the editors' pages: rendered per request, never cached, indexed or listed",
  "/quan-tri/moi": "the editors' pages: rendered per request, never cached, indexed or listed",
  "/quan-tri/sua/[ten]": "the editors' pages: rendered per request, never cached, indexed or listed",
};

export interface PublishedPage {
  route: PublishedRoute;
  /** The route's params for this address, as generateStaticParams gives them. */
  params: Readonly<Record<string, string>>;
  path: string;
  /** A fingerprint of what the page shows: it changes exactly when the page must be rendered again. */
  shows: string;
  inSitemap: boolean;
  /** In Vietnam time; only where a page has a date of its own. */
  lastModified?: string;
  /** Rendered by the build rather than on its first request (see prerenderCount). */
  prerendered: boolean;
}

/**
 * How many of the newest reports the build renders ahead, with their share cards and the listing
 * pages they fill (`PRERENDER_REPORTS`, default 100). Every other page (older reports, topics,
 * people) renders on its first request, in tens of milliseconds, and is cached from then on: build
 * time follows this number, not the archive's size.
 */
export function prerenderCount(): number {
  const setting = process.env.PRERENDER_REPORTS ?? "100";
  if (!/^\d+$/.test(setting)) throw new Error(`PRERENDER_REPORTS=“${setting}”: cần một số nguyên không âm`);
  return Number(setting);
}

function listPages(archive: Archive): PublishedPage[] {
  const view = archiveView(archive);
  const { tags, categories, people } = archiveIndexes(view);
  const published = view.published;
  const id = (report: ReportSummary) => `${report.slug}@${archive.versions.get(report.slug)}`;
  const ids = (reports: readonly ReportSummary[]) => reports.map(id).join(" ");
  const lastModified = (report: ReportSummary) => toVietnamIso(report.updated ?? report.date);
  const newest = Math.min(prerenderCount(), published.length);
  const pages: PublishedPage[] = [];
  const add = (page: Omit<PublishedPage, "params" | "prerendered"> & Partial<PublishedPage>) =>
    pages.push({ params: {}, prerendered: !ON_FIRST_REQUEST.has(page.route), ...page });

  add({
    route: "/",
    path: routes.home,
    shows: ids(pageSlice(published, 1)),
    inSitemap: true,
    lastModified: published[0] ? lastModified(published[0]) : undefined,
  });
  for (let page = 2; page <= pageCount(published.length); page += 1) {
    add({
      route: "/trang/[page]",
      params: { page: String(page) },
      path: routes.listingPage(page),
      shows: ids(pageSlice(published, page)),
      inSitemap: true,
      prerendered: page <= Math.ceil(newest / site.reportsPerPage),
    });
  }
  published.forEach((report, position) => {
    const params = { slug: report.slug };
    const prerendered = position < newest;
    add({
      route: "/bai-viet/[slug]",
      params,
      path: routes.report(report.slug),
      shows: id(report),
      inSitemap: true,
      lastModified: lastModified(report),
      prerendered,
    });
    add({
      route: "/bai-viet/[slug]/anh-chia-se.png",
      params,
      path: routes.reportPreviewImage(report.slug),
      shows: id(report),
      inSitemap: false,
      prerendered,
    });
  });

  const topicList = (topics: Iterable<Topic>) =>
    sortTopics(topics).map((t) => `${t.name}:${t.reports.length}`);
  add({
    route: "/chu-de",
    path: routes.topics,
    shows: [...topicList(categories.values()), ...topicList(tags.values())].join("|"),
    inSitemap: true,
  });
  const topicPages = (topics: Map<string, Topic>, first: PublishedRoute, later: PublishedRoute) => {
    const pathOf = first === "/chu-de/[slug]" ? routes.tag : routes.category;
    for (const topic of sortTopics(topics.values())) {
      for (let page = 1; page <= pageCount(topic.reports.length); page += 1) {
        add({
          route: page === 1 ? first : later,
          params: page === 1 ? { slug: topic.slug } : { slug: topic.slug, page: String(page) },
          path: pathOf(topic.slug, page),
          shows: ids(pageSlice(topic.reports, page)),
          inSitemap: page === 1,
        });
      }
    }
  };
  topicPages(categories, "/chuyen-muc/[slug]", "/chuyen-muc/[slug]/trang/[page]");
  topicPages(tags, "/chu-de/[slug]", "/chu-de/[slug]/trang/[page]");
  for (const person of people.values()) {
    add({
      route: "/nguoi/[slug]",
      params: { slug: person.slug },
      path: routes.person(person.slug),
      shows: person.appearances.map((appearance) => id(appearance.report)).join(" "),
      inSitemap: true,
    });
  }
  add({
    route: "/feed.xml",
    path: routes.feed,
    shows: ids(published.slice(0, site.feedSize)),
    inSitemap: false,
  });

  // The sitemap shows its entries' addresses and dates; past the protocol's limit they are split
  // into chunk files.
  const listed = pages.filter((page) => page.inSitemap);
  const sitemap = listed.map((page) => `${page.path} ${page.lastModified ?? ""}`).join("\n");
  add({ route: "/sitemap.xml", path: routes.sitemap, shows: sitemap, inSitemap: false });
  const chunks = Math.ceil(listed.length / SITEMAP_LIMIT);
  for (let chunk = 1; chunks > 1 && chunk <= chunks; chunk += 1) {
    add({
      route: "/sitemaps/[file]",
      params: { file: `${chunk}.xml` },
      path: routes.sitemapChunk(chunk),
      shows: sitemap,
      inSitemap: false,
    });
  }
  return pages;
}

const known = new WeakMap<Archive, PublishedPage[]>();

/** Every address the archive publishes, once per version of the archive. */
export function publishedPages(archive: Archive = loadArchive()): readonly PublishedPage[] {
  let pages = known.get(archive);
  if (!pages) {
    pages = listPages(archive);
    known.set(archive, pages);
  }
  return pages;
}

/** What /sitemap.xml and its chunks list, in the list's order: home, listing pages, reports, topics, people. */
export function sitemapEntries(archive?: Archive): SitemapEntry[] {
  return publishedPages(archive)
    .filter((page) => page.inSitemap)
    .map((page) => ({ url: absoluteUrl(page.path), lastModified: page.lastModified }));
}

/**
 * A route's generateStaticParams, for the production build only: the params of its pages the
 * build renders ahead. `next dev` answers from a stale list of params once after a change, so a
 * report (or topic, or person) an editor has just added would 404 on its first load; without a
 * list there, every param renders on demand and an unknown one is still a 404 from the page.
 */
export function prerenderedParams<Params extends Record<string, string>>(
  route: PublishedRoute,
): (() => Params[]) | undefined {
  if (process.env.NODE_ENV === "development") return undefined;
  // Without asking for the archive's whole list of pages: each route's bundle would build its own.
  if (ON_FIRST_REQUEST.has(route)) return () => [];
  return () =>
    publishedPages()
      .filter((page) => page.route === route && page.prerendered)
      .map((page) => page.params as Params);
}
