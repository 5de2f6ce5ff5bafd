import Database from "better-sqlite3";
import { vietnamYear } from "../dates";
import { foldText, type Word, words } from "./vietnamese";

// The archive's search index: SQLite's FTS5 through better-sqlite3, in one file on disk
// or in memory, updated one report at a time. Everything engine-specific stays in this file, so
// that a search server can take its place behind the same methods (docs/kien-truc/search.md).
//
// Two full-text tables, contentless (the store already keeps the text). `terms` holds per report
// the words of its title, people, labels and text as tokens:
// - each word folded, without marks ("duong" for "đường" and "dương"): every query matches these;
// - each word typed with marks as its key with a leading "_" ("_đương2": marks kept, the tone as a
//   digit wherever it was written), to rank what the reader typed above what only folds to it;
// - each pair of neighbouring words ("quoc_phong") and of words one apart ("quoc__an"): a query of
//   several syllables ranks reports holding them as a phrase, or nearly, above those holding them
//   apart, without positions in the index (`detail=column` keeps it small and its lists short);
// - in a last column, the category and year ("_cm_thoi_su", "_nam_2021"), which filters match.
// `heads` holds the title and the people alone, folded, so that "every word in the title" is read
// from short lists. Rowids follow the reports' dates, so "newest first" is the index's own order.

/** What the index holds of a report; the caller turns a report into this. */
export interface SearchDocument {
  slug: string;
  title: string;
  date: Date;
  category: string | null;
  /** Attendees' names, ranks and roles. */
  people: string;
  /** Tags, category and location. */
  tags: string;
  /** Summary, body text and photo captions. */
  text: string;
  /** Changes whenever the report does: an unchanged report is not indexed again. */
  version?: number;
}

export type SearchOrder = "relevance" | "newest";

export interface SearchQuery {
  /** What the reader typed, as typed. */
  text: string;
  category?: string;
  year?: number;
  order?: SearchOrder;
  /** 1-based. */
  page?: number;
  perPage?: number;
}

export interface SearchResults {
  /** Reports matching every word, counted up to COUNTED (then `more` is true). */
  total: number;
  more: boolean;
  /** Slugs of this page's reports, best first (or newest first). */
  slugs: string[];
}

/** Words of a query that count; the rest are ignored. */
export const MAX_QUERY_WORDS = 12;
/** Results a reader can page through: a query matching more is asked to be narrowed. */
export const MAX_RESULTS = 500;
/** Matches counted exactly; beyond, "more than". */
const COUNTED = 2000;
/**
 * Reports ranked by relevance: at most the newest WINDOW matches, and the newest WINDOW with every
 * word in the title or a person. A query matching fewer is ranked whole; one whose words are in
 * nearly every report (`thanh pho`) is ranked among the recent ones, where a reader of news looks
 * first, at a cost that does not grow with the archive.
 */
const WINDOW = MAX_RESULTS;
/** Pairs of query words checked for a phrase: the first few say enough. */
const PAIRS_CHECKED = 5;

/** Moved on whenever the tables or their tokens change: an older index is then built again. */
const LAYOUT = 1;

const TABLE_OPTIONS = `content = '', contentless_delete = 1, detail = column,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '_'"`;

/** Reports of one millisecond get rowids one apart, up to this many. */
const SAME_TIME = 1024;

/** A token quoted for FTS5: tokens hold only letters, digits and "_", so quoting is safe. */
const quoted = (token: string) => `"${token}"`;

const pairToken = (a: string, b: string) => `${a}_${b}`;
const nearToken = (a: string, b: string) => `${a}__${b}`;
const keyToken = (word: Word) => `_${word.key}`;

function categoryToken(category: string): string {
  return `_cm_${foldText(category).replaceAll(" ", "_")}`;
}

function yearToken(year: number): string {
  return `_nam_${year}`;
}

/** A text as the index's tokens: folded words, typed keys, neighbouring pairs. */
function indexTokens(text: string): string {
  const all = words(text);
  const tokens: string[] = [];
  for (let i = 0; i < all.length; i += 1) {
    const word = all[i];
    tokens.push(word.folded);
    if (word.key !== word.folded) tokens.push(keyToken(word));
    if (i + 1 < all.length) tokens.push(pairToken(word.folded, all[i + 1].folded));
    if (i + 2 < all.length) tokens.push(nearToken(word.folded, all[i + 2].folded));
  }
  return tokens.join(" ");
}

interface Candidate {
  id: number;
  phrase: number;
  exact: number;
  attribute: number;
}

export class SearchIndex {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SearchIndex["prepare"]>;

  /** `identity`: what the indexed reports were read by; an index made by other code starts again empty. */
  constructor(location: string = ":memory:", identity = "") {
    // Several server processes may share the file: a writer waits for another rather than fail.
    this.db = new Database(location, { timeout: 30_000 });
    this.db.pragma("journal_mode = WAL");
    // The index can be built again from the reports: no sync to disk at every commit.
    this.db.pragma("synchronous = NORMAL");
    this.db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const made = `${LAYOUT}:${identity}`;
    this.db
      .transaction(() => {
        const row = this.db.prepare("SELECT value FROM meta WHERE key = 'made'").pluck().get();
        if (row === made) return;
        this.db.exec(
          "DROP TABLE IF EXISTS reports; DROP TABLE IF EXISTS terms; DROP TABLE IF EXISTS heads; DELETE FROM meta WHERE key = 'compared';",
        );
        this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('made', ?)").run(made);
      })
      .immediate();
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS reports (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL
      );
      CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5(
        title, people, tags, text, filters, ${TABLE_OPTIONS}
      );
      CREATE VIRTUAL TABLE IF NOT EXISTS heads USING fts5(title, people, filters, ${TABLE_OPTIONS});
    `);
    this.statements = this.prepare();
  }

  /**
   * The store's generation when the index was last brought in step with the whole archive
   * (`recordCompared`); null when never, or since the index was made anew.
   */
  comparedWith(): number | null {
    const value = this.db.prepare("SELECT value FROM meta WHERE key = 'compared'").pluck().get();
    return typeof value === "string" ? Number(value) : null;
  }

  recordCompared(generation: number): void {
    this.db
      .prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('compared', ?)")
      .run(String(generation));
  }

  private prepare() {
    return {
      find: this.db.prepare("SELECT id FROM reports WHERE slug = ?"),
      taken: this.db.prepare("SELECT id FROM reports WHERE id BETWEEN ? AND ?").pluck(),
      insertReport: this.db.prepare("INSERT INTO reports (id, slug, version) VALUES (?, ?, ?)"),
      insertTerms: this.db.prepare(
        "INSERT INTO terms (rowid, title, people, tags, text, filters) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      deleteTerms: this.db.prepare("DELETE FROM terms WHERE rowid = ?"),
      insertHeads: this.db.prepare("INSERT INTO heads (rowid, title, people, filters) VALUES (?, ?, ?, ?)"),
      deleteHeads: this.db.prepare("DELETE FROM heads WHERE rowid = ?"),
      deleteReport: this.db.prepare("DELETE FROM reports WHERE id = ?"),
      versions: this.db.prepare("SELECT slug, version FROM reports"),
      versionsFrom: this.db.prepare("SELECT slug, version FROM reports WHERE slug > ? ORDER BY slug"),
      versionsBetween: this.db.prepare(
        "SELECT slug, version FROM reports WHERE slug > ? AND slug <= ? ORDER BY slug",
      ),
      changes: this.db.prepare("SELECT total_changes()").pluck(),
      versionsOf: this.db.prepare(
        "SELECT slug, version FROM reports WHERE slug IN (SELECT value FROM json_each(?))",
      ),
      slugsOf: this.db.prepare("SELECT id, slug FROM reports WHERE id IN (SELECT value FROM json_each(?))"),
      window: this.db
        .prepare("SELECT rowid FROM terms WHERE terms MATCH ? ORDER BY rowid DESC LIMIT ?")
        .pluck(),
      headWindow: this.db
        .prepare("SELECT rowid FROM heads WHERE heads MATCH ? ORDER BY rowid DESC LIMIT ?")
        .pluck(),
      count: this.db
        .prepare("SELECT count(*) FROM (SELECT rowid FROM terms WHERE terms MATCH ? LIMIT ?)")
        .pluck(),
      newest: this.db
        .prepare("SELECT rowid FROM terms WHERE terms MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?")
        .pluck(),
      descending: this.db.prepare("SELECT rowid FROM terms WHERE terms MATCH ? ORDER BY rowid DESC").pluck(),
      holds: this.db.prepare("SELECT rowid FROM terms WHERE terms MATCH ? AND rowid = ?").pluck(),
      headsDescending: this.db
        .prepare("SELECT rowid FROM heads WHERE heads MATCH ? ORDER BY rowid DESC")
        .pluck(),
      headsHold: this.db.prepare("SELECT rowid FROM heads WHERE heads MATCH ? AND rowid = ?").pluck(),
    };
  }

  /** Adds reports, or replaces what the index held of them, in one transaction. */
  upsert(...documents: SearchDocument[]): void {
    const write = this.db.transaction((all: SearchDocument[]) => {
      for (const doc of all) {
        this.removeBySlug(doc.slug);
        const id = this.freeId(doc.date);
        this.statements.insertReport.run(id, doc.slug, doc.version ?? 0);
        const filters = [
          doc.category ? categoryToken(doc.category) : "",
          yearToken(vietnamYear(doc.date)),
        ].join(" ");
        this.statements.insertTerms.run(
          id,
          indexTokens(doc.title),
          indexTokens(doc.people),
          indexTokens(doc.tags),
          indexTokens(doc.text),
          filters,
        );
        this.statements.insertHeads.run(id, foldText(doc.title), foldText(doc.people), filters);
      }
    });
    write(documents);
  }

  /** A rowid in date order: the report's time in milliseconds, then a place among same-time reports. */
  private freeId(date: Date): number {
    const base = date.getTime() * SAME_TIME;
    const taken = new Set(this.statements.taken.all(base, base + SAME_TIME - 1) as number[]);
    for (let offset = 0; offset < SAME_TIME; offset += 1) if (!taken.has(base + offset)) return base + offset;
    throw new Error(`more than ${SAME_TIME} reports dated ${date.toISOString()}`);
  }

  /** Takes reports out (drafts again, or deleted); a slug not in the index is ignored. */
  remove(...slugs: string[]): void {
    this.db.transaction(() => slugs.forEach((slug) => this.removeBySlug(slug)))();
  }

  private removeBySlug(slug: string): void {
    const row = this.statements.find.get(slug) as { id: number } | undefined;
    if (!row) return;
    this.statements.deleteTerms.run(row.id);
    this.statements.deleteHeads.run(row.id);
    this.statements.deleteReport.run(row.id);
  }

  /** The versions some reports were indexed at (those not indexed are absent). */
  versionsOf(slugs: string[]): Map<string, number> {
    const rows = this.statements.versionsOf.all(JSON.stringify(slugs)) as Array<{
      slug: string;
      version: number;
    }>;
    return new Map(rows.map((row) => [row.slug, row.version]));
  }

  /** The indexed reports' slugs and versions after one slug, up to another (null: to the end), in slug order. */
  versionsBetween(after: string, upTo: string | null): Array<[string, number]> {
    const rows = (
      upTo === null
        ? this.statements.versionsFrom.all(after)
        : this.statements.versionsBetween.all(after, upTo)
    ) as Array<{ slug: string; version: number }>;
    return rows.map((row) => [row.slug, row.version]);
  }

  /** Every indexed report's slug and the version it was indexed at. */
  versions(): Map<string, number> {
    const rows = this.statements.versions.all() as Array<{ slug: string; version: number }>;
    return new Map(rows.map((row) => [row.slug, row.version]));
  }

  /**
   * Merges the index's segments into one: each word's list is then read in one piece. Worth it
   * after many reports were added at once (a first start); single saves are merged as they come.
   */
  optimize(): void {
    while (this.mergeStep());
  }

  /** A bounded part of `optimize` (64 pages of each table); false once there is nothing left to merge. */
  mergeStep(): boolean {
    let more = false;
    for (const table of ["terms", "heads"]) {
      const before = this.statements.changes.get() as number;
      // A negative count merges segments of any level, not only of one, until one is left.
      this.db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('merge', -64)`);
      // SQLite's documented test: fewer than two rows changed means the merging is done.
      if ((this.statements.changes.get() as number) - before >= 2) more = true;
    }
    return more;
  }

  /** Runs `work` as one write transaction, so two processes sharing the file never index the same change twice. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  search(query: SearchQuery): SearchResults {
    const typed = words(query.text).slice(0, MAX_QUERY_WORDS);
    if (typed.length === 0) return { total: 0, more: false, slugs: [] };
    const perPage = query.perPage ?? 10;
    const page = Math.max(1, query.page ?? 1);
    const offset = (page - 1) * perPage;

    const filters = [
      ...(query.category !== undefined ? [quoted(categoryToken(query.category))] : []),
      ...(query.year !== undefined ? [quoted(yearToken(query.year))] : []),
    ];
    const all = typed.map((word) => quoted(word.folded)).join(" AND ");
    const required = [all, ...filters].join(" AND ");
    const window = this.statements.window.all(required, WINDOW) as number[];
    // A window not filled holds every match: no need to count them again.
    const counted =
      window.length < WINDOW ? window.length : (this.statements.count.get(required, COUNTED + 1) as number);
    const total = Math.min(counted, COUNTED);
    const result = (slugs: string[]) => ({ total, more: counted > COUNTED, slugs });
    if (total === 0 || offset >= Math.min(total, MAX_RESULTS)) return result([]);

    if (query.order === "newest") {
      const ids =
        offset + perPage <= window.length
          ? window.slice(offset, offset + perPage)
          : (this.statements.newest.all(required, perPage, offset) as number[]);
      return result(this.slugsOf(ids));
    }

    const heads = this.statements.headWindow.all(
      [`{title people} : (${all})`, ...filters].join(" AND "),
      WINDOW,
    ) as number[];
    const ranked = this.rank([...window, ...heads], typed);
    return result(this.slugsOf(ranked.slice(offset, offset + perPage)));
  }

  /**
   * The candidates in the order a reader would weigh them, each signal deciding only between
   * reports the ones before left equal (as Meilisearch's ranking rules do): the words as a phrase,
   * pair by pair, or near each other; then the words as typed with their marks; then every word in
   * the title, or in one person's name and role; then the newer report.
   *
   * No BM25: FTS5 works out its weights by reading the whole list of every query word, a cost that
   * grows with the archive (measured 3 ms at 10,000 reports, 18 ms at 100,000, per query). Every
   * signal here costs what its candidates cost.
   */
  private rank(ids: number[], typed: Word[]): number[] {
    const candidates = new Map<number, Candidate>();
    for (const id of ids) candidates.set(id, { id, phrase: 0, exact: 0, attribute: 0 });
    if (candidates.size > 1) {
      const folded = typed.map((word) => word.folded);
      const pairs = folded.slice(1, PAIRS_CHECKED + 1).map((word, i) => [folded[i], word] as const);
      for (const [a, b] of pairs) {
        const together = this.holding(candidates, quoted(pairToken(a, b)));
        const near = this.holding(candidates, quoted(nearToken(a, b)));
        for (const candidate of candidates.values()) {
          candidate.phrase += together.has(candidate.id) ? 2 : near.has(candidate.id) ? 1 : 0;
        }
      }
      for (const word of typed.filter((word) => word.key !== word.folded)) {
        for (const id of this.holding(candidates, quoted(keyToken(word)))) candidates.get(id)!.exact += 1;
      }
      const all = folded.map(quoted).join(" AND ");
      for (const id of this.holding(candidates, `{people} : (${all})`, true))
        candidates.get(id)!.attribute = 1;
      for (const id of this.holding(candidates, `{title} : (${all})`, true))
        candidates.get(id)!.attribute = 2;
    }
    return [...candidates.values()]
      .sort((a, b) => b.phrase - a.phrase || b.exact - a.exact || b.attribute - a.attribute || b.id - a.id)
      .map((candidate) => candidate.id);
  }

  /**
   * Which candidates a match holds. The index is read newest first, down to the oldest candidate:
   * cheap when the candidates are most of the reports in their range (common words), and stopped
   * after a few times as many reports as there are candidates; those left are looked up one by one.
   */
  private holding(candidates: Map<number, Candidate>, match: string, inHeads = false): Set<number> {
    const descending = inHeads ? this.statements.headsDescending : this.statements.descending;
    const holds = inHeads ? this.statements.headsHold : this.statements.holds;
    const oldest = Math.min(...candidates.keys());
    const budget = 4 * candidates.size + 100;
    const found = new Set<number>();
    let readDownTo = -Infinity;
    let read = 0;
    for (const id of descending.iterate(match) as IterableIterator<number>) {
      if (id < oldest) break;
      if (candidates.has(id)) found.add(id);
      if (++read >= budget) {
        readDownTo = id;
        break;
      }
    }
    for (const id of candidates.keys()) {
      if (id < readDownTo && holds.get(match, id) !== undefined) found.add(id);
    }
    return found;
  }

  /** Newest reports whose title holds the words, the last one only begun ("quoc pho" → "Quốc phòng"). */
  titlesStartingWith(text: string, limit: number): string[] {
    const typed = words(text).slice(0, MAX_QUERY_WORDS);
    if (typed.length === 0) return [];
    const terms = typed.map((word, i) =>
      i === typed.length - 1 ? `${quoted(word.folded)}*` : quoted(word.folded),
    );
    const ids = this.statements.headWindow.all(`{title} : (${terms.join(" AND ")})`, limit) as number[];
    return this.slugsOf(ids);
  }

  private slugMap(ids: number[]): Map<number, string> {
    const rows = this.statements.slugsOf.all(JSON.stringify(ids)) as Array<{ id: number; slug: string }>;
    return new Map(rows.map((row) => [row.id, row.slug]));
  }

  private slugsOf(ids: number[]): string[] {
    const byId = this.slugMap(ids);
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  close(): void {
    this.db.close();
  }
}
