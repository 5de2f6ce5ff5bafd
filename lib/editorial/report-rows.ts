import { editorsListing, editorsRows, formatProblem } from "../content/refresh";
import type { ReportSummary, ReportWorkflow, StatusKind } from "../content";
import { publishingSettled } from "../publishing/publishing-state";
import { foldText } from "../search/vietnamese";

// The editors' list: the report files, drafts included, newest first, a page at a time, with what
// `npm run check-content` says is wrong with each, and the files that do not load at the top.

export interface ReportRow {
  file: string;
  slug: string | null;
  title: string;
  date: Date | null;
  draft: boolean;
  /** Where it stands: a draft, waiting for review, scheduled, published or taken down. */
  status: StatusKind;
  workflow: ReportWorkflow | null;
  /** As `npm run check-content` prints them. */
  problems: string[];
}

export interface ReportRowsPage {
  /** The files that do not load, on the first page only (as few as the broken files). */
  broken: ReportRow[];
  rows: ReportRow[];
  more: boolean;
  /** How many files the filter matches, at most COUNT_CAP (then "more than"). */
  count: number;
}

export const ROWS_PER_PAGE = 50;
/** Counting stops here: a count of the whole archive would cost as much as the archive. */
export const COUNT_CAP = 1000;
/** How long the list waits for a save just made to be read (the publishing watcher's pass). */
const SETTLE_WAIT_MS = 3000;

/**
 * One page of the editors' list: the rows whose title holds the filter's words, folded ("quoc
 * phong" finds "Quốc phòng"), and of the status asked for, if any. Waits briefly for the
 * publishing watcher, so that the report a save leads here from is listed.
 */
export async function reportRowsPage(
  filter: string,
  status: StatusKind | null,
  page: number,
): Promise<ReportRowsPage> {
  await publishingSettled(SETTLE_WAIT_MS);
  const wanted = foldText(filter);
  const listing = editorsListing(wanted, status, {
    limit: ROWS_PER_PAGE,
    offset: (page - 1) * ROWS_PER_PAGE,
    countCap: COUNT_CAP,
  });
  const problems = new Map<string, string[]>();
  for (const problem of listing.problems) {
    problems.set(problem.file, [...(problems.get(problem.file) ?? []), formatProblem(problem)]);
  }
  const broken =
    page === 1
      ? listing.broken
          .filter(
            (file) => (!wanted || foldText(file).includes(wanted)) && (!status || status === "ban-nhap"),
          )
          .map((file) => brokenRow(file, problems.get(file) ?? []))
      : [];
  return {
    broken,
    rows: listing.rows.map((row) => reportRow(row, problems.get(row.file) ?? [])),
    more: listing.more,
    count: listing.count,
  };
}

/** The reports sent for review, newest first, at most a page of them (the “Chờ duyệt” list). */
export async function waitingRows(): Promise<ReportRow[]> {
  await publishingSettled(SETTLE_WAIT_MS);
  return editorsRows("", "cho-duyet", ROWS_PER_PAGE).map((row) => reportRow(row, []));
}

function reportRow(
  { file, summary, status }: { file: string; summary: ReportSummary; status: StatusKind },
  problems: string[],
): ReportRow {
  return {
    file,
    slug: summary.slug,
    title: summary.title,
    date: summary.date,
    draft: summary.draft,
    status,
    workflow: summary.workflow,
    problems,
  };
}

/** A file that does not load: named by its file, with its problems. */
function brokenRow(file: string, problems: string[]): ReportRow {
  return {
    file,
    slug: null,
    title: file,
    date: null,
    draft: false,
    status: "ban-nhap",
    workflow: null,
    problems,
  };
}
