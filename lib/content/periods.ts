import { archiveCatalog } from "./archive";
import { type ListEntry, type ListKind, type ListPosition, type TimeSpan, vietnamMonth } from "./catalog";
import type { ReportSummary } from "./types";

// The archive pages by period: a month of the site's reports, a year of a topic's or a person's.
// Oldest first and cut into pages of a fixed size, so a report keeps its page as newer ones
// arrive: a new report changes only the period's last page, and no page grows with the archive
// (a section's year holds thousands of reports at 500,000).

/** Reports on one page of a period. */
export const PERIOD_PAGE_SIZE = 100;

/** One page of a period, oldest first. */
export interface PeriodPage<Item> {
  items: Item[];
  page: number;
  /** Whether a later page of the same period follows. */
  hasNext: boolean;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The span of a year in Vietnam time, as epoch milliseconds. */
export function yearSpan(year: number): TimeSpan {
  return { fromMs: Date.UTC(year, 0, 1) - VIETNAM_OFFSET_MS, toMs: Date.UTC(year + 1, 0, 1) - VIETNAM_OFFSET_MS };
}

/** How many pages a period of this many reports has (none when empty). */
export function periodPageCount(count: number): number {
  return Math.ceil(count / PERIOD_PAGE_SIZE);
}

/** The page of a period that shows the report with this 0-based index, oldest first. */
export function periodPageOf(index: number): number {
  return Math.floor(index / PERIOD_PAGE_SIZE) + 1;
}

const isPeriodPage = (page: number, count: number) => Number.isInteger(page) && page >= 1 && page <= periodPageCount(count);
const offsetOf = (page: number) => (page - 1) * PERIOD_PAGE_SIZE;

/** "2021-01" for a year and month of the route; null for anything that is not one. */
export function monthKey(year: number, month: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 1000 || year > 9999) return null;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** One page of a month's published reports, oldest first; null for a month without any or a page past its end. */
export function getMonthPage(year: number, month: number, page: number): PeriodPage<ReportSummary> | null {
  const key = monthKey(year, month);
  const catalog = archiveCatalog();
  const count = key ? catalog.monthCount(key) : 0;
  if (!key || !isPeriodPage(page, count)) return null;
  const items = catalog.monthEntries(key, PERIOD_PAGE_SIZE, offsetOf(page)).map((entry) => entry.report);
  return { items, page, hasNext: page < periodPageCount(count) };
}

/** One page of a list's year, oldest first; null for a year without reports in the list or a page past its end. */
export function getListYearPage(kind: ListKind, key: string, year: number, page: number): PeriodPage<ListEntry> | null {
  if (!Number.isInteger(year)) return null;
  const catalog = archiveCatalog();
  const count = catalog.yearCount(kind, key, year);
  if (!isPeriodPage(page, count)) return null;
  const items = catalog.entries(kind, key, PERIOD_PAGE_SIZE, offsetOf(page), yearSpan(year));
  return { items, page, hasNext: page < periodPageCount(count) };
}

/** The page of its month a report is, or would be, on. */
export function monthPageOf(position: ListPosition): number {
  return periodPageOf(archiveCatalog().olderInPeriod({ month: vietnamMonth(new Date(position.dateMs)) }, position));
}

const yearOfPosition = (position: ListPosition) => Number(vietnamMonth(new Date(position.dateMs)).slice(0, 4));

/** The page of a list's year a report is, or would be, on. */
export function listYearPageOf(kind: ListKind, key: string, position: ListPosition): number {
  const span = yearSpan(yearOfPosition(position));
  return periodPageOf(archiveCatalog().olderInPeriod({ kind, key, span }, position));
}
