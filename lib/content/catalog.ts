import { deserialize } from "node:v8";
import type Database from "better-sqlite3";
import { slugify } from "../slugs";
import type { Attendee, ReportSummary } from "./types";

// The archive as the pages ask for it: which reports are published, in which lists (topics,
// people, months) and in which order, kept in SQLite tables beside the parsed files. Every answer
// is one indexed, bounded query, so no process holds the archive in its heap and a page costs the
// same at 100 reports as at 500,000.

export type TopicKind = "tag" | "category";
/** The lists a report can be in beside the whole site's: its tags, its category, its people. */
export type ListKind = TopicKind | "person";

export const CATALOG_SCHEMA = `
  CREATE INDEX IF NOT EXISTS files_newest ON files (visible, date_ms DESC, slug);
  CREATE INDEX IF NOT EXISTS files_month ON files (visible, month, date_ms DESC, slug);
  CREATE TABLE IF NOT EXISTS listed (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    file TEXT NOT NULL,
    name TEXT NOT NULL,
    rank TEXT,
    role TEXT,
    date_ms INTEGER NOT NULL,
    slug TEXT NOT NULL,
    visible INTEGER NOT NULL,
    PRIMARY KEY (kind, key, file)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS listed_order ON listed (kind, key, visible, date_ms DESC, slug);
  CREATE INDEX IF NOT EXISTS listed_file ON listed (file);
  CREATE TABLE IF NOT EXISTS counts (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS related (
    shown_on TEXT NOT NULL,
    position INTEGER NOT NULL,
    slug TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (shown_on, position)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS related_slug ON related (slug);
`;

/**
 * A page of a list (a topic's, a person's), newest first, or oldest first within a time span: the
 * arguments are kind, key, from, to (ms), limit, offset. The page's rows are found in the list's
 * index first and only they are joined to their reports: joined before the OFFSET, page 50 of a
 * topic looked up 1,000 reports to show 20.
 */
export function listPageSql(inSpan: boolean): string {
  const order = (prefix: string) =>
    inSpan ? `${prefix}date_ms ASC, ${prefix}slug DESC` : `${prefix}date_ms DESC, ${prefix}slug`;
  return `SELECT f.summary, f.version, l.rank, l.role FROM
    (SELECT file, rank, role, date_ms, slug FROM listed
      WHERE kind = ? AND key = ? AND visible = 1 AND date_ms >= ? AND date_ms < ?
      ORDER BY ${order("")} LIMIT ? OFFSET ?) l
    JOIN files f ON f.file = l.file ORDER BY ${order("l.")}`;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const statementCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection: compiling costs more than most of these queries. */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCaches.get(db);
  if (!cache) {
    cache = new Map();
    statementCaches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/** "2021-01": the month, in Vietnam time, a report belongs to. */
export function vietnamMonth(date: Date): string {
  return new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
}

// The same few hundred names and tags recur across the archive: slugify each once.
const slugs = new Map<string, string>();
function cachedSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugify(name);
    if (slugs.size < 100_000) slugs.set(name, slug);
  }
  return slug;
}

/** One person across reports is one name; an `id` separates two people who share a name. */
export function personSlug(attendee: Pick<Attendee, "name" | "id">): string {
  return attendee.id ?? cachedSlug(attendee.name);
}

export function topicSlug(name: string): string {
  return cachedSlug(name);
}

/** One list a report is in: its kind, the list's key (a slug), and what the report says there. */
export interface Membership {
  kind: ListKind;
  key: string;
  name: string;
  rank: string | null;
  role: string | null;
}

/** Every list a report is in, each once (the first mention of a person keeps their rank and role). */
export function membershipsOf(report: ReportSummary): Membership[] {
  const seen = new Set<string>();
  const out: Membership[] = [];
  const add = (membership: Membership) => {
    const id = `${membership.kind}:${membership.key}`;
    if (!membership.key || seen.has(id)) return;
    seen.add(id);
    out.push(membership);
  };
  if (report.category) add({ kind: "category", key: topicSlug(report.category), name: report.category, rank: null, role: null });
  for (const tag of report.tags) add({ kind: "tag", key: topicSlug(tag), name: tag, rank: null, role: null });
  for (const attendee of report.attendees) {
    add({ kind: "person", key: personSlug(attendee), name: attendee.name, rank: attendee.rank ?? null, role: attendee.role ?? null });
  }
  return out;
}

const yearCountKind = (kind: string) => `${kind}-year`;
// "/" sorts just before "0": a list's years are the keys from "slug/" up to "slug0".
const yearCountKey = (key: string, year: string | number) => `${key}/${year}`;

/** A place in a newest-first list: newer dates first, then slugs in code-point order. */
export interface ListPosition {
  dateMs: number;
  slug: string;
}

/**
 * Keeps the catalog tables in step with the files table, inside the store's write transaction:
 * which file holds each address (the earliest read keeps it), which reports are visible, their
 * lists and the counts the indexes show.
 */
export class CatalogWriter {
  constructor(
    private readonly db: Database.Database,
    private readonly showDrafts: boolean,
  ) {}

  /** Adds `delta` (1 or −1) to the counts of every list a visible file is in, the site's and its month's. */
  private count(file: string, delta: number): void {
    const month = statement(this.db, "SELECT month FROM files WHERE file = ?").pluck().get(file) as string | null | undefined;
    const bump = statement(
      this.db,
      `INSERT INTO counts (kind, key, name, n) VALUES (?, ?, ?, ?)
       ON CONFLICT(kind, key) DO UPDATE SET n = n + excluded.n, name = CASE WHEN excluded.n > 0 THEN excluded.name ELSE name END`,
    );
    const empty = statement(this.db, "DELETE FROM counts WHERE kind = ? AND key = ? AND n <= 0");
    const lists = statement(this.db, "SELECT kind, key, name FROM listed WHERE file = ?").all(file) as Array<{ kind: string; key: string; name: string }>;
    // Each list's count per year too: its year pages and their links are read from here, not counted.
    if (month) lists.push(...lists.map((list) => ({ kind: yearCountKind(list.kind), key: yearCountKey(list.key, month.slice(0, 4)), name: "" })));
    if (month) lists.push({ kind: "month", key: month, name: month });
    lists.push({ kind: "all", key: "", name: "" });
    for (const list of lists) {
      bump.run(list.kind, list.key, list.name, delta);
      if (delta < 0) empty.run(list.kind, list.key);
    }
  }

  private setVisible(file: string, visible: boolean): void {
    const now = statement(this.db, "SELECT visible FROM files WHERE file = ?").pluck().get(file) as number | undefined;
    if (now === undefined || Boolean(now) === visible) return;
    if (!visible) this.count(file, -1);
    statement(this.db, "UPDATE files SET visible = ? WHERE file = ?").run(Number(visible), file);
    statement(this.db, "UPDATE listed SET visible = ? WHERE file = ?").run(Number(visible), file);
    if (visible) this.count(file, 1);
  }

  /** Before a file's row changes: it leaves every count and list. */
  detach(file: string): string | null {
    this.setVisible(file, false);
    statement(this.db, "DELETE FROM listed WHERE file = ?").run(file);
    return (statement(this.db, "SELECT slug FROM files WHERE file = ?").pluck().get(file) as string | null | undefined) ?? null;
  }

  /** After a good read of a file is written: its lists, then who holds its address. */
  attach(file: string, summary: ReportSummary): void {
    this.db
      .prepare("UPDATE files SET date_ms = ?, month = ? WHERE file = ?")
      .run(summary.date.getTime(), vietnamMonth(summary.date), file);
    const insert = statement(this.db, 
      `INSERT INTO listed (kind, key, file, name, rank, role, date_ms, slug, visible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    for (const m of membershipsOf(summary)) insert.run(m.kind, m.key, file, m.name, m.rank, m.role, summary.date.getTime(), summary.slug);
  }

  /** Of the good files claiming an address, the earliest read holds it; it is visible unless a hidden draft. */
  settle(slug: string | null): void {
    if (!slug) return;
    const claims = this.db
      .prepare("SELECT file, draft FROM files WHERE slug = ? AND summary IS NOT NULL ORDER BY seq")
      .all(slug) as Array<{ file: string; draft: number }>;
    claims.forEach((claim, index) => {
      statement(this.db, "UPDATE files SET owns = ? WHERE file = ?").run(Number(index === 0), claim.file);
      this.setVisible(claim.file, index === 0 && (this.showDrafts || claim.draft === 0));
    });
  }
}

/** A report in a list, with what that list says of it (a person's rank and role then). */
export interface ListEntry {
  report: ReportSummary;
  rank: string | null;
  role: string | null;
  version: number;
}

export interface ListInfo {
  kind: ListKind;
  key: string;
  name: string;
  count: number;
}

/** A span of time, [fromMs, toMs), as epoch milliseconds. */
export interface TimeSpan {
  fromMs: number;
  toMs: number;
}

export interface MonthCount {
  month: string;
  count: number;
}

const summaryOf = (row: { summary: Buffer }): ReportSummary => deserialize(row.summary) as ReportSummary;

/** The read side: the bounded queries pages ask. */
export class CatalogReader {
  constructor(private readonly db: Database.Database) {}

  /** Visible reports in the whole site, newest first. */
  count(): number {
    return (statement(this.db, "SELECT n FROM counts WHERE kind = 'all' AND key = ''").pluck().get() as number | undefined) ?? 0;
  }

  newest(limit: number, offset = 0): ListEntry[] {
    const rows = this.db
      .prepare("SELECT summary, version FROM files WHERE visible = 1 ORDER BY date_ms DESC, slug LIMIT ? OFFSET ?")
      .all(limit, offset) as Array<{ summary: Buffer; version: number }>;
    return rows.map((row) => ({ report: summaryOf(row), rank: null, role: null, version: row.version }));
  }

  bySlug(slug: string): { report: ReportSummary; version: number; file: string } | null {
    const row = statement(this.db, "SELECT summary, version, file FROM files WHERE slug = ? AND +visible = 1").get(slug) as
      | { summary: Buffer; version: number; file: string }
      | undefined;
    return row ? { report: summaryOf(row), version: row.version, file: row.file } : null;
  }

  /**
   * Where a report is, or would be, in the site's newest-first list: how many visible reports come
   * before it, counted up to `limit` (a publish only asks whether it is among the first pages).
   */
  rankInSite({ dateMs, slug }: ListPosition, limit: number): number {
    return this.db
      .prepare(
        `SELECT count(*) FROM (SELECT 1 FROM files WHERE visible = 1 AND date_ms >= ? AND (date_ms > ? OR slug < ?) LIMIT ?)`,
      )
      .pluck()
      .get(dateMs, dateMs, slug, limit) as number;
  }

  list(kind: ListKind, key: string): ListInfo | null {
    const row = statement(this.db, "SELECT name, n FROM counts WHERE kind = ? AND key = ?").get(kind, key) as
      | { name: string; n: number }
      | undefined;
    return row ? { kind, key, name: row.name, count: row.n } : null;
  }

  /** The lists of a kind, the largest first, or (`byKey`) in the order of their keys. */
  lists(kind: ListKind, limit = -1, offset = 0, byKey = false): ListInfo[] {
    const rows = this.db
      .prepare(`SELECT key, name, n FROM counts WHERE kind = ? ORDER BY ${byKey ? "key" : "n DESC, key"} LIMIT ? OFFSET ?`)
      .all(kind, limit, offset) as Array<{ key: string; name: string; n: number }>;
    return rows.map((row) => ({ kind, key: row.key, name: row.name, count: row.n }));
  }

  /** The lists of a kind whose keys fall in [fromKey, toKey), a page of them in the table's key order. */
  listsBetween(kind: ListKind, fromKey: string, toKey: string, limit = -1, offset = 0): ListInfo[] {
    const rows = statement(
      this.db,
      "SELECT key, name, n FROM counts WHERE kind = ? AND key >= ? AND key < ? ORDER BY key LIMIT ? OFFSET ?",
    ).all(kind, fromKey, toKey, limit, offset) as Array<{ key: string; name: string; n: number }>;
    return rows.map((row) => ({ kind, key: row.key, name: row.name, count: row.n }));
  }

  /** How many lists of a kind have keys in [fromKey, toKey). */
  listCountBetween(kind: ListKind, fromKey: string, toKey: string): number {
    return statement(this.db, "SELECT count(*) FROM counts WHERE kind = ? AND key >= ? AND key < ?")
      .pluck()
      .get(kind, fromKey, toKey) as number;
  }

  listCount(kind: ListKind): number {
    return statement(this.db, "SELECT count(*) FROM counts WHERE kind = ?").pluck().get(kind) as number;
  }

  /** A page of a list, newest first; within a time span [fromMs, toMs), oldest first, when given. */
  entries(kind: ListKind, key: string, limit: number, offset = 0, span?: TimeSpan): ListEntry[] {
    const rows = statement(this.db, listPageSql(span !== undefined))
      .all(kind, key, span?.fromMs ?? -8.64e15, span?.toMs ?? 8.64e15, limit, offset) as Array<{
      summary: Buffer;
      version: number;
      rank: string | null;
      role: string | null;
    }>;
    return rows.map((row) => ({ report: summaryOf(row), rank: row.rank, role: row.role, version: row.version }));
  }

  /** How many visible reports come before this place in a list, counted up to `limit`. */
  rankInList(kind: ListKind, key: string, { dateMs, slug }: ListPosition, limit: number): number {
    return this.db
      .prepare(
        `SELECT count(*) FROM (SELECT 1 FROM listed WHERE kind = ? AND key = ? AND visible = 1
           AND date_ms >= ? AND (date_ms > ? OR slug < ?) LIMIT ?)`,
      )
      .pluck()
      .get(kind, key, dateMs, dateMs, slug, limit) as number;
  }

  /** The reports of a list around a place in it: `before` newer ones and `after` older ones, with their slugs and versions. */
  neighbours(kind: ListKind, key: string, { dateMs, slug }: ListPosition, before: number, after: number): string[] {
    const newer = this.db
      .prepare(
        `SELECT slug FROM listed WHERE kind = ? AND key = ? AND visible = 1 AND date_ms >= ? AND (date_ms > ? OR slug < ?)
         ORDER BY date_ms ASC, slug DESC LIMIT ?`,
      )
      .pluck()
      .all(kind, key, dateMs, dateMs, slug, before) as string[];
    const older = this.db
      .prepare(
        `SELECT slug FROM listed WHERE kind = ? AND key = ? AND visible = 1 AND date_ms <= ? AND (date_ms < ? OR slug > ?)
         ORDER BY date_ms DESC, slug LIMIT ?`,
      )
      .pluck()
      .all(kind, key, dateMs, dateMs, slug, after) as string[];
    return [...newer, ...older];
  }

  /** The months that have visible reports, newest first, with how many. */
  months(): MonthCount[] {
    return (statement(this.db, "SELECT key, n FROM counts WHERE kind = 'month' ORDER BY key DESC").all() as Array<{ key: string; n: number }>).map(
      (row) => ({ month: row.key, count: row.n }),
    );
  }

  /** A month's reports, oldest first: a page of them, or all (the month's sitemap file). */
  monthEntries(month: string, limit = -1, offset = 0): ListEntry[] {
    const rows = statement(
      this.db,
      "SELECT summary, version FROM files WHERE visible = 1 AND month = ? ORDER BY date_ms ASC, slug DESC LIMIT ? OFFSET ?",
    ).all(month, limit, offset) as Array<{ summary: Buffer; version: number }>;
    return rows.map((row) => ({ report: summaryOf(row), rank: null, role: null, version: row.version }));
  }

  /** The years, in Vietnam time, in which a list has visible reports, newest first, with how many. */
  years(kind: ListKind, key: string): Array<{ year: number; count: number }> {
    const rows = statement(this.db, "SELECT key, n FROM counts WHERE kind = ? AND key > ? AND key < ? ORDER BY key DESC").all(
      yearCountKind(kind),
      `${key}/`,
      `${key}0`,
    ) as Array<{ key: string; n: number }>;
    return rows.map((row) => ({ year: Number(row.key.slice(key.length + 1)), count: row.n }));
  }

  /** How many visible reports a list has in one year. */
  yearCount(kind: ListKind, key: string, year: number): number {
    const found = statement(this.db, "SELECT n FROM counts WHERE kind = ? AND key = ?").pluck().get(yearCountKind(kind), yearCountKey(key, year));
    return (found as number | undefined) ?? 0;
  }

  /** How many visible reports one month has. */
  monthCount(month: string): number {
    return (statement(this.db, "SELECT n FROM counts WHERE kind = 'month' AND key = ?").pluck().get(month) as number | undefined) ?? 0;
  }

  /** How many visible reports of a month, or of a list within a span, are older than this place: its index, oldest first. */
  olderInPeriod(period: { month: string } | { kind: ListKind; key: string; span: TimeSpan }, { dateMs, slug }: ListPosition): number {
    if ("month" in period) {
      return statement(
        this.db,
        "SELECT count(*) FROM files WHERE visible = 1 AND month = ? AND (date_ms < ? OR (date_ms = ? AND slug > ?))",
      )
        .pluck()
        .get(period.month, dateMs, dateMs, slug) as number;
    }
    return statement(
      this.db,
      `SELECT count(*) FROM listed WHERE kind = ? AND key = ? AND visible = 1 AND date_ms >= ?
         AND (date_ms < ? OR (date_ms = ? AND slug > ?))`,
    )
      .pluck()
      .get(period.kind, period.key, period.span.fromMs, dateMs, dateMs, slug) as number;
  }

  /** A counter every write to the store moves on. */
  generation(): number {
    return Number(statement(this.db, "SELECT value FROM meta WHERE key = 'generation'").pluck().get() ?? 0);
  }

  /** The visible reports' slugs and versions after a slug, in slug order: a whole index compared with the archive a chunk at a time. */
  versionsAfter(slug: string, limit: number): Array<[string, number]> {
    const rows = statement(this.db, "SELECT slug, version FROM files WHERE slug > ? AND +visible = 1 ORDER BY slug LIMIT ?").all(slug, limit) as Array<{
      slug: string;
      version: number;
    }>;
    return rows.map((row) => [row.slug, row.version]);
  }

  /** Versions of these visible reports, by slug. */
  versions(slugs: readonly string[]): Map<string, number> {
    const get = statement(this.db, "SELECT version FROM files WHERE slug = ? AND +visible = 1").pluck();
    const out = new Map<string, number>();
    for (const slug of slugs) {
      const version = get.get(slug) as number | undefined;
      if (version !== undefined) out.set(slug, version);
    }
    return out;
  }

  /** The related list last shown on a report's page, as "slug@version" words; null if never worked out. */
  storedRelated(shownOn: string): string | null {
    const rows = statement(this.db, "SELECT slug, version FROM related WHERE shown_on = ? ORDER BY position").all(shownOn) as Array<{
      slug: string;
      version: number;
    }>;
    // An empty list is remembered as one row at position −1 with no slug.
    if (rows.length === 0) return null;
    return rows.filter((row) => row.slug !== "").map((row) => `${row.slug}@${row.version}`).join(" ");
  }

  /** The reports whose stored related list shows this slug. */
  showingRelated(slug: string): string[] {
    return statement(this.db, "SELECT DISTINCT shown_on FROM related WHERE slug = ?").pluck().all(slug) as string[];
  }

  /** Remembers the related list a report's page shows (an empty list is remembered too). */
  storeRelated(shownOn: string, list: ReadonlyArray<{ slug: string; version: number }>): void {
    this.db.transaction(() => {
      statement(this.db, "DELETE FROM related WHERE shown_on = ?").run(shownOn);
      const insert = statement(this.db, "INSERT INTO related (shown_on, position, slug, version) VALUES (?, ?, ?, ?)");
      if (list.length === 0) insert.run(shownOn, -1, "", 0);
      list.forEach((item, position) => insert.run(shownOn, position, item.slug, item.version));
    })();
  }
}
