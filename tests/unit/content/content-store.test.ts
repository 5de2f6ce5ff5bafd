import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { listPageSql } from "@/lib/content/catalog";
import { ContentStore, editorsArguments, editorsCountSql, editorsPageSql, FLAGGED_FILES } from "@/lib/content/store";
import type { ContentProblem } from "@/lib/content/problems";
import type { Report } from "@/lib/content/types";
import { foldText } from "@/lib/search/vietnamese";
import { temporaryFolderForAll } from "../support/temporary-folder";

const folder = temporaryFolderForAll("kho-bai-");

const identity = { contentDirectory: "/noi-dung", publicDirectory: "/public", loader: "v1" };

const report = (title: string): Report => ({
  slug: "bai-thu",
  file: "bai-thu.md",
  title,
  date: new Date("2021-01-12T01:00:00Z"),
  updated: null,
  corrections: [],
  summary: "Tóm tắt.",
  hasOwnSummary: true,
  category: null,
  tags: ["Thành phố Vinh"],
  location: null,
  author: null,
  source: null,
  cover: null,
  featured: null,
  draft: false,
  workflow: { status: null, owner: null, review: null, returned: null, scheduledFor: null },
  attendees: [{ name: "Trần Ngọc Tú" }],
  attendeeGroups: [],
  body: [{ kind: "html", html: "<p>Đoạn.</p>" }],
  figures: [],
  abbreviations: [],
  readingMinutes: 1,
  text: "Đoạn.",
});

const entry = {
  file: "bai-thu.md",
  mtimeMs: 1,
  size: 10,
  glossary: "none",
  photos: [],
  problems: [],
  warnings: [],
};
const { body, figures, abbreviations, ...summary } = report("Bản đầu");

describe("the store of parsed reports", () => {
  it("keeps dates as dates and the whole report apart from its summary", () => {
    const store = new ContentStore(path.join(folder, "a.sqlite"), identity);
    const written = store.write(entry, report("Bản đầu"), summary);
    expect(written.summary?.date).toEqual(new Date("2021-01-12T01:00:00Z"));
    expect(written.summary).not.toHaveProperty("body");
    expect(store.report("bai-thu.md")?.body).toEqual([{ kind: "html", html: "<p>Đoạn.</p>" }]);
    store.close();
  });

  it("a bad read keeps the last good version and its version number; a good one replaces both", () => {
    const store = new ContentStore(null, identity);
    const first = store.write(entry, report("Bản đầu"), summary);
    const broken = store.write(
      { ...entry, mtimeMs: 2, problems: [{ file: "bai-thu.md", field: "title", message: "thiếu" }] },
      null,
      null,
    );
    expect(broken.summary?.title).toBe("Bản đầu");
    expect(broken.version).toBe(first.version);
    expect(broken.problems).toHaveLength(1);
    expect(store.report("bai-thu.md")?.title).toBe("Bản đầu");
    // Readers still see the last good version, and the file's problems are listed with it online.
    expect(store.catalog.bySlug("bai-thu")).toMatchObject({ version: first.version, report: { title: "Bản đầu" } });
    expect(store.problems()).toEqual({
      problems: [{ file: "bai-thu.md", field: "title", message: "thiếu" }],
      warnings: [],
      online: new Set(["bai-thu.md"]),
    });
    expect(store.validReports()).toEqual([]);
    const fixed = store.write({ ...entry, mtimeMs: 3 }, report("Bản sửa"), { ...summary, title: "Bản sửa" });
    expect(fixed.version).toBeGreaterThan(first.version);
    expect(fixed.seq).toBe(first.seq);
    expect(store.report("bai-thu.md")?.title).toBe("Bản sửa");
    expect(store.catalog.bySlug("bai-thu")?.version).toBe(fixed.version);
    expect(store.problems().problems).toEqual([]);
    expect(store.validReports().map((valid) => valid.title)).toEqual(["Bản sửa"]);
  });

  it("another process sees what one wrote, through the generation counter", () => {
    const file = path.join(folder, "b.sqlite");
    const one = new ContentStore(file, identity);
    const two = new ContentStore(file, identity);
    const seen = two.generation();
    one.write({ ...entry, photos: [{ src: "/images/a.jpg", mtimeMs: 5 }] }, report("Bản đầu"), summary);
    expect(two.generation()).toBeGreaterThan(seen);
    expect(two.stampsWrittenAfter(seen)).toEqual([
      {
        file: "bai-thu.md",
        mtimeMs: 1,
        size: 10,
        glossary: "none",
        photos: [{ src: "/images/a.jpg", mtimeMs: 5 }],
        dueMs: null,
      },
    ]);
    // The other process's pages see the report in its lists at once.
    expect(two.catalog.bySlug("bai-thu")?.report.title).toBe("Bản đầu");
    expect(two.catalog.list("tag", "thanh-pho-vinh")?.count).toBe(1);
    const after = two.generation();
    expect(two.stampsWrittenAfter(after)).toEqual([]);
    one.remove("bai-thu.md");
    expect(two.generation()).toBeGreaterThan(after);
    expect(two.fileNames()).toEqual([]);
    expect(two.catalog.bySlug("bai-thu")).toBeNull();
    expect(two.catalog.count()).toBe(0);
    one.close();
    two.close();
  });

  it("is emptied when the folder or the loader that wrote it differ, or its tables are of an older layout", () => {
    const file = path.join(folder, "c.sqlite");
    const store = new ContentStore(file, identity);
    store.write(entry, report("Bản đầu"), summary);
    store.close();
    const sameAgain = new ContentStore(file, identity);
    expect(sameAgain.fileNames()).toEqual(["bai-thu.md"]);
    sameAgain.close();
    const otherLoader = new ContentStore(file, { ...identity, loader: "v2" });
    expect(otherLoader.fileNames()).toEqual([]);
    otherLoader.close();

    const old = new Database(path.join(folder, "d.sqlite"));
    old.exec(
      "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); CREATE TABLE files (file TEXT PRIMARY KEY);",
    );
    old.close();
    const upgraded = new ContentStore(path.join(folder, "d.sqlite"), identity);
    expect(upgraded.write(entry, report("Bản đầu"), summary).summary?.title).toBe("Bản đầu");
    upgraded.close();
  });
});

describe("the editors' list in the store", () => {
  it("gives the editors' list its page and its count from an index alone, in its order, whatever the archive's size", () => {
    const file = path.join(folder, "danh-sach.sqlite");
    new ContentStore(file, identity).close();
    const db = new Database(file, { readonly: true });
    const plan = (sql: string, values: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as Array<{ detail: string }>)
        .map((step) => step.detail)
        .join("\n");
    for (const status of [null, "cho-duyet"] as const) {
      const index = status ? "files_status" : "files_editors";
      const page = plan(editorsPageSql(status), [...editorsArguments("quoc phong", status), 50, 0]);
      expect(page).toMatch(new RegExp(`USING INDEX ${index}`));
      expect(page).not.toMatch(/TEMP B-TREE/);
      expect(plan(editorsCountSql(status), [...editorsArguments("quoc phong", status), 1000])).toMatch(
        new RegExp(`USING COVERING INDEX ${index}`),
      );
      // A filter few titles hold: those the titles' index finds, each looked up by its seq.
      const found = plan(editorsPageSql(status, "found"), [...editorsArguments("quoc phong", status, "found"), 50, 0]);
      expect(found).toMatch(/^SCAN t VIRTUAL TABLE INDEX/);
      expect(found).toMatch(/SEARCH f USING INDEX files_titled \(seq=\?\)/);
    }
    // The titles' lookup by seq is partial: the flagged files, ordered by seq, keep their own index
    // (a full index on seq made the planner walk every row for them, 100 ms a page at 100,000).
    for (const level of [1, 2]) expect(plan(FLAGGED_FILES, [level])).toMatch(/USING INDEX files_flagged/);
    db.close();
  });

  it("reads a page of a topic's or person's list from the list's index, and only its rows' reports", () => {
    const file = path.join(folder, "danh-sach-chu-de.sqlite");
    new ContentStore(file, identity).close();
    const db = new Database(file, { readonly: true });
    for (const inSpan of [false, true]) {
      const steps = (
        db.prepare(`EXPLAIN QUERY PLAN ${listPageSql(inSpan)}`).all("tag", "quoc-phong", 0, 1e13, 20, 980) as Array<{
          detail: string;
        }>
      ).map((step) => step.detail);
      // The page (LIMIT and OFFSET) is taken in the subquery, over the index, before any report is looked up.
      expect(steps.slice(0, 2)).toEqual([
        "CO-ROUTINE l",
        expect.stringMatching(/^SEARCH listed USING INDEX listed_order \(kind=\? AND key=\? AND visible=\?/),
      ]);
      expect(steps.at(-1)).toMatch(/^SEARCH f USING INDEX sqlite_autoindex_files_1 \(file=\?\)/);
      expect(steps.join("\n")).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
    db.close();
  });

  // 2,100 reports written to the store one by one: under a second here, so a timeout with room to spare.
  it("lists the same rows for a filter few titles hold as for one most hold, newest first", { timeout: 15_000 }, () => {
    const store = new ContentStore(null, identity);
    const titles: string[] = [];
    const write = (n: number, title: string, problems: ContentProblem[] = []) => {
      const { body: _body, figures: _figures, abbreviations: _abbreviations, ...written } = {
        ...report(title),
        slug: `bai-${n}`,
        file: `bai-${n}.md`,
        date: new Date(Date.UTC(2021, 0, 1, 0, n)),
      };
      store.write({ ...entry, file: `bai-${n}.md`, problems }, { ...written, body: [], figures: [], abbreviations: [] }, written);
    };
    // 2,100 titles hold "bản tin": more than the titles' index is asked for; "tin 1" 1,110 of them (1,500 is another title).
    for (let n = 0; n < 2100; n += 1) {
      const title = n === 700 ? "Hội nghị Quốc phòng “toàn dân”" : n === 1500 ? "QUỐC PHÒNG năm 2021" : `Bản tin ${n}`;
      titles[n] = title;
      write(n, title);
    }
    const expected = (filter: string) =>
      titles
        .map((title, n) => ({ n, title }))
        .filter(({ title }) => foldText(title).includes(filter))
        .reverse()
        .map(({ n }) => `bai-${n}.md`);
    const page = (filter: string, offset = 0) => store.editorsPage(filter, null, 50, offset, 0).rows.map((row) => row.file);
    const count = (filter: string) => store.editorsPage(filter, null, 50, 0, 1000).count;

    for (const filter of ["ban tin", "tin 1", "tin 20", "quoc phong", "nghi quoc", "tin 2099"]) {
      expect(page(filter), filter).toEqual(expected(filter).slice(0, 50));
      expect(page(filter, 50), filter).toEqual(expected(filter).slice(50, 100));
      expect(count(filter), filter).toBe(Math.min(1000, expected(filter).length));
    }
    expect(expected("tin 1")).toHaveLength(1110);
    expect(page("tin 1")[0]).toBe("bai-1999.md");
    // Two letters are too few for the titles' index: the list is walked, and finds them as well.
    expect(page("20")).toEqual(expected("20").slice(0, 50));
    // Filters come folded (letters, digits, spaces), but nothing in one is query syntax either.
    for (const filter of ['quoc "phong', "tin OR ban", "tin*", "toan dan\""]) {
      expect(page(filter), filter).toEqual([]);
    }
    expect(page(foldText("“toàn dân”"))).toEqual(["bai-700.md"]);

    // A file that no longer loads leaves the list, and comes back fixed; a deleted one is gone.
    write(1500, "QUỐC PHÒNG năm 2021", [{ file: "bai-1500.md", field: "title", message: "thiếu" }]);
    expect(page("quoc phong")).toEqual(["bai-700.md"]);
    write(1500, "Quốc phòng, an ninh");
    expect(page("quoc phong")).toEqual(["bai-1500.md", "bai-700.md"]);
    store.remove("bai-700.md");
    expect(page("quoc phong")).toEqual(["bai-1500.md"]);
    expect(count("nghi quoc")).toBe(0);
    store.close();
  });
});
