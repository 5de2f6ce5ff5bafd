import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import Database from "better-sqlite3";
import { CATALOG_SCHEMA, CatalogReader, CatalogWriter, statement } from "./catalog";
import { foldText } from "../search/vietnamese";
import type { ContentProblem } from "./problems";
import { type StatusKind, statusKind } from "./report-status";
import type { Report, ReportSummary } from "./types";

/** A photo a report shows, with the modification time it had when the report was read (null: missing). */
export interface PhotoStamp {
  src: string;
  mtimeMs: number | null;
}

/** A photo's address as the site serves it: what a report wrote, percent-escapes decoded. */
export function decodedAddress(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/** How a file was last read: what a fresh look at the folder must match for the read to stand. */
export interface FileStamp {
  file: string;
  mtimeMs: number;
  size: number;
  /** The glossary's modification time when the file was read: abbreviations are marked from it. */
  glossary: string;
  photos: PhotoStamp[];
  /** When its last good version, scheduled, is due (ms); null when it is not scheduled. */
  dueMs: number | null;
}

/** What the store keeps of one report file: how it was last read, and its last good version. */
export interface StoredFile {
  file: string;
  mtimeMs: number;
  size: number;
  /** The glossary's modification time when the file was read: abbreviations are marked from it. */
  glossary: string;
  photos: PhotoStamp[];
  /** When its last good version, scheduled, is due (ms); null when it is not scheduled. */
  dueMs: number | null;
  /** Unique across the store; changes whenever the file's published version does. */
  version: number;
  /** Order of first appearance: of two files claiming one address, the earlier keeps it. */
  seq: number;
  problems: ContentProblem[];
  warnings: ContentProblem[];
  /** The last version that loaded without problems, or null if none ever did. */
  summary: ReportSummary | null;
}

interface Row {
  file: string;
  mtime_ms: number;
  size: number;
  glossary: string;
  photos: Buffer;
  due_ms: number | null;
  version: number;
  seq: number;
  problems: Buffer;
  warnings: Buffer;
  summary: Buffer | null;
}

/** The files that claim an address another file holds, with the holder. */
export const CLAIMED_ADDRESSES = `SELECT f.file, f.slug, o.file AS holder FROM files f JOIN files o ON o.slug = f.slug AND o.owns = 1
  WHERE f.owns = 0 AND f.summary IS NOT NULL ORDER BY f.seq`;

// Moved on whenever SCHEMA, or what a stored report holds, changes: an older store is then
// dropped and filled again.
const LAYOUT = 11;
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS files (
    file TEXT PRIMARY KEY,
    mtime_ms REAL NOT NULL,
    size INTEGER NOT NULL,
    glossary TEXT NOT NULL,
    photos BLOB NOT NULL,
    version INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    written INTEGER NOT NULL,
    problems BLOB NOT NULL,
    warnings BLOB NOT NULL,
    summary BLOB,
    report BLOB,
    slug TEXT,
    draft INTEGER,
    date_ms INTEGER,
    -- A scheduled report's time (its date, still to come when read): read again once it passes.
    due_ms INTEGER,
    month TEXT,
    owns INTEGER NOT NULL DEFAULT 0,
    visible INTEGER NOT NULL DEFAULT 0,
    -- 2: the file has problems; 1: warnings only. Warnings can be on most files of an archive,
    -- problems on a few: the live server reads the problems after every pass.
    flagged INTEGER NOT NULL DEFAULT 0,
    -- For the editors' list: the title folded ("quoc phong") while the file loads without problems
    -- (NULL otherwise), and where its last good version stands.
    title_folded TEXT,
    status TEXT
  );
  -- The editors' list, a page at a time, newest first: all of it, or one status. A filter and a
  -- count read these indexes alone (they hold every column they test), never the rows' reports.
  CREATE INDEX IF NOT EXISTS files_editors ON files (date_ms DESC, file, title_folded) WHERE title_folded IS NOT NULL;
  CREATE INDEX IF NOT EXISTS files_status ON files (status, date_ms DESC, file, title_folded) WHERE title_folded IS NOT NULL;
  CREATE INDEX IF NOT EXISTS files_flagged ON files (flagged);
  CREATE INDEX IF NOT EXISTS files_due ON files (due_ms) WHERE due_ms IS NOT NULL;
  CREATE INDEX IF NOT EXISTS files_written ON files (written);
  CREATE INDEX IF NOT EXISTS files_slug ON files (slug, seq);
  -- The files whose address another file holds: few, read after every pass.
  CREATE INDEX IF NOT EXISTS files_disowned ON files (seq) WHERE owns = 0 AND summary IS NOT NULL;
  -- The folded titles of the editors' list again, by three letters at a time (rowid: the file's
  -- seq), so that a filter few titles hold finds them without walking the whole list; its rows
  -- are looked up by seq through files_titled. Partial, so that no query ordered by seq over
  -- other rows (the flagged files) walks it instead of its own index.
  CREATE INDEX IF NOT EXISTS files_titled ON files (seq) WHERE title_folded IS NOT NULL;
  CREATE VIRTUAL TABLE IF NOT EXISTS titles USING fts5(title, content = '', contentless_delete = 1, tokenize = 'trigram');
  CREATE TABLE IF NOT EXISTS photos (
    src TEXT NOT NULL,
    file TEXT NOT NULL,
    shown INTEGER NOT NULL,
    PRIMARY KEY (src, file)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS photos_file ON photos (file);
  -- The photos only broken texts name, looked for every second by the live server: as few as the broken files.
  CREATE INDEX IF NOT EXISTS photos_unshown ON photos (src) WHERE shown = 0;
`;

/** The files with problems (`?` = 2), or with problems or warnings (1), in the order they were first read: through their own index. */
export const FLAGGED_FILES = "SELECT file, problems, warnings, visible FROM files WHERE flagged >= ? ORDER BY seq";

/** The photos only broken texts name, at most `?`: read through their own partial index, never the whole table. */
export const UNSHOWN_PHOTOS = "SELECT DISTINCT src FROM photos WHERE shown = 0 LIMIT ?";

/** A published report shows the photo: its address (decoded), then whether drafts count (0 or 1). */
export const SHOWN_PHOTO = `
  SELECT 1 FROM photos p JOIN files f ON f.file = p.file
  WHERE p.src = ? AND p.shown = 1 AND (f.draft = 0 OR ?)
    AND NOT EXISTS (SELECT 1 FROM files o WHERE o.slug = f.slug AND o.seq < f.seq)
  LIMIT 1`;

/**
 * The editors' list's rows: files that load without problems (a folded title), of one status when
 * asked, whose folded title holds the filter. Named indexes: on an empty or unanalysed table the
 * planner would count through another, reading every row's reports instead of the index.
 */
const editorsWhere = (status: StatusKind | null) =>
  `INDEXED BY ${status ? "files_status" : "files_editors"} WHERE title_folded IS NOT NULL${status ? " AND status = ?" : ""} AND instr(title_folded, ?) > 0`;
/**
 * The same rows, for a filter few titles hold: those the titles' index finds, then each looked up
 * by its seq. The first argument is the filter as a MATCH phrase (`titlePhrase`).
 */
const editorsFoundWhere = (status: StatusKind | null) =>
  `FROM titles t CROSS JOIN files f INDEXED BY files_titled ON f.seq = t.rowid
   WHERE t.title MATCH ? AND f.title_folded IS NOT NULL${status ? " AND f.status = ?" : ""} AND instr(f.title_folded, ?) > 0`;

/** How a page of the editors' list is read: walking the list newest first, or from the titles' index. */
export type EditorsRead = "walk" | "found";

/** A page of the editors' list, newest first: the arguments are `editorsArguments`, then limit and offset. */
export const editorsPageSql = (status: StatusKind | null, read: EditorsRead = "walk") =>
  read === "walk"
    ? `SELECT file, summary, status FROM files ${editorsWhere(status)} ORDER BY date_ms DESC, file LIMIT ? OFFSET ?`
    : `SELECT f.file, f.summary, f.status ${editorsFoundWhere(status)} ORDER BY f.date_ms DESC, f.file LIMIT ? OFFSET ?`;
/** How many rows of the editors' list match, up to a cap: the arguments are `editorsArguments`, then the cap. */
export const editorsCountSql = (status: StatusKind | null, read: EditorsRead = "walk") =>
  read === "walk"
    ? `SELECT count(*) FROM (SELECT 1 FROM files ${editorsWhere(status)} LIMIT ?)`
    : `SELECT count(*) FROM (SELECT 1 ${editorsFoundWhere(status)} LIMIT ?)`;
export const editorsArguments = (filter: string, status: StatusKind | null, read: EditorsRead = "walk") => {
  const own = status ? [status, filter] : [filter];
  return read === "walk" ? own : [titlePhrase(filter), ...own];
};

/** The trigram index matches a substring of three letters or more. */
const TRIGRAM = 3;
/**
 * Up to this many titles holding a filter, the page is read from the titles' index (sorting at
 * most this many rows); past it, the filter is common enough that walking the list newest first
 * fills a page soon.
 */
const FEW_TITLES = 2000;

/** A filter as an FTS5 phrase: quoted, its own quotes doubled, so nothing in it is query syntax. */
const titlePhrase = (filter: string) => `"${filter.replaceAll('"', '""')}"`;

// Every column but the whole report, which only a report's own page asks for.
const ENTRY_COLUMNS = "file, mtime_ms, size, glossary, photos, due_ms, version, seq, problems, warnings, summary";

const fromRow = (row: Row): StoredFile => ({
  file: row.file,
  mtimeMs: row.mtime_ms,
  size: row.size,
  glossary: row.glossary,
  photos: deserialize(row.photos),
  dueMs: row.due_ms ?? null,
  version: row.version,
  seq: row.seq,
  problems: deserialize(row.problems),
  warnings: deserialize(row.warnings),
  summary: row.summary ? deserialize(row.summary) : null,
});

/**
 * Every report file as last read, in SQLite: the build's workers and every server process share
 * one parse of each file, a restart starts from it instead of re-reading the archive, and a file
 * that breaks keeps its last good version. Plain data, serialised with v8 (dates stay dates).
 * `location` null keeps the store in memory (unit tests, one-off folders).
 */
export class ContentStore {
  private readonly db: Database.Database;
  private readonly writer: CatalogWriter;
  /** The archive as pages ask for it: bounded queries on the catalog tables. */
  readonly catalog: CatalogReader;

  /**
   * `showDrafts` makes drafts visible in every list (`next dev`): a store is written for one or
   * the other, so it is part of the store's identity.
   */
  constructor(location: string | null, identity: Record<string, string>, { showDrafts = false } = {}) {
    if (location) mkdirSync(path.dirname(location), { recursive: true });
    // A build's workers and the servers wait their turn to write rather than fail; a cold parse of
    // a large archive holds the lock for a while.
    this.db = new Database(location ?? ":memory:", { timeout: 600_000 });
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    this.transaction(() => {
      // What the rows were read by: another content folder, loader or table layout means read them all again.
      const expected = { ...identity, layout: String(LAYOUT), drafts: showDrafts ? "shown" : "hidden" };
      if (Object.entries(expected).every(([key, value]) => this.meta(key) === value) && this.meta("id")) return;
      this.db.exec(
        "DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS titles; DROP TABLE IF EXISTS photos; DROP TABLE IF EXISTS listed; DROP TABLE IF EXISTS counts; DROP TABLE IF EXISTS related; DELETE FROM meta;",
      );
      for (const [key, value] of Object.entries(expected)) this.setMeta(key, value);
      this.setMeta("id", randomUUID());
    });
    this.db.exec(SCHEMA);
    this.db.exec(CATALOG_SCHEMA);
    this.writer = new CatalogWriter(this.db, showDrafts);
    this.catalog = new CatalogReader(this.db);
  }

  /** Runs `work` holding the store's write lock, so two processes never parse the same change. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  private meta(key: string): string | null {
    const row = statement(this.db, "SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    statement(this.db, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  /**
   * Names this store's rows: versions count from 1 again in a store made anew, so what was built
   * from another store's versions (the search index) must know it is not this one's.
   */
  id(): string {
    return this.meta("id") ?? "";
  }

  /**
   * The id of the last whole check of the folder that found nothing wrong (`npm run build` names
   * its check, scripts/build.ts), and the generation the store was at when it ended: a write since
   * then, from any process, means the check no longer describes the store.
   */
  recordCheck(id: string): void {
    this.transaction(() => this.setMeta("checked", JSON.stringify({ id, generation: this.generation() })));
  }

  /** Whether the check named `id` is the last one and no write came after it. */
  checkedBy(id: string): boolean {
    const recorded = this.meta("checked");
    if (!recorded) return false;
    const check = JSON.parse(recorded) as { id: string; generation: number };
    return check.id === id && check.generation === this.generation();
  }

  /** A counter every write moves on: another process's writes show as a generation not seen yet. */
  generation(): number {
    return Number(this.meta("generation") ?? 0);
  }

  private nextGeneration(): number {
    const next = this.generation() + 1;
    this.setMeta("generation", String(next));
    return next;
  }

  fileNames(): string[] {
    return statement(this.db, "SELECT file FROM files").pluck().all() as string[];
  }

  /** How the files written since a generation (all of them after 0) were read. */
  stampsWrittenAfter(generation: number): FileStamp[] {
    return this.stamps(statement(this.db, "SELECT file, mtime_ms, size, glossary, photos, due_ms FROM files WHERE written > ?").all(generation) as Row[]);
  }

  /** How one file was last read; null for a file never read. */
  stampOf(file: string): FileStamp | null {
    const row = statement(this.db, "SELECT file, mtime_ms, size, glossary, photos, due_ms FROM files WHERE file = ?").get(file) as Row | undefined;
    return row ? this.stamps([row])[0] : null;
  }

  /** Scheduled files whose time has come (`now`, ms), soonest first, at most `limit`: through their own index. */
  dueFiles(now: number, limit: number): string[] {
    return statement(this.db, "SELECT file FROM files WHERE due_ms <= ? ORDER BY due_ms LIMIT ?")
      .pluck()
      .all(now, limit) as string[];
  }

  /** Every scheduled file with its time, soonest first. */
  scheduledFiles(): Array<{ file: string; dueMs: number }> {
    return (
      statement(this.db, "SELECT file, due_ms FROM files WHERE due_ms IS NOT NULL ORDER BY due_ms").all() as Array<{
        file: string;
        due_ms: number;
      }>
    ).map((row) => ({ file: row.file, dueMs: row.due_ms }));
  }

  /** How many files the store holds a read of. */
  fileCount(): number {
    return statement(this.db, "SELECT count(*) FROM files").pluck().get() as number;
  }

  /** The files the store holds after a name, in name order, at most `limit`: the whole store a chunk at a time. */
  fileNamesAfter(after: string, limit: number): string[] {
    return statement(this.db, "SELECT file FROM files WHERE file > ? ORDER BY file LIMIT ?").pluck().all(after, limit) as string[];
  }

  /** The files whose current or last good text names one of these photos (decoded addresses). */
  filesNaming(srcs: readonly string[]): string[] {
    const get = statement(this.db, "SELECT DISTINCT file FROM photos WHERE src = ?").pluck();
    return [...new Set(srcs.flatMap((src) => get.all(decodedAddress(src)) as string[]))];
  }

  private stamps(rows: Row[]): FileStamp[] {
    return rows.map((row) => ({
      file: row.file,
      mtimeMs: row.mtime_ms,
      size: row.size,
      glossary: row.glossary,
      photos: deserialize(row.photos),
      dueMs: row.due_ms ?? null,
    }));
  }

  /** The address a file's last good version claims; null for an unknown file or one that never loaded. */
  slugOf(file: string): string | null {
    return (statement(this.db, "SELECT slug FROM files WHERE file = ?").pluck().get(file) as string | null | undefined) ?? null;
  }

  /**
   * What is wrong with the files now: the problems (and, unless `warnings` is false, the warnings)
   * of the files flagged with them, and every address two files claim (the earlier read keeps it).
   * Costs what those files do: at 100,000 synthetic reports, 97,512 with a warning, reading every
   * warning took 2.5 s of each publish.
   */
  problems(warnings = true): { problems: ContentProblem[]; warnings: ContentProblem[]; online: Set<string> } {
    const problems: ContentProblem[] = [];
    const warned: ContentProblem[] = [];
    const online = new Set<string>();
    const flagged = statement(this.db, FLAGGED_FILES).all(warnings ? 1 : 2) as Array<{
      file: string;
      problems: Buffer;
      warnings: Buffer;
      visible: number;
    }>;
    for (const row of flagged) {
      const own: ContentProblem[] = deserialize(row.problems);
      problems.push(...own);
      if (warnings) warned.push(...(deserialize(row.warnings) as ContentProblem[]));
      if (own.length > 0 && row.visible) online.add(row.file);
    }
    const claims = statement(this.db, CLAIMED_ADDRESSES).all() as Array<{ file: string; slug: string; holder: string }>;
    for (const claim of claims) {
      problems.push({
        file: claim.file,
        field: "slug",
        message: `địa chỉ “${claim.slug}” đã dùng cho ${claim.holder}; đổi tên tệp hoặc đặt slug khác cho một trong hai bài`,
      });
    }
    return { problems, warnings: warned, online };
  }

  /** How many files load without problems now, and how many of those are drafts. */
  validCounts(): { valid: number; drafts: number } {
    // Files with only warnings are valid too.
    return statement(this.db, "SELECT count(*) AS valid, coalesce(sum(draft), 0) AS drafts FROM files WHERE summary IS NOT NULL AND flagged < 2").get() as {
      valid: number;
      drafts: number;
    };
  }

  /**
   * A page of the editors' list: the files that load without problems, newest first, whose folded
   * title holds `filter` (already folded; "" for any) and, unless null, of this status. One walk
   * down an index that stops once the page is full, or the few rows the titles' index finds; `more`
   * says whether another page follows; `count`, how many rows match in all, counted up to
   * `countCap` (past it, the cap; 0 counts nothing). The way to read them is chosen once for both.
   */
  editorsPage(
    filter: string,
    status: StatusKind | null,
    limit: number,
    offset: number,
    countCap: number,
  ): { rows: Array<{ file: string; summary: ReportSummary; status: StatusKind }>; more: boolean; count: number } {
    const read = this.editorsRead(filter);
    const rows = statement(this.db, editorsPageSql(status, read)).all(
      ...editorsArguments(filter, status, read),
      limit + 1,
      offset,
    ) as Array<{ file: string; summary: Buffer; status: StatusKind }>;
    return {
      rows: rows.slice(0, limit).map((row) => ({ file: row.file, summary: deserialize(row.summary) as ReportSummary, status: row.status })),
      more: rows.length > limit,
      count: statement(this.db, editorsCountSql(status, read))
        .pluck()
        .get(...editorsArguments(filter, status, read), countCap) as number,
    };
  }

  /** The files whose last good version has this address, the first read first (through `files_slug`). */
  filesWithSlug(slug: string): string[] {
    return statement(this.db, "SELECT file FROM files WHERE slug = ? ORDER BY seq").pluck().all(slug) as string[];
  }

  /** The files that do not load now (their last good version, if any, stays published), by name. */
  brokenFiles(): string[] {
    return statement(this.db, "SELECT file FROM files WHERE flagged = 2 ORDER BY file").pluck().all() as string[];
  }

  /**
   * How to read the editors' list for a filter: from the titles' index when it is long enough to
   * be looked up there and few titles hold it (a walk would read the whole list to find them),
   * walking newest first otherwise. Counting to FEW_TITLES stops early on a common filter.
   */
  private editorsRead(filter: string): EditorsRead {
    if ([...filter].length < TRIGRAM) return "walk";
    const found = statement(this.db, "SELECT count(*) FROM (SELECT 1 FROM titles WHERE title MATCH ? LIMIT ?)")
      .pluck()
      .get(titlePhrase(filter), FEW_TITLES + 1) as number;
    return found <= FEW_TITLES ? "found" : "walk";
  }

  /** Keeps a file's entry in the titles' index as its row's folded title is now (none for a file that does not load). */
  private indexTitle(seq: number, titleFolded: string | null): void {
    statement(this.db, "DELETE FROM titles WHERE rowid = ?").run(seq);
    if (titleFolded !== null) statement(this.db, "INSERT INTO titles (rowid, title) VALUES (?, ?)").run(seq, titleFolded);
  }

  /** Every report whose file loads without problems now, drafts included, newest first. */
  validReports(): ReportSummary[] {
    const rows = this.db
      .prepare("SELECT summary, problems FROM files WHERE summary IS NOT NULL ORDER BY date_ms DESC, slug")
      .all() as Array<{ summary: Buffer; problems: Buffer }>;
    return rows.flatMap((row) => ((deserialize(row.problems) as ContentProblem[]).length === 0 ? [deserialize(row.summary) as ReportSummary] : []));
  }

  /** Records a read of a file. A good report replaces the last good version; a bad one keeps it. */
  write(entry: Omit<StoredFile, "version" | "seq" | "summary" | "dueMs">, report: Report | null, summary: ReportSummary | null): StoredFile {
    // One write at a time across processes: the generation counter is read, then moved on.
    return this.transaction(() => {
    const previous = statement(this.db, "SELECT version, seq FROM files WHERE file = ?").get(entry.file) as
      | { version: number; seq: number }
      | undefined;
    const generation = this.nextGeneration();
    const seq = previous?.seq ?? generation;
    const good = report !== null;
    const titleFolded = report && entry.problems.length === 0 ? foldText(report.title) : null;
    const oldSlug = good ? this.writer.detach(entry.file) : null;
    this.db
      .prepare(
        `INSERT INTO files (file, mtime_ms, size, glossary, photos, due_ms, version, seq, written, problems, warnings, summary, report, slug, draft, flagged, title_folded, status)
         VALUES (@file, @mtimeMs, @size, @glossary, @photos, @dueMs, @version, @seq, @written, @problems, @warnings, @summary, @report, @slug, @draft, @flagged, @titleFolded, @status)
         ON CONFLICT(file) DO UPDATE SET mtime_ms = excluded.mtime_ms, size = excluded.size, glossary = excluded.glossary, photos = excluded.photos,
           due_ms = excluded.due_ms, written = excluded.written, problems = excluded.problems, warnings = excluded.warnings, flagged = excluded.flagged,
           title_folded = excluded.title_folded${
             good
               ? ", version = excluded.version, summary = excluded.summary, report = excluded.report, slug = excluded.slug, draft = excluded.draft, status = excluded.status"
               : ""
           }`,
      )
      .run({
        file: entry.file,
        mtimeMs: entry.mtimeMs,
        size: entry.size,
        glossary: entry.glossary,
        photos: serialize(entry.photos),
        // A broken file is not scheduled: its last good version stays as it was until it is fixed.
        dueMs: report?.workflow.scheduledFor?.getTime() ?? null,
        version: good || !previous ? generation : previous.version,
        seq,
        written: generation,
        problems: serialize(entry.problems),
        warnings: serialize(entry.warnings),
        summary: good ? serialize(summary) : null,
        report: good ? serialize(report) : null,
        slug: report?.slug ?? null,
        draft: report ? Number(report.draft) : null,
        flagged: entry.problems.length > 0 ? 2 : entry.warnings.length > 0 ? 1 : 0,
        titleFolded,
        status: report ? statusKind(report.workflow, report.draft) : null,
      });
    this.indexTitle(seq, titleFolded);
    this.recordPhotos(entry.file, entry.photos, good);
    if (good && summary) {
      this.writer.attach(entry.file, summary);
      this.writer.settle(oldSlug);
      this.writer.settle(summary.slug);
    }
    return fromRow(statement(this.db, `SELECT ${ENTRY_COLUMNS} FROM files WHERE file = ?`).get(entry.file) as Row);
    });
  }

  remove(file: string): void {
    this.transaction(() => {
      this.nextGeneration();
      const slug = this.writer.detach(file);
      const seq = statement(this.db, "SELECT seq FROM files WHERE file = ?").pluck().get(file) as number | undefined;
      if (seq !== undefined) this.indexTitle(seq, null);
      statement(this.db, "DELETE FROM files WHERE file = ?").run(file);
      this.writer.settle(slug);
      statement(this.db, "DELETE FROM photos WHERE file = ?").run(file);
    });
  }

  /**
   * The photos a file names, by decoded address: those of its last good version are `shown` (what
   * the site publishes of it), those only its current, broken text names are kept as in use.
   */
  private recordPhotos(file: string, photos: readonly PhotoStamp[], good: boolean): void {
    statement(this.db, `DELETE FROM photos WHERE file = ?${good ? "" : " AND shown = 0"}`).run(file);
    const insert = statement(this.db, "INSERT INTO photos (src, file, shown) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    for (const photo of photos) insert.run(decodedAddress(photo.src), file, Number(good));
  }

  /**
   * Whether a report the site publishes shows the photo at this decoded address: its last good
   * version names it, is no draft (unless drafts are shown) and holds its address (no file read
   * earlier claims the same slug). One lookup by key and index, whatever the archive's size.
   */
  showsPhoto(src: string, drafts: boolean): boolean {
    return statement(this.db, SHOWN_PHOTO).get(src, Number(drafts)) !== undefined;
  }

  /**
   * Photos that only a broken text names (decoded addresses), at most `limit`: those a report may be
   * waiting for, as few as there are broken files, whatever the archive's size.
   */
  unshownPhotos(limit: number): string[] {
    return statement(this.db, UNSHOWN_PHOTOS).pluck().all(limit) as string[];
  }

  /** The last good whole report of a file, body included; null if it never loaded. */
  report(file: string): Report | null {
    const row = statement(this.db, "SELECT report FROM files WHERE file = ?").get(file) as { report: Buffer | null } | undefined;
    return row?.report ? deserialize(row.report) : null;
  }

  close(): void {
    this.db.close();
  }
}
