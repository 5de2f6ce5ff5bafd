import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { create } from "xmlbuilder2";
import type { ReportSummary } from "./content";
import { newestChange, VIETNAM_TIME_ZONE } from "./dates";
import { routes } from "./routes";
import { absoluteUrl, site } from "./site";

/** RFC 822 date in Vietnam time, as RSS 2.0 wants it: "Tue, 12 Jan 2021 08:00:00 +0700". */
export function toRfc822(date: Date): string {
  return format(new TZDate(date, VIETNAM_TIME_ZONE), "EEE, dd MMM yyyy HH:mm:ss xx");
}

export interface FeedOptions {
  /** The WebSub hub readers may subscribe through (lib/notify/settings.ts); none when null. */
  hub?: string | null;
  /** When the feed is built: its date when it lists no report. */
  now?: Date;
}

/**
 * The RSS 2.0 feed of the newest reports. xmlbuilder2 escapes every text, so a title holding
 * "<" or "&" stays text. (The `feed` package writes dates in GMT only, hence this builder.)
 */
export function buildRssFeed(
  reports: readonly ReportSummary[],
  { hub = null, now = new Date() }: FeedOptions = {},
): string {
  const listed = reports.slice(0, site.feedSize);
  const feedUrl = absoluteUrl(routes.feed);
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("rss", {
    version: "2.0",
    "xmlns:atom": "http://www.w3.org/2005/Atom",
    "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  });
  const channel = root.ele("channel");
  channel.ele("title").txt(site.name);
  channel.ele("link").txt(absoluteUrl(routes.home));
  channel.ele("description").txt(site.description);
  channel.ele("language").txt("vi-VN");
  // An update to a listed report changes the feed as much as a new report does.
  channel.ele("lastBuildDate").txt(toRfc822(newestChange(listed) ?? now));
  channel.ele("atom:link", { href: feedUrl, rel: "self", type: "application/rss+xml" });
  if (hub) channel.ele("atom:link", { href: hub, rel: "hub" });

  for (const report of listed) {
    const url = absoluteUrl(routes.report(report.slug));
    const item = channel.ele("item");
    item.ele("title").txt(report.title);
    item.ele("link").txt(url);
    item.ele("guid", { isPermaLink: "true" }).txt(url);
    item.ele("pubDate").txt(toRfc822(report.date));
    item.ele("description").txt(report.summary);
    item.ele("dc:creator").txt(report.author ?? report.source?.name ?? site.name);
    if (report.category) item.ele("category").txt(report.category);
    for (const tag of report.tags) item.ele("category").txt(tag);
  }
  return root.end({ prettyPrint: true });
}
