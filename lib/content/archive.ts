import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { loadReport } from "./load-report";
import { ContentError, type ContentProblem } from "./problems";
import type { Report } from "./types";

export function contentDirectory(): string {
  // Content is read at build time only: keep it out of the server bundle's file tracing.
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? path.join(process.cwd(), "content"));
}

interface CachedFile {
  mtimeMs: number;
  result: ReturnType<typeof loadReport>;
}

export interface Archive {
  /** Every valid report, drafts included, newest first. */
  reports: Report[];
  bySlug: Map<string, Report>;
}

const files = new Map<string, CachedFile>();
let archive: Archive | null = null;

// A production server reads content once. `next dev` re-checks modification times on every
// request, so an editor's new or changed file shows on reload without a restart.
const watchForEdits = process.env.NODE_ENV === "development";

function markdownFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".md") && !name.startsWith("_"))
    .sort();
}

function buildArchive(directory: string): { archive: Archive; changed: boolean } {
  const names = markdownFiles(directory);
  let changed = archive === null || names.length !== files.size;
  for (const name of names) {
    const fullPath = path.join(directory, name);
    const mtimeMs = statSync(fullPath).mtimeMs;
    if (files.get(fullPath)?.mtimeMs === mtimeMs) continue;
    files.set(fullPath, { mtimeMs, result: loadReport(directory, name) });
    changed = true;
  }
  if (!changed && archive) return { archive, changed };

  const current = new Set(names.map((name) => path.join(directory, name)));
  for (const key of files.keys()) if (!current.has(key)) files.delete(key);

  const problems: ContentProblem[] = [];
  const reports: Report[] = [];
  for (const { result } of files.values()) {
    if (result.report) reports.push(result.report);
    else problems.push(...result.problems);
  }
  const bySlug = new Map<string, Report>();
  for (const report of reports) {
    const other = bySlug.get(report.slug);
    if (other) {
      problems.push({
        file: report.file,
        field: "slug",
        message: `địa chỉ “${report.slug}” đã được dùng cho ${other.file}; mỗi bài cần một slug riêng`,
      });
    }
    bySlug.set(report.slug, report);
  }
  if (problems.length > 0) throw new ContentError(problems);
  reports.sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug));
  return { archive: { reports, bySlug }, changed };
}

/** Loads every report once per process (or again in `next dev` when a file changed). */
export function loadArchive(): Archive {
  if (archive && !watchForEdits) return archive;
  archive = buildArchive(contentDirectory()).archive;
  return archive;
}
