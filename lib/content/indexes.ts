import { vietnamYear } from "../dates";
import { slugify } from "../slugs";
import type { Attendee, ReportSummary } from "./types";

export type TopicKind = "tag" | "category";

export interface Topic {
  kind: TopicKind;
  name: string;
  slug: string;
  /** Newest first. */
  reports: ReportSummary[];
}

/** One report a person attended, with the rank and role that report gave them. */
export interface Appearance {
  report: ReportSummary;
  rank: string | null;
  role: string | null;
}

export interface Person {
  slug: string;
  name: string;
  /** Newest first. */
  appearances: Appearance[];
}

export interface ArchiveIndexes {
  tags: Map<string, Topic>;
  categories: Map<string, Topic>;
  people: Map<string, Person>;
  /** The years, in Vietnam time, that have reports, newest first: search's year filter. */
  years: number[];
  /** Up to three related reports of a report, best first: worked out on first asking, then kept. */
  related(report: ReportSummary): ReportSummary[];
}

const RELATED_COUNT = 3;
// A shared person says more about a report than a shared tag: tags are broad.
const PERSON_WEIGHT = 3;
const TAG_WEIGHT = 1;
// A tag can hold thousands of reports: only its reports nearest in time are candidates, so one
// report's list costs the same at any archive size.
export const TAG_NEIGHBOURS = 30;

/**
 * Related reports of one report, by shared people and tags; ties go to the report closest in
 * time, then to the slug. The best three are picked in one pass over the candidates, not by
 * sorting them: with 10,000 reports, sorting every report's candidates took 10 s.
 */
function relatedTo(
  report: ReportSummary,
  tags: Map<string, Topic>,
  people: Map<string, Person>,
  positionIn: (topic: Topic, report: ReportSummary) => number | undefined,
): ReportSummary[] {
  const scores = new Map<ReportSummary, number>();
  const add = (other: ReportSummary, weight: number) => {
    if (other !== report) scores.set(other, (scores.get(other) ?? 0) + weight);
  };
  for (const attendee of report.attendees) {
    for (const { report: other } of people.get(personSlug(attendee))?.appearances ?? []) add(other, PERSON_WEIGHT);
  }
  for (const tag of report.tags) {
    const topic = tags.get(topicSlug(tag));
    const position = topic && positionIn(topic, report);
    if (!topic || position === undefined) continue;
    const from = Math.max(0, position - TAG_NEIGHBOURS);
    for (const other of topic.reports.slice(from, position + TAG_NEIGHBOURS + 1)) add(other, TAG_WEIGHT);
  }
  const time = report.date.getTime();
  const better = (a: ReportSummary, scoreA: number, b: ReportSummary, scoreB: number) =>
    scoreA !== scoreB
      ? scoreA > scoreB
      : Math.abs(a.date.getTime() - time) !== Math.abs(b.date.getTime() - time)
        ? Math.abs(a.date.getTime() - time) < Math.abs(b.date.getTime() - time)
        : a.slug < b.slug;
  const best: Array<[ReportSummary, number]> = [];
  for (const [other, score] of scores) {
    let at = best.length;
    while (at > 0 && better(other, score, ...best[at - 1])) at -= 1;
    if (at < RELATED_COUNT) {
      best.splice(at, 0, [other, score]);
      if (best.length > RELATED_COUNT) best.pop();
    }
  }
  return best.map(([other]) => other);
}

// The same few hundred names and tags recur across the archive: slugify each once, not once per
// report (70,000 times for 10,000 reports, a third of the time it took to index them).
const slugs = new Map<string, string>();
function cachedSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugify(name);
    if (slugs.size < 100_000) slugs.set(name, slug);
  }
  return slug;
}

/** One person across reports is one name; an `id` separates two people who share a name. */
export function personSlug(attendee: Pick<Attendee, "name" | "id">): string {
  return attendee.id ?? cachedSlug(attendee.name);
}

export function topicSlug(name: string): string {
  return cachedSlug(name);
}

function addTo(topics: Map<string, Topic>, kind: TopicKind, name: string, report: ReportSummary): void {
  const slug = topicSlug(name);
  if (!slug) return;
  const topic = topics.get(slug) ?? { kind, name, slug, reports: [] };
  topics.set(slug, topic);
  if (topic.reports.at(-1) !== report) topic.reports.push(report);
}

/**
 * Topics and people of the whole archive, in one pass over reports already sorted newest first:
 * built once per archive, so no page rescans the archive for its own list.
 */
export function buildIndexes(reports: readonly ReportSummary[]): ArchiveIndexes {
  const tags = new Map<string, Topic>();
  const categories = new Map<string, Topic>();
  const people = new Map<string, Person>();
  const years = new Set<number>();
  for (const report of reports) {
    years.add(vietnamYear(report.date));
    for (const tag of report.tags) addTo(tags, "tag", tag, report);
    if (report.category) addTo(categories, "category", report.category, report);
    for (const attendee of report.attendees) {
      const slug = personSlug(attendee);
      if (!slug) continue;
      const person = people.get(slug) ?? { slug, name: attendee.name, appearances: [] };
      people.set(slug, person);
      if (person.appearances.at(-1)?.report !== report) {
        person.appearances.push({ report, rank: attendee.rank ?? null, role: attendee.role ?? null });
      }
    }
  }
  // Where each report sits in each tag's list, built on the first related list asked for.
  let positions: Map<Topic, Map<ReportSummary, number>> | null = null;
  const positionIn = (topic: Topic, report: ReportSummary) => {
    positions ??= new Map([...tags.values()].map((t) => [t, new Map(t.reports.map((r, i) => [r, i]))]));
    return positions.get(topic)?.get(report);
  };
  const related = new Map<ReportSummary, ReportSummary[]>();
  return {
    tags,
    categories,
    people,
    years: [...years].sort((a, b) => b - a),
    related(report) {
      let list = related.get(report);
      if (!list) {
        list = relatedTo(report, tags, people, positionIn);
        related.set(report, list);
      }
      return list;
    },
  };
}

const collator = new Intl.Collator("vi");

/** Topics sorted the Vietnamese way: "Đ" after "D", tones after the bare letter. */
export function sortTopics(topics: Iterable<Topic>): Topic[] {
  return [...topics].sort((a, b) => collator.compare(a.name, b.name));
}
