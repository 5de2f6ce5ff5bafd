import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { combineResults } from "./check";
import { contentDirectory, folderLabel, listReportFiles } from "./files";
import { GLOSSARY_FILE, type Glossary, loadGlossary } from "./glossary";
import { loadReport, type LoadResult } from "./load-report";
import { ContentError } from "./problems";
import type { Report, ReportSummary } from "./types";

export interface Archive {
  /** Every valid report without its body, drafts included, newest first. */
  reports: ReportSummary[];
  bySlug: Map<string, ReportSummary>;
}

interface ArchiveState {
  files: Map<string, { mtimeMs: number; result: LoadResult<ReportSummary> }>;
  glossary: { mtimeMs: number; value: Glossary } | null;
  archive: Archive | null;
}

// Next bundles this module separately for pages and for route handlers, and a build worker runs
// both: state kept in module variables would parse every report twice per process and hold two
// copies. One state per process and content folder instead.
const STATES = Symbol.for("tin-xu-nghe.content-archives");
type WithStates = typeof globalThis & { [STATES]?: Map<string, ArchiveState> };

function stateOf(directory: string): ArchiveState {
  const states = ((globalThis as WithStates)[STATES] ??= new Map());
  let state = states.get(directory);
  if (!state) {
    state = { files: new Map(), glossary: null, archive: null };
    states.set(directory, state);
  }
  return state;
}

// A production server reads content once. `next dev` re-checks modification times on every
// request, so an editor's new or changed file shows on reload without a restart.
const watchForEdits = process.env.NODE_ENV === "development";

/** The glossary, re-read when its file changes; every report is re-read with it then. */
function refreshGlossary(state: ArchiveState, directory: string): Glossary {
  const file = path.join(directory, GLOSSARY_FILE);
  const mtimeMs = existsSync(/*turbopackIgnore: true*/ file) ? statSync(/*turbopackIgnore: true*/ file).mtimeMs : 0;
  if (state.glossary?.mtimeMs !== mtimeMs) {
    state.glossary = { mtimeMs, value: loadGlossary(directory) };
    state.files.clear();
  }
  return state.glossary.value;
}

/**
 * What the archive keeps of a report: all but body, figures and abbreviations, which only its own
 * page needs. Copied, because V8 keeps a substring's whole source string alive, and a title or a
 * summary is a substring of its file: kept as they were, 10,000 summaries held 128 MB of a build
 * worker's heap instead of 47 MB (226 MB with bodies).
 */
function withoutBody(result: LoadResult): LoadResult<ReportSummary> {
  if (!result.report) return result;
  const { body, figures, abbreviations, ...summary } = result.report;
  return { ...result, report: structuredClone(summary) };
}

function refreshFiles(state: ArchiveState, directory: string): boolean {
  const { files } = state;
  const names = listReportFiles(directory);
  const current = new Set(names.map((name) => path.join(directory, name)));
  const terms = refreshGlossary(state, directory);
  let changed = state.archive === null;
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
    files.set(fullPath, { mtimeMs, result: withoutBody(loadReport(directory, name, terms)) });
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
  const directory = contentDirectory();
  const state = stateOf(directory);
  if (state.archive && !watchForEdits) return state.archive;
  if (!refreshFiles(state, directory) && state.archive) return state.archive;
  const { reports, problems } = combineResults([...state.files.values()].map((file) => file.result));
  if (problems.length > 0) {
    state.archive = null;
    throw new ContentError(problems, folderLabel(directory));
  }
  state.archive = { reports, bySlug: new Map(reports.map((report) => [report.slug, report])) };
  return state.archive;
}

/**
 * The whole report behind a summary of the current archive, its file read and parsed again: only
 * its own page asks (metadata and share cards use the summary), once per build.
 * Throws a ContentError if the file no longer loads (changed since, in `next dev`).
 */
export function loadWholeReport(summary: ReportSummary): Report {
  const directory = contentDirectory();
  const result = loadReport(directory, summary.file, stateOf(directory).glossary?.value);
  if (!result.report) throw new ContentError(result.problems, folderLabel(directory));
  return result.report;
}
