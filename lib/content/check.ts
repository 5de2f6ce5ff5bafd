import { contentDirectory, listReportFiles } from "./files";
import { loadGlossary } from "./glossary";
import { loadReport, type LoadResult } from "./load-report";
import type { ContentProblem } from "./problems";
import type { Report, ReportSummary } from "./types";

export interface ContentCheck<R extends ReportSummary = Report> {
  /** Valid reports, drafts included, newest first. */
  reports: R[];
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/** Joins per-file results and adds what only the whole folder shows: two files with one slug. */
export function combineResults<R extends ReportSummary>(results: LoadResult<R>[]): ContentCheck<R> {
  const problems = results.flatMap((result) => result.problems);
  const warnings = results.flatMap((result) => result.warnings);
  const reports = results.flatMap((result) => (result.report ? [result.report] : []));

  const claimedBy = new Map<string, string>();
  for (const report of reports) {
    const other = claimedBy.get(report.slug);
    if (other) {
      problems.push({
        file: report.file,
        field: "slug",
        message: `địa chỉ “${report.slug}” đã dùng cho ${other}; đổi tên tệp hoặc đặt slug khác cho một trong hai bài`,
      });
    } else {
      claimedBy.set(report.slug, report.file);
    }
  }
  reports.sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug));
  return { reports, problems, warnings };
}

/** Checks every report file of a folder, as `npm run check-content` and the build do. */
export function checkContent(directory: string = contentDirectory()): ContentCheck {
  const glossary = loadGlossary(directory);
  return combineResults(listReportFiles(directory).map((name) => loadReport(directory, name, glossary)));
}
