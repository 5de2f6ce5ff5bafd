import { existsSync, opendirSync, statSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { perProcess } from "../process-singleton.mjs";
import { isValidSlug } from "../slugs";
import { contentDirectory, folderLabel, isReportFileName } from "./files";
import { GLOSSARY_FILE, type Glossary, loadGlossary } from "./glossary";
import { publicDirectory, publicImageMtime } from "./images";
import { type LoadResult, loadReport } from "./load-report";
import { ContentError, type ContentProblem } from "./problems";
import type { ReportParser } from "./report-parser";
import type { StatusKind } from "./report-status";
import type { CatalogReader } from "./catalog";
import { ContentStore, type FileStamp } from "./store";
import type { Report, ReportSummary } from "./types";

/** A published report as one version of the archive shows it at its address. */
export interface PublishedVersion {
  report: ReportSummary;
  version: number;
}

/** What one publishing pass changed at one address: the report shown there before and after (null: none). */
export interface AddressChange {
  slug: string;
  before: PublishedVersion | null;
  after: PublishedVersion | null;
}

/** What is wrong with the files as they are now; a broken file's last good version stays published. */
export interface ArchiveProblems {
  problems: ContentProblem[];
  warnings: ContentProblem[];
  /** Files with problems whose last good version readers still see. */
  online: ReadonlySet<string>;
}

export interface ContentCheck {
  /** Reports whose file is valid now, drafts included, newest first: read from the store when asked. */
  readonly reports: ReportSummary[];
  /** How many: valid now, and of those drafts (without reading every report). */
  counts: { valid: number; drafts: number };
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/** Which photos may have changed since the last look: all of them, or those named by (decoded) address. */
export type PhotoChanges = "all" | ReadonlySet<string>;

interface ArchiveState {
  directory: string;
  store: ContentStore;
  glossary: { stamp: string; value: Glossary } | null;
  /** Whether this process has looked at the folder since it started (outside the live server). */
  checked: boolean;
  /** What that look found wrong, thrown to every page that asks. */
  checkProblems: ContentProblem[];
}

// One state per process and content folder, whichever of Next's bundles asks: per bundle, every
// report would be parsed once for each.
const archiveStates = () => perProcess("content-archives", () => new Map<string, ArchiveState>());
const liveness = () => perProcess("live-archive", () => ({ live: false, filling: false }));

/**
 * Where the parsed archive is kept between processes (`CONTENT_STORE`, set by next.config.ts and
 * `npm start`); without it, in memory. Its rows are read again from scratch when the folder,
 * the photos' folder or the loader's code differ from those that wrote them.
 */
function openStore(directory: string): ContentStore {
  return new ContentStore(
    process.env.CONTENT_STORE || null,
    {
      contentDirectory: directory,
      publicDirectory: publicDirectory(),
      loader: process.env.CONTENT_LOADER_VERSION ?? "unversioned",
    },
    // Drafts are previewed in `next dev` and never built into the production site.
    { showDrafts: process.env.NODE_ENV === "development" },
  );
}

function stateOf(directory: string): ArchiveState {
  const states = archiveStates();
  let state = states.get(directory);
  if (!state) {
    const store = openStore(directory);
    state = { directory, store, glossary: null, checked: false, checkProblems: [] };
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

/** Whether this process is the live server, whose watcher keeps the archive (and search) in step. */
export const isLiveArchive = isLive;

// `next dev` re-checks the folder on every request, so an editor's edit shows on reload.
const checkOnEveryRequest = process.env.NODE_ENV === "development";

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

function photosChanged(entry: FileStamp, photos: PhotoChanges): boolean {
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
function parseFile(state: ArchiveState, name: string, stats: { mtimeMs: number; size: number }): FileRecord {
  const glossary = currentGlossary(state);
  return recordFile(state, name, { ...stats, glossary, result: loadReport(state.directory, name, state.glossary?.value) });
}

/** A parsed file ready to be written: the address it claims (null when it does not load) and the write. */
interface FileRecord {
  slug: string | null;
  write: () => FileStamp;
}

function recordFile(state: ArchiveState, name: string, { mtimeMs, size, glossary, result }: ParsedFile): FileRecord {
  const photos = result.photos.map((src) => ({ src, mtimeMs: publicImageMtime(src) }));
  const { report, problems, warnings } = result;
  const entry = { file: name, mtimeMs, size, glossary, photos, problems, warnings };
  return { slug: report?.slug ?? null, write: () => state.store.write(entry, report, report && summaryOf(report)) };
}

/**
 * Which report files a look at the folder covers: all of them (at start, after a glossary change,
 * `npm run check-content`), or those a watcher saw change, by name: then a publish stats and
 * reads only those, whatever the archive's size.
 */
export type FileScope = "all" | ReadonlySet<string>;

interface FolderFile {
  name: string;
  mtimeMs: number;
  size: number;
}

/** What a look finds: the files whose store read is not fresh (changed, new, or never read), and those gone. */
export interface Look {
  stale: FolderFile[];
  removed: string[];
}

function statOf(state: ArchiveState, name: string): FolderFile | null {
  try {
    const { mtimeMs, size } = statSync(/*turbopackIgnore: true*/ path.join(state.directory, name));
    return { name, mtimeMs, size };
  } catch {
    return null;
  }
}

/** How many entries a look at the whole folder goes through between two pauses (see lookInSteps). */
const LOOK_STEP = 500;

/** The folder's files as a look asked for them, in the same order: null for one that is not there. */
type Found = Array<FolderFile | null>;

/**
 * A look at the whole folder, LOOK_STEP entries at a time: it yields the names whose stats it
 * needs and is handed them back (see finish and lookInSteps), first the folder's report files,
 * then, unless every file the store knows turned up in the folder, the store's rows for the files gone.
 */
function* lookAtAll(state: ArchiveState, photos: PhotoChanges): Generator<string[], Look, Found> {
  const stale: FolderFile[] = [];
  let known = 0;
  const folder = opendirSync(/*turbopackIgnore: true*/ state.directory);
  try {
    for (;;) {
      const names: string[] = [];
      for (let entry = folder.readSync(); entry; entry = folder.readSync()) {
        if (!entry.isFile() || !isReportFileName(entry.name)) continue;
        names.push(entry.name);
        if (names.length === LOOK_STEP) break;
      }
      if (names.length === 0) break;
      for (const file of yield names) {
        if (!file) continue;
        const stamp = state.store.stampOf(file.name);
        if (stamp) known += 1;
        if (!isFresh(state, file, stamp, photos)) stale.push(file);
      }
    }
  } finally {
    folder.closeSync();
  }
  const removed: string[] = [];
  // Names in a folder are unique: when as many known files were found as the store holds, none is gone.
  if (known < state.store.fileCount()) {
    for (let names = state.store.fileNamesAfter("", LOOK_STEP); names.length > 0; ) {
      const found = yield names;
      removed.push(...names.filter((_, position) => found[position] === null));
      names = state.store.fileNamesAfter(names[names.length - 1], LOOK_STEP);
    }
  }
  return { stale: stale.sort((a, b) => (a.name < b.name ? -1 : 1)), removed };
}

/** Runs a look to its end in this thread, without pausing. */
function finish(state: ArchiveState, steps: Generator<string[], Look, Found>): Look {
  for (let step = steps.next([]); ; ) {
    if (step.done) return step.value;
    step = steps.next(step.value.map((name) => statOf(state, name)));
  }
}

/**
 * The files of the scope the store holds no fresh read of. A look at the whole folder goes through
 * it a step at a time, so that what it holds is what is stale, not the archive: 100,000 files'
 * stamps at once did not fit the server's heap.
 */
function look(state: ArchiveState, scope: FileScope, photos: PhotoChanges): Look {
  if (scope === "all") return finish(state, lookAtAll(state, photos));
  // The files named, and those showing a photo that changed.
  const names = new Set([...scope].filter(isReportFileName));
  if (photos !== "all") for (const file of state.store.filesNaming([...photos])) names.add(file);
  const stale: FolderFile[] = [];
  const removed: string[] = [];
  for (const name of names) {
    const file = statOf(state, name);
    if (!file) {
      if (state.store.stampOf(name)) removed.push(name);
    } else if (!isFresh(state, file, state.store.stampOf(name), photos)) stale.push(file);
  }
  return { stale, removed };
}

async function statOffThread(state: ArchiveState, name: string): Promise<FolderFile | null> {
  try {
    const { mtimeMs, size } = await stat(/*turbopackIgnore: true*/ path.join(state.directory, name));
    return { name, mtimeMs, size };
  } catch {
    return null;
  }
}

/**
 * The same look for the live server, which goes through the whole folder at start: the stats run
 * on libuv's threads, and after each step this thread pauses as long as the step held it, so that
 * readers' requests get at least half of it (the first answer after a start waited 2.7 s behind a
 * look at 100,000 files taken in steps with no pause).
 */
async function lookInSteps(state: ArchiveState, scope: FileScope, photos: PhotoChanges): Promise<Look> {
  if (scope !== "all") return look(state, scope, photos);
  const steps = lookAtAll(state, photos);
  let found: Found = [];
  for (;;) {
    const started = performance.now();
    const step = steps.next(found);
    if (step.done) return step.value;
    const held = performance.now() - started;
    found = await Promise.all(step.value.map((name) => statOffThread(state, name)));
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, held)));
  }
}

function isFresh(state: ArchiveState, file: FolderFile, known: FileStamp | null, photos: PhotoChanges) {
  return (
    known !== null &&
    known.glossary === state.glossary?.stamp &&
    known.mtimeMs === file.mtimeMs &&
    known.size === file.size &&
    !photosChanged(known, photos) &&
    // A scheduled report whose time has come is read again: it is published now.
    !(known.dueMs !== null && known.dueMs <= Date.now())
  );
}

/** The report published at each address a pass touches, as it was before the pass wrote anything. */
class AddressWatch {
  private readonly before = new Map<string, PublishedVersion | null>();
  constructor(private readonly catalog: CatalogReader) {}

  note(slug: string | null): void {
    if (slug && !this.before.has(slug)) this.before.set(slug, this.published(slug));
  }

  private published(slug: string): PublishedVersion | null {
    const found = this.catalog.bySlug(slug);
    return found && { report: found.report, version: found.version };
  }

  /** The addresses whose published version differs after the pass. */
  changes(): AddressChange[] {
    return [...this.before].flatMap(([slug, before]) => {
      const after = this.published(slug);
      return before?.version === after?.version ? [] : [{ slug, before, after }];
    });
  }
}

/**
 * Reads again the files of the scope that changed since the store last saw them; returns what
 * changed at which address. With `parsed`, takes those parses instead, and leaves a file changed
 * since its parse to the next pass.
 */
/** What a pass reads: a scope to look at, or what an earlier look already found. */
type PassFiles = FileScope | (() => Look);

function readChangedFiles(
  state: ArchiveState,
  scope: PassFiles,
  photos: PhotoChanges,
  parsed?: Map<string, ParsedFile>,
): AddressChange[] {
  const { store } = state;
  currentGlossary(state);
  const watch = new AddressWatch(store.catalog);
  const { stale, removed } = typeof scope === "function" ? scope() : look(state, scope, photos);
  for (const file of removed) {
    watch.note(store.slugOf(file));
    store.remove(file);
  }
  for (const found of stale) {
    // As it is now: saved again, or read by another process, since the look.
    const file = statOf(state, found.name);
    if (!file || isFresh(state, file, store.stampOf(file.name), photos)) continue;
    const read = parsed?.get(file.name);
    if (parsed && (read?.mtimeMs !== file.mtimeMs || read.size !== file.size)) continue;
    const record = read ? recordFile(state, file.name, read) : parseFile(state, file.name, file);
    watch.note(store.slugOf(file.name));
    watch.note(record.slug);
    record.write();
  }
  return watch.changes();
}

/**
 * A look at the whole folder: the files the store holds no fresh read of (what a cold or changed
 * archive must parse), and those gone. `checkArchive` takes it, so that a check looks once.
 */
export function lookAtArchive(): Look {
  const state = stateOf(contentDirectory());
  currentGlossary(state);
  return look(state, "all", "all");
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
    state.store.transaction(() => reads.forEach((read) => read.write()));
  }
}

/** What the archive keeps of a report: all but body, figures, abbreviations and text, which only its own page and search need. */
function summaryOf(report: Report): ReportSummary {
  const { body, figures, abbreviations, text, ...summary } = report;
  return summary;
}

function refresh(state: ArchiveState, scope: PassFiles, photos: PhotoChanges, parsed?: Map<string, ParsedFile>): AddressChange[] {
  return state.store.transaction(() => readChangedFiles(state, scope, photos, parsed));
}

/** What is wrong with the files now, as the store recorded it: only the files with problems are read, not the warnings. */
export function archiveProblems(): ArchiveProblems {
  return stateOf(contentDirectory()).store.problems(false);
}

/**
 * On the live server, the files of this folder whose last good version has this address, from the
 * store's index; elsewhere (or for another folder) null, and the caller looks at the folder itself.
 * A file saved a moment ago that the watcher has not read yet is not among them.
 */
export function filesClaimingSlug(directory: string, slug: string): string[] | null {
  if (!isLive() || path.resolve(directory) !== contentDirectory()) return null;
  return stateOf(contentDirectory()).store.filesWithSlug(slug);
}

/** The store as the editors' pages read it: kept in step by the live server's watcher; anywhere else (next dev), after a look at the folder. */
function editorsStore(): ContentStore {
  const state = stateOf(contentDirectory());
  if (!isLive()) refresh(state, "all", "all");
  return state.store;
}

/** Only the rows of a page of the editors' list (see editorsListing): no count, no problems. */
export function editorsRows(filter: string, status: StatusKind | null, limit: number): EditorsListing["rows"] {
  return editorsStore().editorsPage(filter, status, limit, 0, 0).rows;
}

/** What the editors' list shows: a page of the files that load, the ones that do not, every problem. */
export interface EditorsListing {
  rows: Array<{ file: string; summary: ReportSummary; status: StatusKind }>;
  /** Whether another page follows. */
  more: boolean;
  /** How many files the filter matches, counted up to the cap asked for. */
  count: number;
  broken: string[];
  problems: ContentProblem[];
}

/**
 * A page of the editors' list, newest first (`filter` folded, "" for any): on the live server from
 * the store's indexes, never the whole folder, so it costs the same at any archive size. Broken files and
 * problems are as few as the files that have them.
 */
export function editorsListing(
  filter: string,
  status: StatusKind | null,
  { limit, offset, countCap }: { limit: number; offset: number; countCap: number },
): EditorsListing {
  const store = editorsStore();
  return {
    ...store.editorsPage(filter, status, limit, offset, countCap),
    broken: store.brokenFiles(),
    problems: store.problems(false).problems,
  };
}

/**
 * The archive as pages ask for it. Outside the live server, the folder is read first (once per
 * process; on every request in `next dev`), and any invalid file stops everything with a
 * ContentError listing every problem: a report is never silently left out of a build.
 */
export function archiveCatalog(): CatalogReader {
  const directory = contentDirectory();
  const state = stateOf(directory);
  if (!isLive() && (checkOnEveryRequest || !state.checked)) {
    // The build's workers after `npm run build`'s check, with no write since: each would look at every file again.
    const buildCheck = process.env[BUILD_CHECK_ID];
    if (checkOnEveryRequest || !buildCheck || !state.store.checkedBy(buildCheck)) refresh(state, "all", "all");
    state.checked = true;
    const { problems } = state.store.problems(false);
    state.checkProblems = problems;
  }
  // Every page asking throws, not only the first: none renders with a report silently left out.
  if (state.checkProblems.length > 0 && !isLive()) throw new ContentError(state.checkProblems, folderLabel(directory));
  return state.store.catalog;
}

/** How long the first batch of a long pass parses before it is published; each next one twice as long, up to the last. */
const FIRST_BATCH_MS = 1000;
const LAST_BATCH_MS = 30_000;
/** And at most this many files a batch: writing one holds the thread answering requests (about 0.2 s for 500). */
const BATCH_FILES = 500;

/**
 * Looks at the folder again after a change (the live server's watcher calls this): reads the
 * files of the scope that changed, and those showing a photo that changed. Returns what changed
 * at each address. At start, the store holds what the cached pages were rendered from (by the
 * build or before a restart): the difference is what changed while no server watched.
 *
 * With `parse` (the watcher's worker thread), the files are parsed there, one at a time, and this
 * thread only records them; the newest files first. With `onBatch`, a long pass (a cold store, a
 * glossary change) is published in batches as it goes, each handed to `onBatch` and left out of
 * what is returned: the newest reports are online within seconds while older ones are read.
 */
export async function refreshArchive(
  scope: FileScope,
  photos: PhotoChanges,
  parse?: ReportParser,
  onBatch?: (changes: AddressChange[]) => Promise<void>,
): Promise<AddressChange[]> {
  const state = stateOf(contentDirectory());
  if (!parse) return refresh(state, scope, photos);
  const glossary = currentGlossary(state);
  const found = await lookInSteps(state, scope, photos);
  const stale = [...found.stale].sort((a, b) => b.mtimeMs - a.mtimeMs || (a.name < b.name ? 1 : -1));
  // A look at the whole folder with files left to read: a report not read yet is read when asked for.
  liveness().filling = scope === "all" && stale.length > 0;
  let batch = new Map<string, ParsedFile>();
  let batchFiles: FolderFile[] = [];
  let batchMs = FIRST_BATCH_MS;
  let since = performance.now();
  for (const [position, file] of stale.entries()) {
    batch.set(file.name, { ...file, glossary, result: await parse(state.directory, file.name, glossary) });
    batchFiles.push(file);
    const full = batch.size >= BATCH_FILES || performance.now() - since >= batchMs;
    if (onBatch && position < stale.length - 1 && full) {
      const files = batchFiles;
      await onBatch(refresh(state, () => ({ stale: files, removed: [] }), photos, batch));
      batch = new Map();
      batchFiles = [];
      batchMs = Math.min(LAST_BATCH_MS, batchMs * 2);
      since = performance.now();
    }
  }
  // The last batch, with the files found gone: the folder is not looked at again.
  try {
    return refresh(state, () => ({ stale: found.stale, removed: found.removed }), photos, batch);
  } finally {
    liveness().filling = false;
  }
}

/**
 * While the live server reads a cold or changed folder, a report asked for before its turn: the
 * file named after the address is read now, in this thread (one file: at most a few hundred ms
 * under the loader's limits). True when that published something at the address.
 */
export function readOnDemand(slug: string): boolean {
  if (!liveness().live || !liveness().filling || !isValidSlug(slug)) return false;
  const state = stateOf(contentDirectory());
  refresh(state, new Set([`${slug}.md`]), new Set());
  return state.store.catalog.bySlug(slug) !== null;
}

/**
 * Every file's verdict as it is now, as `npm run check-content` prints it: reads only the files
 * that changed since the store last saw it, and leaves the store ready for the build's workers.
 * With a look just taken (`lookAtArchive`), its files instead of another look at the folder: a
 * look at 500,000 files is a stat and a stored stamp each.
 */
export function checkArchive(taken?: Look): ContentCheck {
  const state = stateOf(contentDirectory());
  refresh(state, taken ? () => taken : "all", "all");
  const { problems, warnings } = state.store.problems();
  // The archive as just looked at: this process's pages (the build's search step) need no other look.
  state.checked = true;
  state.checkProblems = problems;
  const store = state.store;
  return {
    get reports() {
      return store.validReports();
    },
    counts: store.validCounts(),
    problems,
    warnings,
  };
}

/** Set by `npm run build` (scripts/build.ts) for its check and for `next build`: the check's id. */
export const BUILD_CHECK_ID = "CONTENT_CHECK_ID";

/**
 * After a check that found nothing wrong: records it under `npm run build`'s id, so that the
 * build's workers, given the same id, take the store as this check left it.
 */
export function recordBuildCheck(): void {
  const id = process.env[BUILD_CHECK_ID];
  if (id) stateOf(contentDirectory()).store.recordCheck(id);
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

/** The photos a broken report names that are not published (see ContentStore.unshownPhotos), with each one's file time or null while it is missing. */
export function waitingPhotos(limit: number): Array<{ src: string; mtimeMs: number | null }> {
  return stateOf(contentDirectory())
    .store.unshownPhotos(limit)
    .map((src) => ({ src, mtimeMs: publicImageMtime(encodeURI(src)) }));
}

/** Scheduled report files whose time has come, at most `limit`: what the publishing watcher reads again. */
export function dueReportFiles(limit: number): string[] {
  return stateOf(contentDirectory()).store.dueFiles(Date.now(), limit);
}

/** Every scheduled report file with its time, soonest first (`npm run check-content` lists them). */
export function scheduledReportFiles(): Array<{ file: string; due: Date }> {
  return stateOf(contentDirectory())
    .store.scheduledFiles()
    .map(({ file, dueMs }) => ({ file, due: new Date(dueMs) }));
}

/** The whole report behind a summary, body included, as last read without problems. */
export function loadWholeReport(summary: Pick<ReportSummary, "file">): Report {
  const directory = contentDirectory();
  const report = stateOf(directory).store.report(summary.file);
  if (!report) throw new ContentError([{ file: summary.file, field: null, message: "bài không còn trong kho" }], folderLabel(directory));
  return report;
}
