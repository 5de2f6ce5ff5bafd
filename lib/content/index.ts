import { pageCount, pageSlice } from "../pagination";
import { type Archive, loadArchive, loadWholeReport, photoIsShown } from "./archive";
import { type ArchiveIndexes, buildIndexes, type Person, sortTopics, type Topic, type TopicKind } from "./indexes";
import type { Report, ReportSummary } from "./types";

export type { Abbreviation, Attendee, BodyBlock, Figure, Report, ReportSummary, Source } from "./types";
export type { TextPart } from "./glossary";
export { ContentError } from "./problems";
export { personSlug, sortTopics, topicSlug } from "./indexes";
export type { Appearance, Person, Topic, TopicKind } from "./indexes";

// Drafts are previewed in `next dev` and never built into the production site.
const showDrafts = process.env.NODE_ENV === "development";

function visible(report: ReportSummary): boolean {
  return showDrafts || !report.draft;
}

export interface ArchiveView {
  published: ReportSummary[];
  indexes: ArchiveIndexes | null;
}

const views = new WeakMap<Archive, ArchiveView>();

/** What the pages derive from an archive, once per archive (again after each publish). */
export function archiveView(archive: Archive = loadArchive()): ArchiveView {
  let view = views.get(archive);
  if (!view) {
    view = { published: archive.reports.filter(visible), indexes: null };
    views.set(archive, view);
  }
  return view;
}

/** Published reports, newest first, without their bodies. Shared: callers must not change it. */
export function getReports(): readonly ReportSummary[] {
  return archiveView().published;
}

/** One report without its body, or null for a slug no report has: the slug is only ever a map key. */
export function getReportSummaryBySlug(slug: string): ReportSummary | null {
  const report = loadArchive().bySlug.get(slug);
  return report && visible(report) ? report : null;
}

/** One whole report, body included, for its own page; null for a slug no report has. */
export function getReportBySlug(slug: string): Report | null {
  const summary = getReportSummaryBySlug(slug);
  return summary ? loadWholeReport(summary) : null;
}

export interface ReportPage {
  reports: ReportSummary[];
  page: number;
  pageCount: number;
}

/**
 * Whether readers may see the photo at this address (decoded, /images/…): a published report
 * shows it. Drafts', unsaved and deleted reports' photos are for editors only.
 */
export function isPublishedPhoto(src: string): boolean {
  return photoIsShown(src, showDrafts);
}

/** One page of a newest-first list; null past the last page (an empty list still has page 1). */
function pageOf(reports: readonly ReportSummary[], page: number): ReportPage | null {
  const pages = pageCount(reports.length);
  if (!Number.isInteger(page) || page < 1 || page > pages) return null;
  return { reports: pageSlice(reports, page), page, pageCount: pages };
}

/** One page of the newest-first listing; null past the last page. */
export function getReportPage(page: number): ReportPage | null {
  return pageOf(getReports(), page);
}

export function archiveIndexes(view: ArchiveView = archiveView()): ArchiveIndexes {
  view.indexes ??= buildIndexes(view.published);
  return view.indexes;
}

function topicsOf(kind: TopicKind): Map<string, Topic> {
  const { tags, categories } = archiveIndexes();
  return kind === "tag" ? tags : categories;
}

/** Every tag or category, sorted the Vietnamese way. */
export function getTopics(kind: TopicKind): Topic[] {
  return sortTopics(topicsOf(kind).values());
}

export interface TopicPage extends ReportPage {
  topic: Topic;
}

/** One page of a topic's reports, newest first; null for an unknown topic or page. */
export function getTopicPage(kind: TopicKind, slug: string, page: number): TopicPage | null {
  const topic = topicsOf(kind).get(slug);
  const listing = topic ? pageOf(topic.reports, page) : null;
  return topic && listing ? { topic, ...listing } : null;
}

/** The years that have published reports, newest first. */
export function getYears(): number[] {
  return archiveIndexes().years;
}

export function getPeople(): Person[] {
  return [...archiveIndexes().people.values()];
}

export function getPerson(slug: string): Person | null {
  return archiveIndexes().people.get(slug) ?? null;
}

/** Up to three reports related to this one, by shared people and tags. */
export function getRelatedReports(slug: string): ReportSummary[] {
  const report = getReportSummaryBySlug(slug);
  return report ? archiveIndexes().related(report) : [];
}
