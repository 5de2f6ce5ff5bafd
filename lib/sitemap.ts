import { create } from "xmlbuilder2";
import { getPeople, getReportPage, getReports, getTopics, type ReportSummary } from "./content";
import { toVietnamIso } from "./dates";
import { routes } from "./routes";
import { absoluteUrl } from "./site";

/** The sitemaps protocol's limit of URLs per file. */
export const SITEMAP_LIMIT = 50_000;
const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

export interface SitemapEntry {
  url: string;
  lastModified?: string;
}

/** Home, the listing pages, every published report, topic and person, as absolute URLs. */
export function sitemapEntries(
  reports: readonly ReportSummary[],
  pageCount: number,
  extraPaths: string[] = [],
): SitemapEntry[] {
  const lastModified = (report: ReportSummary) => toVietnamIso(report.updated ?? report.date);
  return [
    { url: absoluteUrl(routes.home), lastModified: reports[0] ? lastModified(reports[0]) : undefined },
    ...Array.from({ length: pageCount - 1 }, (_, index) => ({
      url: absoluteUrl(routes.listingPage(index + 2)),
    })),
    ...reports.map((report) => ({
      url: absoluteUrl(routes.report(report.slug)),
      lastModified: lastModified(report),
    })),
    ...extraPaths.map((path) => ({ url: absoluteUrl(path) })),
  ];
}

/** Everything the site publishes: what /sitemap.xml and its chunks list. */
export function publishedSitemapEntries(): SitemapEntry[] {
  return sitemapEntries(getReports(), getReportPage(1)?.pageCount ?? 1, [
    routes.topics,
    ...getTopics("category").map((topic) => routes.category(topic.slug)),
    ...getTopics("tag").map((topic) => routes.tag(topic.slug)),
    ...getPeople().map((person) => routes.person(person.slug)),
  ]);
}

export function sitemapChunkCount(entries: SitemapEntry[]): number {
  return Math.max(1, Math.ceil(entries.length / SITEMAP_LIMIT));
}

export function urlsetXml(entries: SitemapEntry[]): string {
  const urlset = create({ version: "1.0", encoding: "UTF-8" }).ele(NAMESPACE, "urlset");
  for (const entry of entries) {
    const url = urlset.ele("url");
    url.ele("loc").txt(entry.url);
    if (entry.lastModified) url.ele("lastmod").txt(entry.lastModified);
  }
  return urlset.end({ prettyPrint: true });
}

/** /sitemap.xml: the URLs themselves while they fit in one file, else an index of the files. */
export function rootSitemapXml(entries: SitemapEntry[]): string {
  const chunks = sitemapChunkCount(entries);
  if (chunks === 1) return urlsetXml(entries);
  const index = create({ version: "1.0", encoding: "UTF-8" }).ele(NAMESPACE, "sitemapindex");
  for (let chunk = 1; chunk <= chunks; chunk += 1) {
    index
      .ele("sitemap")
      .ele("loc")
      .txt(absoluteUrl(routes.sitemapChunk(chunk)));
  }
  return index.end({ prettyPrint: true });
}

/** Chunk n (from 1) of an archive too large for one sitemap file. */
export function sitemapChunkXml(entries: SitemapEntry[], chunk: number): string {
  return urlsetXml(entries.slice((chunk - 1) * SITEMAP_LIMIT, chunk * SITEMAP_LIMIT));
}
