import { site } from "../site";
import { loadArchive } from "./archive";
import type { Report, ReportSummary } from "./types";

export type { Attendee, BodyBlock, Figure, Report, ReportSummary, Source } from "./types";
export { ContentError } from "./problems";

// Drafts are previewed in `next dev` and never built into the production site.
const showDrafts = process.env.NODE_ENV === "development";

function visible(report: Report): boolean {
  return showDrafts || !report.draft;
}

/** Published reports, newest first. */
export function getReports(): Report[] {
  return loadArchive().reports.filter(visible);
}

/** One report, or null for a slug no report has: the slug is only ever a map key. */
export function getReportBySlug(slug: string): Report | null {
  const report = loadArchive().bySlug.get(slug);
  return report && visible(report) ? report : null;
}

export interface ReportPage {
  reports: ReportSummary[];
  page: number;
  pageCount: number;
}

/** One page of the newest-first listing; null past the last page. */
export function getReportPage(page: number): ReportPage | null {
  const reports = getReports();
  const pageCount = Math.max(1, Math.ceil(reports.length / site.reportsPerPage));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return null;
  const start = (page - 1) * site.reportsPerPage;
  return { reports: reports.slice(start, start + site.reportsPerPage), page, pageCount };
}
