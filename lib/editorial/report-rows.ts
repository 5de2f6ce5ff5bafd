import { checkArchive, formatProblem } from "../content/refresh";
import { foldText } from "../search/vietnamese";
import type { ReportWorkflow } from "../content";
import { type StatusKind, statusKind } from "./workflow";

// The editors' list: every report file, drafts and broken ones included, newest first,
// with what `npm run check-content` says is wrong with it.

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

/** Every row, newest first. */
export function reportRows(): ReportRow[] {
  const { reports, problems } = checkArchive();
  const rows = new Map<string, ReportRow>();
  for (const report of reports) {
    rows.set(report.file, {
      file: report.file,
      slug: report.slug,
      title: report.title,
      date: report.date,
      draft: report.draft,
      status: statusKind(report.workflow, report.draft),
      workflow: report.workflow,
      problems: [],
    });
  }
  for (const problem of problems) {
    const row = rows.get(problem.file) ?? {
      file: problem.file,
      slug: null,
      title: problem.file,
      date: null,
      draft: false,
      status: "ban-nhap" as const,
      workflow: null,
      problems: [],
    };
    row.problems.push(formatProblem(problem));
    rows.set(problem.file, row);
  }
  return [...rows.values()].sort(
    (a, b) =>
      (b.date?.getTime() ?? Infinity) - (a.date?.getTime() ?? Infinity) || a.file.localeCompare(b.file),
  );
}

/**
 * The rows whose title holds the filter's words, folded ("quoc phong" finds "Quốc phòng"), and of
 * the status asked for, if any.
 */
export function filterRows(rows: ReportRow[], filter: string, status: StatusKind | null): ReportRow[] {
  const wanted = foldText(filter);
  return rows.filter(
    (row) => (!wanted || foldText(row.title).includes(wanted)) && (!status || row.status === status),
  );
}
