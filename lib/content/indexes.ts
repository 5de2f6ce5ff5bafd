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
  /** Up to three related reports per report slug, best first. */
  related: Map<string, ReportSummary[]>;
}

const RELATED_COUNT = 3;
// A shared person says more about a report than a shared tag: tags are broad.
const PERSON_WEIGHT = 3;
const TAG_WEIGHT = 1;
// A tag can hold thousands of reports: only its reports nearest in time are candidates, so the
// whole pass stays linear in the archive's size.
const TAG_NEIGHBOURS = 30;

/**
 * Related reports for every report at once, by shared people and tags; ties go to the report
 * closest in time. Built once per archive, never per page.
 */
export function relatedReports(
  reports: readonly ReportSummary[],
  tags: Map<string, Topic>,
  people: Map<string, Person>,
): Map<string, ReportSummary[]> {
  const positionIn = new Map<Topic, Map<ReportSummary, number>>();
  for (const topic of tags.values()) positionIn.set(topic, new Map(topic.reports.map((r, i) => [r, i])));

  const related = new Map<string, ReportSummary[]>();
  for (const report of reports) {
    const scores = new Map<ReportSummary, number>();
    const add = (other: ReportSummary, weight: number) => {
      if (other !== report) scores.set(other, (scores.get(other) ?? 0) + weight);
    };
    for (const attendee of report.attendees) {
      for (const { report: other } of people.get(personSlug(attendee))?.appearances ?? []) add(other, PERSON_WEIGHT);
    }
    for (const tag of report.tags) {
      const topic = tags.get(topicSlug(tag));
      const position = topic && positionIn.get(topic)?.get(report);
      if (!topic || position === undefined) continue;
      const from = Math.max(0, position - TAG_NEIGHBOURS);
      for (const other of topic.reports.slice(from, position + TAG_NEIGHBOURS + 1)) add(other, TAG_WEIGHT);
    }
    const distance = (other: ReportSummary) => Math.abs(other.date.getTime() - report.date.getTime());
    related.set(
      report.slug,
      [...scores]
        .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || distance(a) - distance(b) || a.slug.localeCompare(b.slug))
        .slice(0, RELATED_COUNT)
        .map(([other]) => other),
    );
  }
  return related;
}

/** One person across reports is one name; an `id` separates two people who share a name. */
export function personSlug(attendee: Pick<Attendee, "name" | "id">): string {
  return attendee.id ?? slugify(attendee.name);
}

export function topicSlug(name: string): string {
  return slugify(name);
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
  for (const report of reports) {
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
  return { tags, categories, people, related: relatedReports(reports, tags, people) };
}

const collator = new Intl.Collator("vi");

/** Topics sorted the Vietnamese way: "Đ" after "D", tones after the bare letter. */
export function sortTopics(topics: Iterable<Topic>): Topic[] {
  return [...topics].sort((a, b) => collator.compare(a.name, b.name));
}
