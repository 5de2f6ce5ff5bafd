import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CLAIMED_ADDRESSES, ContentStore } from "@/lib/content/store";
import { temporaryFolderForAll } from "../support/temporary-folder";

// What is wrong with the files, as the store keeps it: the live server reads the problems after
// every pass, so that read must cost what the broken files do, not what the warned ones do.

const folder = temporaryFolderForAll("loi-kho-");
const identity = { contentDirectory: "/noi-dung", publicDirectory: "/public", loader: "v1" };

const entry = (file: string, outcome: "problem" | "warning") => ({
  file,
  mtimeMs: 1,
  size: 10,
  glossary: "none",
  photos: [],
  problems: outcome === "problem" ? [{ file, field: "title", message: "thiếu" }] : [],
  warnings: outcome === "warning" ? [{ file, field: "summary", message: "quá dài" }] : [],
});

describe("the store's problems", () => {
  it("leaves the warnings out when asked to, and counts a warned file as valid", () => {
    const store = new ContentStore(null, identity);
    store.write(entry("bai-loi.md", "problem"), null, null);
    store.write(entry("bai-canh-bao.md", "warning"), null, null);
    expect(store.problems().warnings.map((warning) => warning.file)).toEqual(["bai-canh-bao.md"]);
    const live = store.problems(false);
    expect(live.problems.map((problem) => problem.file)).toEqual(["bai-loi.md"]);
    expect(live.warnings).toEqual([]);
    store.close();
  });

  it("finds the addresses two files claim through an index of the disowned files, scanning no table", () => {
    const file = path.join(folder, "ke-hoach.sqlite");
    new ContentStore(file, identity).close();
    const db = new Database(file, { readonly: true });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${CLAIMED_ADDRESSES}`).all() as Array<{ detail: string }>)
      .map((step) => step.detail)
      .join("\n");
    db.close();
    expect(plan).toMatch(/USING INDEX files_disowned/);
    expect(plan).not.toMatch(/\bSCAN f\b(?! USING)/);
  });
});
