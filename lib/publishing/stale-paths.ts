import { type Archive, TAG_NEIGHBOURS } from "../content/refresh";
import { archiveIndexes, archiveView, personSlug, topicSlug } from "../content";
import { publishedPages } from "../pages";
import { routes } from "../routes";

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

/** Each published address with what it shows (lib/pages.ts), for one version of the archive. */
function fingerprints(archive: Archive): Map<string, string> {
  return new Map(publishedPages(archive).map((page) => [page.path, page.shows]));
}

/**
 * The addresses whose content differs between two versions of the archive: exactly the pages
 * whose content changed are revalidated (the report's own page and card, the listing pages it
 * moved into or out of and those after when the list shifted, its topics and people, the feed and
 * the sitemap), and the reports whose related list changed.
 */
export function stalePaths(before: Archive, after: Archive): string[] {
  if (before === after) return [];
  const old = fingerprints(before);
  const now = fingerprints(after);
  const stale = new Set(
    [...now].filter(([path, fingerprint]) => old.get(path) !== fingerprint).map(([path]) => path),
  );
  for (const path of old.keys()) if (!now.has(path)) stale.add(path);
  for (const path of relatedStalePaths(before, after)) stale.add(path);
  return [...stale];
}
