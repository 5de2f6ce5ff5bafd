import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { combineResults } from "./check";
import { contentDirectory, listReportFiles } from "./files";
import { GLOSSARY_FILE, type Glossary, loadGlossary } from "./glossary";
import { loadReport, type LoadResult } from "./load-report";
import { ContentError } from "./problems";
import type { Report } from "./types";

export interface Archive {
  /** Every valid report, drafts included, newest first. */
  reports: Report[];
  bySlug: Map<string, Report>;
}

const files = new Map<string, { mtimeMs: number; result: LoadResult }>();
let archive: Archive | null = null;

// A production server reads content once. `next dev` re-checks modification times on every
// request, so an editor's new or changed file shows on reload without a restart.
const watchForEdits = process.env.NODE_ENV === "development";

let glossary: { mtimeMs: number; value: Glossary } | null = null;

/** The glossary, re-read when its file changes; every report is re-read with it then. */
function refreshGlossary(directory: string): Glossary {
  const file = path.join(directory, GLOSSARY_FILE);
  const mtimeMs = existsSync(/*turbopackIgnore: true*/ file) ? statSync(/*turbopackIgnore: true*/ file).mtimeMs : 0;
  if (glossary?.mtimeMs !== mtimeMs) {
    glossary = { mtimeMs, value: loadGlossary(directory) };
    files.clear();
  }
  return glossary.value;
}

function refreshFiles(directory: string): boolean {
  const names = listReportFiles(directory);
  const current = new Set(names.map((name) => path.join(directory, name)));
  const terms = refreshGlossary(directory);
  let changed = archive === null;
  for (const key of files.keys()) {
    if (!current.has(key)) {
      files.delete(key);
      changed = true;
    }
  }
  for (const name of names) {
    const fullPath = path.join(directory, name);
    const mtimeMs = statSync(/*turbopackIgnore: true*/ fullPath).mtimeMs;
    if (files.get(fullPath)?.mtimeMs === mtimeMs) continue;
    files.set(fullPath, { mtimeMs, result: loadReport(directory, name, terms) });
    changed = true;
  }
  return changed;
}

/**
 * Every report, read and parsed once per process (again in `next dev` when a file changed).
 * Any invalid file stops everything with a ContentError listing every problem: a report is never
 * silently left out.
 */
export function loadArchive(): Archive {
  if (archive && !watchForEdits) return archive;
  const directory = contentDirectory();
  if (!refreshFiles(directory) && archive) return archive;
  const { reports, problems } = combineResults([...files.values()].map((file) => file.result));
  if (problems.length > 0) {
    archive = null;
    throw new ContentError(problems, `${path.relative(process.cwd(), directory) || "."}/`);
  }
  archive = { reports, bySlug: new Map(reports.map((report) => [report.slug, report])) };
  return archive;
}
