import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { perProcess } from "../process-singleton.mjs";
import { contentDirectory, folderLabel, listReportFiles } from "./files";
import { GLOSSARY_FILE, type Glossary, loadGlossary } from "./glossary";
import { publicDirectory, publicImageMtime } from "./images";
import { type LoadResult, loadReport } from "./load-report";
import { ContentError, type ContentProblem } from "./problems";
import type { ReportParser } from "./report-parser";
import { ContentStore, type StoredFile } from "./store";
import type { Report, ReportSummary } from "./types";

export interface Archive {
  /** Every report with a good version, without its body, drafts included, newest first. */
  reports: ReportSummary[];
  bySlug: Map<string, ReportSummary>;
  /** Per slug, a number that changes whenever that report's published version does. */
  versions: Map<string, number>;
  /** What is wrong with the files as they are now; a broken file's last good version stays above. */
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

export interface ContentCheck {
  /** Reports whose file is valid now, drafts included, newest first. */
  reports: ReportSummary[];
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/** Which photos may have changed since the last look: all of them, or those named by (decoded) address. */
export type PhotoChanges = "all" | ReadonlySet<string>;

interface ArchiveState {
  directory: string;
  store: ContentStore;
  /** The store generation `files` mirrors. */
  generation: number;
  files: Map<string, StoredFile>;
  glossary: { stamp: string; value: Glossary } | null;
  archive: Archive | null;
}

// One state per process and content folder, whichever of Next's bundles asks: per bundle, every
// report would be parsed once for each.
const archiveStates = () => perProcess("content-archives", () => new Map<string, ArchiveState>());
const liveness = () => perProcess("live-archive", () => ({ live: false }));

/**
 * Where the parsed archive is kept between processes (`CONTENT_STORE`, set by next.config.ts and
 * `npm start`); without it, in memory. Its rows are read again from scratch when the folder,
 * the photos' folder or the loader's code differ from those that wrote them.
 */
function openStore(directory: string): ContentStore {
  return new ContentStore(process.env.CONTENT_STORE || null, {
    contentDirectory: directory,
    publicDirectory: publicDirectory(),
    loader: process.env.CONTENT_LOADER_VERSION ?? "unversioned",
  });
}

function stateOf(directory: string): ArchiveState {
  const states = archiveStates();
  let state = states.get(directory);
  if (!state) {
    const store = openStore(directory);
    state = { directory, store, generation: 0, files: new Map(), glossary: null, archive: null };
    states.set(directory, state);
  }
  return state;
}

/**
 * The running server publishes as files change: the archive then never throws for bad content,
 * it keeps each broken file's last good version and lists the problems (lib/publishing reports
 * them), and it is refreshed by the folder's watcher rather than on requests.
 */
export function startLiveArchive(): void {
  liveness().live = true;
}

const isLive = () => liveness().live;

// `next dev` re-checks the folder on every request, so an editor's edit shows on reload.
const checkOnEveryRequest = process.env.NODE_ENV === "development";

/** Takes in what other processes (a build's workers, other instances) wrote since this one last looked. */
function syncFromStore(state: ArchiveState): boolean {
  const generation = state.store.generation();
  if (generation === state.generation) return false;
  const names = new Set(state.store.fileNames());
  for (const file of state.files.keys()) if (!names.has(file)) state.files.delete(file);
  for (const entry of state.store.filesWrittenAfter(state.generation)) state.files.set(entry.file, entry);
  state.generation = generation;
  return true;
}

function glossaryStamp(directory: string): string {
  const file = path.join(directory, GLOSSARY_FILE);
  return existsSync(/*turbopackIgnore: true*/ file) ? String(statSync(/*turbopackIgnore: true*/ file).mtimeMs) : "none";
}

function decoded(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

function photosChanged(entry: StoredFile, photos: PhotoChanges): boolean {
  if (photos === "all") return entry.photos.some((photo) => publicImageMtime(photo.src) !== photo.mtimeMs);
  return entry.photos.some((photo) => photos.has(decoded(photo.src)));
}

/** The glossary, read again when its file changed; returns its stamp. */
function currentGlossary(state: ArchiveState): string {
  const stamp = glossaryStamp(state.directory);
  if (state.glossary?.stamp !== stamp) state.glossary = { stamp, value: loadGlossary(state.directory) };
  return stamp;
}

/** A file parsed outside the store's transaction (in the watcher's worker), at this size and time. */
interface ParsedFile {
  mtimeMs: number;
  size: number;
  glossary: string;
  result: LoadResult;
}

/** Parses one file; the returned function records it in the store. */
function parseFile(state: ArchiveState, name: string, stats: { mtimeMs: number; size: number }): () => StoredFile {
  const glossary = currentGlossary(state);
  return recordFile(state, name, { ...stats, glossary, result: loadReport(state.directory, name, state.glossary?.value) });
}

function recordFile(state: ArchiveState, name: string, { mtimeMs, size, glossary, result }: ParsedFile): () => StoredFile {
  const photos = result.photos.map((src) => ({ src, mtimeMs: publicImageMtime(src) }));
  const { report, problems, warnings } = result;
  const entry = { file: name, mtimeMs, size, glossary, photos, problems, warnings };
  return () => state.store.write(entry, report, report && summaryOf(report));
}

/** The report files of the folder, each with what a fresh read of it must match. */
function folderFiles(state: ArchiveState): Array<{ name: string; mtimeMs: number; size: number }> {
  return listReportFiles(state.directory).map((name) => {
    const { mtimeMs, size } = statSync(/*turbopackIgnore: true*/ path.join(state.directory, name));
    return { name, mtimeMs, size };
  });
}

function isFresh(state: ArchiveState, file: { name: string; mtimeMs: number; size: number }, photos: PhotoChanges) {
  const known = state.files.get(file.name);
  return (
    known !== undefined &&
    known.glossary === state.glossary?.stamp &&
    known.mtimeMs === file.mtimeMs &&
    known.size === file.size &&
    !photosChanged(known, photos)
  );
}

/**
 * Reads again every file that changed since the store last saw it; returns whether any did. With
 * `parsed`, takes those parses instead, and leaves a file changed since its parse to the next pass.
 */
function readChangedFiles(state: ArchiveState, photos: PhotoChanges, parsed?: Map<string, ParsedFile>): boolean {
  const { store, files } = state;
  let changed = syncFromStore(state);
  currentGlossary(state);
  const present = folderFiles(state);
  const names = new Set(present.map((file) => file.name));
  for (const file of [...files.keys()]) {
    if (names.has(file)) continue;
    store.remove(file);
    files.delete(file);
    changed = true;
  }
  for (const file of present) {
    if (isFresh(state, file, photos)) continue;
    const read = parsed?.get(file.name);
    if (parsed && (read?.mtimeMs !== file.mtimeMs || read.size !== file.size)) continue;
    files.set(file.name, (read ? recordFile(state, file.name, read) : parseFile(state, file.name, file))());
    changed = true;
  }
  state.generation = store.generation();
  return changed;
}

/** The files the store holds no fresh read of: what a cold or changed archive must parse. */
export function staleFiles(): string[] {
  const state = stateOf(contentDirectory());
  state.store.transaction(() => syncFromStore(state));
  currentGlossary(state);
  return folderFiles(state)
    .filter((file) => !isFresh(state, file, "all"))
    .map((file) => file.name);
}

/**
 * Parses these files into the store: several processes can share a cold archive's first parse
 * (`npm run check-content` splits it across the cores). Parsing happens outside the store's lock
 * and the results are written a few hundred at a time: processes taking turns for every file
 * wait on each other more than they parse.
 */
export function prefillStore(names: readonly string[]): void {
  const state = stateOf(contentDirectory());
  const BATCH = 250;
  for (let start = 0; start < names.length; start += BATCH) {
    const reads = names.slice(start, start + BATCH).map((name) => {
      const { mtimeMs, size } = statSync(/*turbopackIgnore: true*/ path.join(state.directory, name));
      return parseFile(state, name, { mtimeMs, size });
    });
    state.store.transaction(() => reads.forEach((read) => read()));
  }
}

/** What the archive keeps of a report: all but body, figures, abbreviations and text, which only its own page and search need. */
function summaryOf(report: Report): ReportSummary {
  const { body, figures, abbreviations, text, ...summary } = report;
  return summary;
}

/** The archive the files describe: the first file to claim an address keeps it. */
function archiveOf(files: Iterable<StoredFile>): Archive {
  const entries = [...files].sort((a, b) => a.seq - b.seq);
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const bySlug = new Map<string, ReportSummary>();
  const versions = new Map<string, number>();
  for (const entry of entries) {
    problems.push(...entry.problems);
    warnings.push(...entry.warnings);
    const report = entry.summary;
    if (!report) continue;
    const other = bySlug.get(report.slug);
    if (other) {
      problems.push({
        file: entry.file,
        field: "slug",
        message: `địa chỉ “${report.slug}” đã dùng cho ${other.file}; đổi tên tệp hoặc đặt slug khác cho một trong hai bài`,
      });
      continue;
    }
    bySlug.set(report.slug, report);
    versions.set(report.slug, entry.version);
  }
  const reports = [...bySlug.values()].sort(
    (a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug),
  );
  return { reports, bySlug, versions, problems, warnings };
}

function refresh(state: ArchiveState, photos: PhotoChanges, parsed?: Map<string, ParsedFile>): Archive {
  const changed = state.store.transaction(() => readChangedFiles(state, photos, parsed));
  if (changed || !state.archive) state.archive = archiveOf(state.files.values());
  return state.archive;
}

/**
 * Every report, parsed once across processes (kept in the store) and read again only when its
 * file or one of its photos changes. Outside the live server, any invalid file stops everything
 * with a ContentError listing every problem: a report is never silently left out of a build.
 */
export function loadArchive(): Archive {
  const directory = contentDirectory();
  const state = stateOf(directory);
  const archive = state.archive && !checkOnEveryRequest ? state.archive : refresh(state, "all");
  if (archive.problems.length > 0 && !isLive()) throw new ContentError(archive.problems, folderLabel(directory));
  return archive;
}

/** Parses, with `parse`, the files the store holds no fresh read of; each parse is awaited in turn. */
async function parseStaleFiles(state: ArchiveState, photos: PhotoChanges, parse: ReportParser) {
  state.store.transaction(() => syncFromStore(state));
  const glossary = currentGlossary(state);
  const parsed = new Map<string, ParsedFile>();
  for (const file of folderFiles(state)) {
    if (isFresh(state, file, photos)) continue;
    parsed.set(file.name, { ...file, glossary, result: await parse(state.directory, file.name, glossary) });
  }
  return parsed;
}

/**
 * Looks at the folder again after a change (the live server's watcher calls this): reads the
 * changed files, and those showing a photo that changed. Returns the archive before and after.
 * With `parse` (the watcher's worker thread), the files are parsed there, and this thread only
 * records them.
 */
export async function refreshArchive(
  photos: PhotoChanges,
  parse?: ReportParser,
): Promise<{ before: Archive; after: Archive }> {
  const state = stateOf(contentDirectory());
  // At start, "before" is what the store held: what the cached pages were rendered from, by the
  // build or before a restart. The difference is what changed while no server watched.
  if (!state.archive) {
    state.store.transaction(() => syncFromStore(state));
    state.archive = archiveOf(state.files.values());
  }
  const before = state.archive;
  const parsed = parse ? await parseStaleFiles(state, photos, parse) : undefined;
  return { before, after: refresh(state, photos, parsed) };
}

/**
 * Every file's verdict as it is now, as `npm run check-content` prints it: reads only the files
 * that changed since the store last saw them, and leaves the store ready for the build's workers.
 */
export function checkArchive(): ContentCheck {
  const state = stateOf(contentDirectory());
  const { problems, warnings } = refresh(state, "all");
  const reports = [...state.files.values()]
    .flatMap((entry) => (entry.problems.length === 0 && entry.summary ? [entry.summary] : []))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug));
  return { reports, problems, warnings };
}

/** The identity of the store the archive's versions come from (see ContentStore.id). */
export function archiveStoreId(): string {
  return stateOf(contentDirectory()).store.id();
}

/**
 * Whether a report the site publishes shows the photo at this decoded address (drafts' too when
 * `drafts`): asks the store, never loads the archive, so a photo request costs one query.
 */
export function photoIsShown(src: string, drafts: boolean): boolean {
  return stateOf(contentDirectory()).store.showsPhoto(src, drafts);
}

/** Whether any report file in the folder names the photo at this decoded address. */
export function photoIsUsed(src: string): boolean {
  return stateOf(contentDirectory()).store.usesPhoto(src);
}

/** The whole report behind a summary of the archive, body included, as last read without problems. */
export function loadWholeReport(summary: ReportSummary): Report {
  const directory = contentDirectory();
  const report = stateOf(directory).store.report(summary.file);
  if (!report) throw new ContentError([{ file: summary.file, field: null, message: "bài không còn trong kho" }], folderLabel(directory));
  return report;
}
