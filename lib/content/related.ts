import { type CatalogReader, type ListPosition, membershipsOf } from "./catalog";
import type { ReportSummary } from "./types";

// Related reports: those sharing people and tags with a report, among its neighbours in time in
// each of those lists. Looking only at neighbours keeps one list's cost the same at any archive
// size, and it bounds which lists a publish can change: only those of reports near it.

const RELATED_COUNT = 3;
// A shared person says more about a report than a shared tag: tags are broad.
const WEIGHTS = { person: 3, tag: 1, category: 0 } as const;
/** How many reports on either side of a report, in each of its lists, are candidates. */
export const RELATED_WINDOW = 10;

const positionOf = (report: ReportSummary): ListPosition => ({ dateMs: report.date.getTime(), slug: report.slug });

/**
 * The best three candidates by score (shared lists, people weighing more), then the closest in
 * time, then the slug; in one pass over the candidates.
 */
function bestRelated(catalog: CatalogReader, report: ReportSummary): Array<{ report: ReportSummary; version: number }> {
  const scores = new Map<string, number>();
  for (const membership of membershipsOf(report)) {
    const weight = WEIGHTS[membership.kind];
    if (weight === 0) continue;
    for (const slug of catalog.neighbours(membership.kind, membership.key, positionOf(report), RELATED_WINDOW, RELATED_WINDOW)) {
      if (slug !== report.slug) scores.set(slug, (scores.get(slug) ?? 0) + weight);
    }
  }
  const time = report.date.getTime();
  const distance = (other: ReportSummary) => Math.abs(other.date.getTime() - time);
  type Scored = { report: ReportSummary; version: number; score: number };
  const better = (a: Scored, b: Scored) =>
    a.score !== b.score
      ? a.score > b.score
      : distance(a.report) !== distance(b.report)
        ? distance(a.report) < distance(b.report)
        : a.report.slug < b.report.slug;
  const best: Scored[] = [];
  for (const [slug, score] of scores) {
    const found = catalog.bySlug(slug);
    if (!found) continue;
    const candidate = { report: found.report, version: found.version, score };
    let at = best.length;
    while (at > 0 && better(candidate, best[at - 1])) at -= 1;
    if (at < RELATED_COUNT) {
      best.splice(at, 0, candidate);
      if (best.length > RELATED_COUNT) best.pop();
    }
  }
  return best;
}

/** Up to three reports related to a published one, best first; remembered for what a publish compares. */
export function relatedReports(catalog: CatalogReader, slug: string): ReportSummary[] {
  const found = catalog.bySlug(slug);
  if (!found) return [];
  const best = bestRelated(catalog, found.report);
  catalog.storeRelated(
    slug,
    best.map((item) => ({ slug: item.report.slug, version: item.version })),
  );
  return best.map((item) => item.report);
}

/**
 * After a change to these versions of a report (before, after), the reports whose related list
 * it may have changed: its neighbours in every list it was or is in (one further than the window,
 * as the window moves by one when a report joins or leaves), and those whose remembered list
 * shows it. Of those, the ones whose list now differs from the one remembered, which is updated.
 */
export function changedRelatedLists(catalog: CatalogReader, versions: ReadonlyArray<ReportSummary | null>): string[] {
  const candidates = new Set<string>();
  for (const report of versions) {
    if (!report) continue;
    candidates.add(report.slug);
    for (const slug of catalog.showingRelated(report.slug)) candidates.add(slug);
    for (const membership of membershipsOf(report)) {
      if (WEIGHTS[membership.kind] === 0) continue;
      const reach = RELATED_WINDOW + 1;
      for (const slug of catalog.neighbours(membership.kind, membership.key, positionOf(report), reach, reach)) candidates.add(slug);
    }
  }
  const changed: string[] = [];
  for (const slug of candidates) {
    const remembered = catalog.storedRelated(slug);
    if (remembered === null) continue;
    const found = catalog.bySlug(slug);
    const now = found
      ? bestRelated(catalog, found.report).map((item) => ({ slug: item.report.slug, version: item.version }))
      : [];
    if (now.map((item) => `${item.slug}@${item.version}`).join(" ") === remembered) continue;
    catalog.storeRelated(slug, now);
    changed.push(slug);
  }
  return changed.sort();
}
