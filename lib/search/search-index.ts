import Database from "better-sqlite3";
import { foldText, keyText, words } from "./vietnamese";

// The archive's search index (issue 13): SQLite's FTS5 through better-sqlite3, in one file on disk
// or in memory, updated one report at a time. Everything engine-specific stays in this file, so
// that a search server can take its place behind the same methods.
//
// Two full-text tables share each report's rowid:
// - `folded`: title, people, tags and the text, folded (no marks: "quoc phong"), searched for every
//   query; BM25 weighs a word in the title or a person's name above one deep in the text.
// - `exact`: the same words as keys (marks kept, tone placement ignored: "quo1c pho2ng"), to rank
//   reports holding what the reader typed, marks included, above those that only fold to it.
// Contentless (`content=''`): the index keeps positions, not the text, which the store already has.

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
  /** Reports matching every word, before paging. */
  total: number;
  /** Slugs of this page's reports, best first (or newest first). */
  slugs: string[];
}

/** BM25 weights of the folded table's columns: title, people, tags, text. */
const COLUMN_WEIGHTS = [10, 6, 3, 1];
/** How many of the best folded matches are ranked again for phrases and exact marks. */
const RERANKED = 200;
/** Added to a report's score when it holds the words as a phrase, or near each other, or as typed. */
const PHRASE_BONUS = 4;
const NEAR_BONUS = 2;
const EXACT_BONUS = 3;
/** Words a phrase may have between its terms and still count as near. */
const NEAR_DISTANCE = 5;
/** Words of a query that count; the rest are ignored. */
const MAX_QUERY_WORDS = 12;

const YEAR = new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Ho_Chi_Minh" });

/** The year in Vietnam: a report of 31 December, 20:00 UTC, is of the next year there. */
function vietnamYear(date: Date): number {
  return Number(YEAR.format(date));
}

/** `"w1" "w2"`: every word must appear. Words hold only letters, marks and digits, so quoting is safe. */
function allOf(terms: string[]): string {
  return terms.map((term) => `"${term}"`).join(" ");
}

export class SearchIndex {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SearchIndex["prepare"]>;

  constructor(location: string = ":memory:") {
    this.db = new Database(location);
    this.db.pragma("journal_mode = WAL");
    // The index can be built again from the reports: no sync to disk at every commit.
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS reports (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        date INTEGER NOT NULL,
        year INTEGER NOT NULL,
        category TEXT
      );
      CREATE INDEX IF NOT EXISTS reports_by_date ON reports (date DESC);
      CREATE VIRTUAL TABLE IF NOT EXISTS folded USING fts5(
        title, people, tags, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
      );
      CREATE VIRTUAL TABLE IF NOT EXISTS exact USING fts5(
        words, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
      );
    `);
    this.statements = this.prepare();
  }

  private prepare() {
    return {
      find: this.db.prepare("SELECT id FROM reports WHERE slug = ?"),
      insertReport: this.db.prepare("INSERT INTO reports (slug, date, year, category) VALUES (?, ?, ?, ?)"),
      insertFolded: this.db.prepare(
        "INSERT INTO folded (rowid, title, people, tags, text) VALUES (?, ?, ?, ?, ?)",
      ),
      insertExact: this.db.prepare("INSERT INTO exact (rowid, words) VALUES (?, ?)"),
      deleteFolded: this.db.prepare("DELETE FROM folded WHERE rowid = ?"),
      deleteExact: this.db.prepare("DELETE FROM exact WHERE rowid = ?"),
      deleteReport: this.db.prepare("DELETE FROM reports WHERE id = ?"),
    };
  }

  /** Adds reports, or replaces what the index held of them, in one transaction. */
  upsert(...documents: SearchDocument[]): void {
    const write = this.db.transaction((all: SearchDocument[]) => {
      for (const doc of all) {
        this.removeBySlug(doc.slug);
        const { lastInsertRowid } = this.statements.insertReport.run(
          doc.slug,
          doc.date.getTime(),
          vietnamYear(doc.date),
          doc.category,
        );
        this.statements.insertFolded.run(
          lastInsertRowid,
          foldText(doc.title),
          foldText(doc.people),
          foldText(doc.tags),
          foldText(doc.text),
        );
        this.statements.insertExact.run(
          lastInsertRowid,
          keyText([doc.title, doc.people, doc.tags, doc.text].join(" ")),
        );
      }
    });
    write(documents);
  }

  /** Takes a report out (a draft again, or deleted); nothing happens if it was not there. */
  remove(slug: string): void {
    this.db.transaction(() => this.removeBySlug(slug))();
  }

  private removeBySlug(slug: string): void {
    const row = this.statements.find.get(slug) as { id: number } | undefined;
    if (!row) return;
    this.statements.deleteFolded.run(row.id);
    this.statements.deleteExact.run(row.id);
    this.statements.deleteReport.run(row.id);
  }

  /** Slugs of every report in the index. */
  slugs(): string[] {
    return (this.db.prepare("SELECT slug FROM reports").all() as Array<{ slug: string }>).map(
      (row) => row.slug,
    );
  }

  search(query: SearchQuery): SearchResults {
    const typed = words(query.text).slice(0, MAX_QUERY_WORDS);
    if (typed.length === 0) return { total: 0, slugs: [] };
    const perPage = query.perPage ?? 10;
    const page = Math.max(1, query.page ?? 1);
    const filters: string[] = [];
    const parameters: Array<string | number> = [allOf(typed.map((word) => word.folded))];
    if (query.category !== undefined) {
      filters.push("r.category = ?");
      parameters.push(query.category);
    }
    if (query.year !== undefined) {
      filters.push("r.year = ?");
      parameters.push(query.year);
    }
    const where = ["folded MATCH ?", ...filters].join(" AND ");
    const from = "folded JOIN reports r ON r.id = folded.rowid";
    const { total } = this.db
      .prepare(`SELECT count(*) AS total FROM ${from} WHERE ${where}`)
      .get(...parameters) as {
      total: number;
    };
    const offset = (page - 1) * perPage;
    if (total === 0 || offset >= total) return { total, slugs: [] };

    if (query.order === "newest") {
      const rows = this.db
        .prepare(`SELECT r.slug FROM ${from} WHERE ${where} ORDER BY r.date DESC LIMIT ? OFFSET ?`)
        .all(...parameters, perPage, offset) as Array<{ slug: string }>;
      return { total, slugs: rows.map((row) => row.slug) };
    }

    // The best folded matches by BM25 (lower is better in SQLite: negated into a score), then
    // ranked again: a phrase, words near each other, words as typed with their marks.
    const candidates = this.db
      .prepare(
        `SELECT r.id, r.slug, -bm25(folded, ${COLUMN_WEIGHTS.join(", ")}) AS score FROM ${from}
         WHERE ${where} ORDER BY bm25(folded, ${COLUMN_WEIGHTS.join(", ")}) LIMIT ?`,
      )
      .all(...parameters, Math.max(RERANKED, offset + perPage)) as Array<{
      id: number;
      slug: string;
      score: number;
    }>;
    const ids = candidates.map((candidate) => candidate.id);
    const matching = (table: "folded" | "exact", expression: string) =>
      new Set(
        (
          this.db
            .prepare(
              `SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
            )
            .all(expression, JSON.stringify(ids)) as Array<{ rowid: number }>
        ).map((row) => row.rowid),
      );
    const folded = typed.map((word) => word.folded);
    const several = folded.length > 1;
    const phrase = several ? matching("folded", `"${folded.join(" ")}"`) : new Set<number>();
    const near = several ? matching("folded", `NEAR(${allOf(folded)}, ${NEAR_DISTANCE})`) : new Set<number>();
    const marked = typed.some((word) => word.key !== word.folded);
    const exact = marked ? matching("exact", allOf(typed.map((word) => word.key))) : new Set<number>();
    const ranked = candidates
      .map((candidate) => ({
        slug: candidate.slug,
        score:
          candidate.score +
          (phrase.has(candidate.id) ? PHRASE_BONUS : near.has(candidate.id) ? NEAR_BONUS : 0) +
          (exact.has(candidate.id) ? EXACT_BONUS : 0),
      }))
      .sort((a, b) => b.score - a.score);
    return { total, slugs: ranked.slice(offset, offset + perPage).map((hit) => hit.slug) };
  }

  close(): void {
    this.db.close();
  }
}
