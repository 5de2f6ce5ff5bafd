import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ContentStore, editorsArguments, editorsCountSql, editorsPageSql } from "@/lib/content/store";
import type { Report } from "@/lib/content/types";
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
    }
    db.close();
  });
});
