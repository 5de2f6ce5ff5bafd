import type { ReportSummary } from "./content";
import { toVietnamIso } from "./dates";
import { routes } from "./routes";
import { absoluteUrl, site } from "./site";
import { SITEMAP_NAMESPACE, XML_DECLARATION, xmlBuilder } from "./sitemap";

// Google News reads a news sitemap for fresh reports only: those published in the last two days,
// at most 1,000 of them (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).

export const NEWS_WINDOW_MS = 48 * 3_600_000;
export const NEWS_SITEMAP_LIMIT = 1000;
const NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";

/** True when a report published at `date` belongs in the news sitemap at `now`. */
export function isRecentNews(date: Date, now: number = Date.now()): boolean {
  return date.getTime() > now - NEWS_WINDOW_MS;
}

/**
 * The reports the news sitemap lists, from the newest reports (newest first, as the store gives
 * them): those of the last 48 hours, at most 1,000. Hours, not calendar days, so the server's time
 * zone changes nothing; a report dated a little ahead of this clock (another machine's) stays in.
 */
export function newsSitemapReports<Summary extends Pick<ReportSummary, "date">>(
  newest: readonly Summary[],
  now: number = Date.now(),
): Summary[] {
  return newest.filter((report) => isRecentNews(report.date, now)).slice(0, NEWS_SITEMAP_LIMIT);
}

// XML 1.0 has no way to write these, escaped or not: a title holding one would make the file unreadable.
const UNWRITABLE_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** The news sitemap: each report with the site's name, its language, its date in +07:00 and its title. */
export function newsSitemapXml(reports: readonly Pick<ReportSummary, "slug" | "title" | "date">[]): string {
  const url = reports.map((report) => ({
    loc: absoluteUrl(routes.report(report.slug)),
    "news:news": {
      "news:publication": { "news:name": site.name, "news:language": site.language },
      "news:publication_date": toVietnamIso(report.date),
      "news:title": report.title.replace(UNWRITABLE_IN_XML, ""),
    },
  }));
  return (
    XML_DECLARATION +
    xmlBuilder.build({ urlset: { "@_xmlns": SITEMAP_NAMESPACE, "@_xmlns:news": NEWS_NAMESPACE, url } })
  );
}
