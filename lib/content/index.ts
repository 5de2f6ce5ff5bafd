import { site } from "../site";
import { archiveCatalog, loadWholeReport, photoIsShown, readOnDemand } from "./archive";
import { type CatalogReader, type ListEntry, type ListKind, type TopicKind, vietnamMonth } from "./catalog";
import { getListYearPage, getMonthPage, listYearPageOf, monthPageOf, type PeriodPage } from "./periods";
import { Glossary } from "./glossary";
import { relatedReports } from "./related";
import type { Abbreviation, Report, ReportSummary } from "./types";

export type {
  Abbreviation,
  Attendee,
  BodyBlock,
  Correction,
  Figure,
  FrontPagePlace,
  Report,
  ReportStatus,
  ReportSummary,
  ReportWorkflow,
  Source,
} from "./types";
export type { TextPart } from "./glossary";
export { ContentError } from "./problems";
export { type StatusKind, statusKind } from "./report-status";
export { personSlug, topicSlug, vietnamMonth } from "./catalog";
export type { ListKind, TopicKind } from "./catalog";
export { monthKey, PERIOD_PAGE_SIZE, periodPageCount, periodPageOf, type PeriodPage, yearSpan } from "./periods";

// What pages ask of the archive, each answer one bounded query on the store (lib/content/catalog):
// a page costs the same at any archive size, and no process holds the archive in its heap.

/**
 * How many numbered pages a newest-first list has before its archive pages take over: the site's
 * list (/, /trang/2 … /trang/10) and each topic's or person's (…, …/trang/2, …/trang/3). Numbered
 * pages shift by one report whenever a newer one is published, so this is also how many of them
 * one publish can refresh per list; older reports sit on month (site) or year (topic, person)
 * pages, whose address never moves.
 */
export const NUMBERED_PAGES = { site: 10, list: 3 } as const;

/** One page of a newest-first list. */
export interface ReportPage {
  reports: ReportSummary[];
  page: number;
  /** Numbered pages the list has (at most the cap). */
  pageCount: number;
  /** Reports in the whole list. */
  total: number;
}

/** A tag or category, with how many published reports it has. */
export interface Topic {
  kind: TopicKind;
  name: string;
  slug: string;
  count: number;
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
  count: number;
}

/** How many numbered pages a list of this many reports has, under a cap; an empty list still has page 1. */
export function numberedPageCount(total: number, cap: number): number {
  return Math.min(cap, Math.max(1, Math.ceil(total / site.reportsPerPage)));
}

/** The 0-based position of the first report on a page. */
const offsetOf = (page: number) => (page - 1) * site.reportsPerPage;

const isPage = (page: number, count: number) => Number.isInteger(page) && page >= 1 && page <= count;

/** A published report by its address; while a cold folder is being read, its file read at once. */
function findReport(slug: string) {
  const catalog = archiveCatalog();
  return catalog.bySlug(slug) ?? (readOnDemand(slug) ? catalog.bySlug(slug) : null);
}

/** One published report without its body, or null for a slug no report has. */
export function getReportSummaryBySlug(slug: string): ReportSummary | null {
  return findReport(slug)?.report ?? null;
}

/** One whole report, body included, for its own page; null for a slug no report has. */
export function getReportBySlug(slug: string): Report | null {
  const found = findReport(slug);
  return found ? loadWholeReport(found) : null;
}

/**
 * Whether readers may see the photo at this address (decoded, /images/…): a published report
 * shows it. Drafts', unsaved and deleted reports' photos are for editors only.
 */
export function isPublishedPhoto(src: string): boolean {
  return photoIsShown(src, process.env.NODE_ENV === "development");
}

/** A text with every one of these abbreviations written in full, each time it comes. */
export function spellOutAbbreviations(text: string, abbreviations: Abbreviation[]): string {
  return abbreviations.length === 0 ? text : new Glossary(abbreviations).spellOut(text);
}

/** The newest published reports, newest first: the feed, the build's prerendered pages. */
export function getNewestReports(limit: number): ReportSummary[] {
  return archiveCatalog()
    .newest(limit)
    .map((entry) => entry.report);
}

/** One numbered page of the site's newest-first list; null past the cap or the end. */
export function getReportPage(page: number): ReportPage | null {
  const catalog = archiveCatalog();
  const total = catalog.count();
  const pageCount = numberedPageCount(total, NUMBERED_PAGES.site);
  if (!isPage(page, pageCount)) return null;
  const reports = catalog.newest(site.reportsPerPage, offsetOf(page)).map((entry) => entry.report);
  return { reports, page, pageCount, total };
}

/** An archive page: the period (a month, "2021-01", or a year) and the page of it. */
export interface PeriodPlace<Period> {
  period: Period;
  page: number;
}

/**
 * Where a numbered page past the cap now lives: the page of the month that shows the report
 * that would have opened it (/trang/57 of an old link). Null when the list never reaches that far.
 */
export function getMonthOfListingPage(page: number): PeriodPlace<string> | null {
  if (!Number.isInteger(page) || page <= NUMBERED_PAGES.site) return null;
  const [first] = archiveCatalog().newest(1, offsetOf(page));
  if (!first) return null;
  const position = { dateMs: first.report.date.getTime(), slug: first.report.slug };
  return { period: vietnamMonth(first.report.date), page: monthPageOf(position) };
}

export interface MonthCount {
  /** "2021-01" */
  month: string;
  year: number;
  /** 1–12 */
  monthNumber: number;
  count: number;
}

/** Every month that has published reports, newest first, with how many. */
export function getMonths(): MonthCount[] {
  return archiveCatalog()
    .months()
    .map(({ month, count }) => ({ month, year: Number(month.slice(0, 4)), monthNumber: Number(month.slice(5)), count }));
}

/** The years, in Vietnam time, that have published reports, newest first. */
export function getYears(): number[] {
  return [...new Set(getMonths().map((month) => month.year))];
}

/** One page of a month's published reports, oldest first; null for a month without any or a page past its end. */
export function getMonthReports(year: number, month: number, page = 1): PeriodPage<ReportSummary> | null {
  return getMonthPage(year, month, page);
}

function topicOf(kind: TopicKind, slug: string): Topic | null {
  const list = archiveCatalog().list(kind, slug);
  return list && { kind, name: list.name, slug, count: list.count };
}

/** Every tag or category, sorted the Vietnamese way. */
export function getTopics(kind: TopicKind): Topic[] {
  return sortTopics(
    archiveCatalog()
      .lists(kind)
      .map((list) => ({ kind, name: list.name, slug: list.key, count: list.count })),
  );
}

/** The most used tags or categories, most used first. */
export function getTopTopics(kind: TopicKind, limit: number): Topic[] {
  return archiveCatalog()
    .lists(kind, limit)
    .map((list) => ({ kind, name: list.name, slug: list.key, count: list.count }));
}

export interface ListPage<Item> {
  items: Item[];
  page: number;
  pageCount: number;
  total: number;
  /** The years the list has reports in, newest first, with how many: its archive pages. */
  years: Array<{ year: number; count: number }>;
}

/** The years of a list, only for a list longer than its numbered pages (others need no archive pages). */
function archiveYears(kind: ListKind, key: string, total: number) {
  return total > NUMBERED_PAGES.list * site.reportsPerPage ? archiveCatalog().years(kind, key) : [];
}

function listPage(kind: ListKind, key: string, total: number, page: number): ListPage<ListEntry> | null {
  const pageCount = numberedPageCount(total, NUMBERED_PAGES.list);
  if (!isPage(page, pageCount)) return null;
  const items = archiveCatalog().entries(kind, key, site.reportsPerPage, offsetOf(page));
  return { items, page, pageCount, total, years: archiveYears(kind, key, total) };
}

export interface TopicPage extends ReportPage {
  topic: Topic;
  years: Array<{ year: number; count: number }>;
}

/** One numbered page of a topic's reports, newest first; null for an unknown topic or page. */
export function getTopicPage(kind: TopicKind, slug: string, page: number): TopicPage | null {
  const topic = topicOf(kind, slug);
  const listing = topic && listPage(kind, slug, topic.count, page);
  if (!topic || !listing) return null;
  return { topic, reports: listing.items.map((item) => item.report), page, pageCount: listing.pageCount, total: topic.count, years: listing.years };
}

/** One page of a topic's reports of one year, oldest first; null for an unknown topic, a year without any or a page past its end. */
export function getTopicYear(
  kind: TopicKind,
  slug: string,
  year: number,
  page = 1,
): { topic: Topic; reports: PeriodPage<ReportSummary> } | null {
  const topic = topicOf(kind, slug);
  const found = topic && getListYearPage(kind, slug, year, page);
  return topic && found ? { topic, reports: { ...found, items: found.items.map((entry) => entry.report) } } : null;
}

/**
 * Where a topic's or person's numbered page past the cap now lives: the page of the year that
 * shows the report that would have opened it.
 */
export function getYearOfListPage(kind: ListKind, slug: string, page: number): PeriodPlace<number> | null {
  if (!Number.isInteger(page) || page <= NUMBERED_PAGES.list) return null;
  const [first] = archiveCatalog().entries(kind, slug, 1, offsetOf(page));
  if (!first) return null;
  const position = { dateMs: first.report.date.getTime(), slug: first.report.slug };
  return { period: Number(vietnamMonth(first.report.date).slice(0, 4)), page: listYearPageOf(kind, slug, position) };
}

export function getPerson(slug: string): Person | null {
  const list = archiveCatalog().list("person", slug);
  return list && { slug, name: list.name, count: list.count };
}

export interface PersonPage extends ListPage<Appearance> {
  person: Person;
}

/** One numbered page of a person's appearances, newest first; null for an unknown person or page. */
export function getPersonPage(slug: string, page: number): PersonPage | null {
  const person = getPerson(slug);
  const listing = person && listPage("person", slug, person.count, page);
  return person && listing ? { person, ...listing } : null;
}

/** One page of a person's appearances of one year, oldest first; null for an unknown person, a year without any or a page past its end. */
export function getPersonYear(slug: string, year: number, page = 1): { person: Person; items: PeriodPage<Appearance> } | null {
  const person = getPerson(slug);
  const found = person && getListYearPage("person", slug, year, page);
  return person && found ? { person, items: found } : null;
}

/** People whose names start with these letters, most reported first: search's suggestions. */
export function getPeople(limit = -1): Person[] {
  return archiveCatalog()
    .lists("person", limit)
    .map((list) => ({ slug: list.key, name: list.name, count: list.count }));
}

/** Up to three reports related to this one, by shared people and tags. */
export function getRelatedReports(slug: string): ReportSummary[] {
  return relatedReports(archiveCatalog(), slug);
}

/** The letter page of the topics index a topic is on: its slug's first letter ("đ" is "d"), "0-9" for the rest. */
export function topicLetter(slug: string): string {
  const first = slug.charAt(0);
  return /[a-z]/.test(first) ? first : "0-9";
}

/** Topics on one page of a letter of the topics index: a page's size never grows with the archive. */
const TOPICS_PER_LETTER_PAGE = 200;
const letterPageCount = (tags: number) => Math.max(1, Math.ceil(tags / TOPICS_PER_LETTER_PAGE));

/**
 * The keys of a letter (see topicLetter) as one range of the counts' key index: slugs are a-z, 0-9
 * and "-", so "0-9" is every key before "a".
 */
function letterKeys(letter: string): [fromKey: string, toKey: string] {
  return /^[a-z]$/.test(letter) ? [letter, String.fromCharCode(letter.charCodeAt(0) + 1)] : ["", "a"];
}

export interface TopicLetterPage {
  page: number;
  pageCount: number;
  /** The sections of the letter: a newsroom has tens of them, so all are on the first page. */
  categories: Topic[];
  /** A page of the letter's tags in the order of their slugs, sorted the Vietnamese way within it. */
  tags: Topic[];
}

/** Page `page` of a letter's topics, or null past its last page (page 1 always exists). */
export function getTopicLetterPage(letter: string, page: number): TopicLetterPage | null {
  const catalog = archiveCatalog();
  const [fromKey, toKey] = letterKeys(letter);
  const pageCount = letterPageCount(catalog.listCountBetween("tag", fromKey, toKey));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return null;
  const topics = (kind: TopicKind, limit: number, offset: number) =>
    sortTopics(
      catalog
        .listsBetween(kind, fromKey, toKey, limit, offset)
        .map((list) => ({ kind, name: list.name, slug: list.key, count: list.count })),
    );
  return {
    page,
    pageCount,
    categories: page === 1 ? topics("category", -1, 0) : [],
    tags: topics("tag", TOPICS_PER_LETTER_PAGE, (page - 1) * TOPICS_PER_LETTER_PAGE),
  };
}

/**
 * The letter pages a tag joining or leaving the archive's lists makes stale: the page its slug
 * is on, and, when the tag itself appeared or went, every later page of its letter (each shifts by
 * one). `appearedOrWent` with the store as it is after the change.
 */
export function topicLetterPagesFor(
  catalog: CatalogReader,
  kind: TopicKind,
  key: string,
  appearedOrWent: boolean,
): number[] {
  if (kind === "category") return [1];
  const [fromKey, toKey] = letterKeys(topicLetter(key));
  const page = Math.floor(catalog.listCountBetween("tag", fromKey, key) / TOPICS_PER_LETTER_PAGE) + 1;
  if (!appearedOrWent) return [page];
  // Counted after the change: one more page's worth when a tag went from the last page.
  const last = Math.max(page, letterPageCount(catalog.listCountBetween("tag", fromKey, toKey) + 1));
  return Array.from({ length: last - page + 1 }, (_, n) => page + n);
}

const collator = new Intl.Collator("vi");

/** Topics sorted the Vietnamese way: "Đ" after "D", tones after the bare letter. */
export function sortTopics<T extends { name: string }>(topics: Iterable<T>): T[] {
  return [...topics].sort((a, b) => collator.compare(a.name, b.name));
}
