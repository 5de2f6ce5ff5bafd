import { type Archive, TAG_NEIGHBOURS } from "../content/refresh";
import {
  archiveIndexes,
  archiveView,
  personSlug,
  type ReportSummary,
  sortTopics,
  type Topic,
  topicSlug,
} from "../content";
import { routes } from "../routes";
import { site } from "../site";
import { SITEMAP_LIMIT } from "../sitemap";

/**
 * Every address the archive publishes, with a fingerprint of what it shows: the reports on it, each
 * with its version. A publish compares the fingerprints before and after, so exactly the pages
 * whose content changed are revalidated: the report's own page and card, the listing pages it
 * moved into or out of (and those after, when the list shifted), its topics and people, the feed
 * and the sitemap. Related reports are compared apart (relatedStalePaths).
 */
export function pageFingerprints(archive: Archive): Map<string, string> {
  const known = fingerprints.get(archive);
  if (known) return known;
  const view = archiveView(archive);
  const { tags, categories, people } = archiveIndexes(view);
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
    pages.set(routes.report(report.slug), id(report));
    pages.set(routes.reportPreviewImage(report.slug), id(report));
  }
  pages.set(routes.feed, ids(view.published.slice(0, site.feedSize)));

  // The sitemap lists every report, topic and person: any change to those changes it.
  const sitemap = [ids(view.published), ...tags.keys(), ...categories.keys(), ...people.keys()].join(" ");
  pages.set(routes.sitemap, sitemap);
  // As many URLs as publishedSitemapEntries lists: listing pages, reports, the topics page, topics, people.
  const listingPages = Math.max(1, Math.ceil(view.published.length / site.reportsPerPage));
  const urlCount = listingPages + view.published.length + 1 + tags.size + categories.size + people.size;
  // Chunk files exist only past the limit (/sitemaps/N.xml answers 404 otherwise).
  const chunks = Math.ceil(urlCount / SITEMAP_LIMIT);
  for (let chunk = 1; chunks > 1 && chunk <= chunks; chunk += 1)
    pages.set(routes.sitemapChunk(chunk), sitemap);

  fingerprints.set(archive, pages);
  return pages;
}

const fingerprints = new WeakMap<Archive, Map<string, string>>();

const publishedBySlug = (archive: Archive) => new Map(archiveView(archive).published.map((r) => [r.slug, r]));

/**
 * Reports whose related list may have changed with these reports: those sharing a person with one
 * of them, or near it in a tag's list (the window moves by one when a report joins or leaves it).
 * Related lists are worked out on demand, so only these are compared, not the whole archive.
 */
function relatedCandidates(archive: Archive, changed: Iterable<string>): Set<string> {
  const { tags, people } = archiveIndexes(archiveView(archive));
  const published = publishedBySlug(archive);
  const candidates = new Set<string>();
  for (const slug of changed) {
    const report = published.get(slug);
    if (!report) continue;
    candidates.add(slug);
    for (const attendee of report.attendees) {
      for (const { report: other } of people.get(personSlug(attendee))?.appearances ?? [])
        candidates.add(other.slug);
    }
    for (const tag of report.tags) {
      const list = tags.get(topicSlug(tag))?.reports ?? [];
      const position = list.indexOf(report);
      const from = Math.max(0, position - TAG_NEIGHBOURS - 1);
      for (const other of list.slice(from, position + TAG_NEIGHBOURS + 2)) candidates.add(other.slug);
    }
  }
  return candidates;
}

function relatedStalePaths(before: Archive, after: Archive): string[] {
  const changed = new Set<string>();
  for (const [slug, version] of before.versions) if (after.versions.get(slug) !== version) changed.add(slug);
  for (const [slug, version] of after.versions) if (before.versions.get(slug) !== version) changed.add(slug);
  if (changed.size === 0) return [];
  const relatedIds = (archive: Archive) => {
    const published = publishedBySlug(archive);
    const { related } = archiveIndexes(archiveView(archive));
    return (slug: string) => {
      const report = published.get(slug);
      return report
        ? related(report)
            .map((other) => `${other.slug}@${archive.versions.get(other.slug)}`)
            .join(" ")
        : null;
    };
  };
  const [old, now] = [relatedIds(before), relatedIds(after)];
  const candidates = new Set([...relatedCandidates(before, changed), ...relatedCandidates(after, changed)]);
  return [...candidates].filter((slug) => old(slug) !== now(slug)).map(routes.report);
}

/** The addresses whose content differs between two versions of the archive. */
export function stalePaths(before: Archive, after: Archive): string[] {
  if (before === after) return [];
  const old = pageFingerprints(before);
  const now = pageFingerprints(after);
  const stale = new Set(
    [...now].filter(([path, fingerprint]) => old.get(path) !== fingerprint).map(([path]) => path),
  );
  for (const path of old.keys()) if (!now.has(path)) stale.add(path);
  for (const path of relatedStalePaths(before, after)) stale.add(path);
  return [...stale];
}
