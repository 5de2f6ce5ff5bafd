import type { Archive } from "../content/archive";
import { archiveIndexes, archiveView, type ReportSummary, sortTopics, type Topic } from "../content";
import { routes } from "../routes";
import { site } from "../site";
import { SITEMAP_LIMIT } from "../sitemap";

/**
 * Every address the archive publishes, with a fingerprint of what it shows: the reports on it, each
 * with its version. A publish compares the fingerprints before and after, so exactly the pages
 * whose content changed are revalidated: the report's own page and card, the listing pages it
 * moved into or out of (and those after, when the list shifted), its topics and people, the
 * reports whose related list changed, the feed and the sitemap.
 */
export function pageFingerprints(archive: Archive): Map<string, string> {
  const known = fingerprints.get(archive);
  if (known) return known;
  const view = archiveView(archive);
  const { tags, categories, people, related } = archiveIndexes(view);
  const id = (report: ReportSummary) => `${report.slug}@${archive.versions.get(report.slug)}`;
  const ids = (reports: readonly ReportSummary[]) => reports.map(id).join(" ");
  const pages = new Map<string, string>();

  const paginate = (reports: readonly ReportSummary[], pathOf: (page: number) => string) => {
    const pageCount = Math.max(1, Math.ceil(reports.length / site.reportsPerPage));
    for (let page = 1; page <= pageCount; page += 1) {
      pages.set(
        pathOf(page),
        ids(reports.slice((page - 1) * site.reportsPerPage, page * site.reportsPerPage)),
      );
    }
  };
  paginate(view.published, routes.listingPage);
  for (const topic of tags.values()) paginate(topic.reports, (page) => routes.tag(topic.slug, page));
  for (const topic of categories.values())
    paginate(topic.reports, (page) => routes.category(topic.slug, page));
  const topicList = (topics: Iterable<Topic>) =>
    sortTopics(topics).map((t: Topic) => `${t.name}:${t.reports.length}`);
  pages.set(routes.topics, [...topicList(categories.values()), ...topicList(tags.values())].join("|"));
  for (const person of people.values()) {
    pages.set(
      routes.person(person.slug),
      person.appearances.map((appearance) => id(appearance.report)).join(" "),
    );
  }
  for (const report of view.published) {
    pages.set(routes.report(report.slug), `${id(report)} | ${ids(related.get(report.slug) ?? [])}`);
    pages.set(routes.reportPreviewImage(report.slug), id(report));
  }
  pages.set(routes.feed, ids(view.published.slice(0, site.feedSize)));

  // The sitemap lists every report, topic and person: any change to those changes it.
  const sitemap = [ids(view.published), ...tags.keys(), ...categories.keys(), ...people.keys()].join(" ");
  pages.set(routes.sitemap, sitemap);
  // As many URLs as publishedSitemapEntries lists: listing pages, reports, the topics page, topics, people.
  const listingPages = Math.max(1, Math.ceil(view.published.length / site.reportsPerPage));
  const urlCount = listingPages + view.published.length + 1 + tags.size + categories.size + people.size;
  for (let chunk = 1; chunk <= Math.ceil(urlCount / SITEMAP_LIMIT); chunk += 1)
    pages.set(routes.sitemapChunk(chunk), sitemap);

  fingerprints.set(archive, pages);
  return pages;
}

const fingerprints = new WeakMap<Archive, Map<string, string>>();

/** The addresses whose content differs between two versions of the archive (all of them after none). */
export function stalePaths(before: Archive | null, after: Archive): string[] {
  const old = before ? pageFingerprints(before) : new Map<string, string>();
  const now = pageFingerprints(after);
  const stale = [...now].filter(([path, fingerprint]) => old.get(path) !== fingerprint).map(([path]) => path);
  return [...stale, ...[...old.keys()].filter((path) => !now.has(path))];
}
