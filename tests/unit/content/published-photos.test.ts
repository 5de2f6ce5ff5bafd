import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isPublishedPhoto } from "@/lib/content";
import { checkArchive } from "@/lib/content/archive";
import { ContentStore, SHOWN_PHOTO, UNSHOWN_PHOTOS } from "@/lib/content/store";
import type { Report } from "@/lib/content/types";
import { stubFolders } from "../support/environment";
import { REPO_ROOT } from "../support/paths";
import { temporaryFolder, temporaryFolderForAll } from "../support/temporary-folder";

// Readers get a photo only when a published report shows it (proxy.ts asks isPublishedPhoto);
// the store answers from its photos table by one indexed query.

const folder = temporaryFolderForAll("anh-cong-khai-");
const identity = { contentDirectory: "/noi-dung", publicDirectory: "/public", loader: "v1" };

const report = (file: string, slug: string, draft: boolean): Report => ({
  slug,
  file,
  title: "Bài có ảnh",
  date: new Date("2021-01-12T01:00:00Z"),
  updated: null,
  corrections: [],
  summary: "Tóm tắt.",
  hasOwnSummary: true,
  category: null,
  tags: [],
  location: null,
  author: null,
  source: null,
  cover: null,
  featured: null,
  draft,
  workflow: { status: null, owner: null, review: null, returned: null, scheduledFor: null },
  attendees: [],
  attendeeGroups: [],
  body: [],
  figures: [],
  abbreviations: [],
  readingMinutes: 1,
  text: "",
});

const entry = (file: string, photos: string[]) => ({
  file,
  mtimeMs: 1,
  size: 10,
  glossary: "none",
  photos: photos.map((src) => ({ src, mtimeMs: 1 })),
  problems: [],
  warnings: [],
});

function write(store: ContentStore, file: string, photos: string[], outcome: { slug?: string; draft?: boolean } | "broken") {
  if (outcome === "broken") {
    store.write({ ...entry(file, photos), problems: [{ file, field: "title", message: "thiếu" }] }, null, null);
    return;
  }
  const whole = report(file, outcome.slug ?? file.slice(0, -3), outcome.draft ?? false);
  const { body, figures, abbreviations, text, ...summary } = whole;
  store.write(entry(file, photos), whole, summary);
}

const PHOTO = "/images/bai-anh/anh-1.jpg";

describe("which photos readers may see", () => {
  it("a draft's photo is not shown, its published version's is, and back to draft it is not", () => {
    const store = new ContentStore(null, identity);
    write(store, "bai-anh.md", [PHOTO], { draft: true });
    expect(store.showsPhoto(PHOTO, false)).toBe(false);
    expect(store.showsPhoto(PHOTO, true)).toBe(true);
    write(store, "bai-anh.md", [PHOTO], { draft: false });
    expect(store.showsPhoto(PHOTO, false)).toBe(true);
    write(store, "bai-anh.md", [PHOTO], { draft: true });
    expect(store.showsPhoto(PHOTO, false)).toBe(false);
    store.close();
  });

  it("a broken save keeps the published version's photos shown; a photo only the broken text names is not shown", () => {
    const store = new ContentStore(null, identity);
    write(store, "bai-anh.md", [PHOTO], {});
    write(store, "bai-anh.md", ["/images/bai-anh/anh-2.jpg"], "broken");
    expect(store.showsPhoto(PHOTO, false)).toBe(true);
    expect(store.showsPhoto("/images/bai-anh/anh-2.jpg", false)).toBe(false);
    write(store, "bai-anh.md", ["/images/bai-anh/anh-2.jpg"], {});
    expect(store.showsPhoto(PHOTO, false)).toBe(false);
    expect(store.showsPhoto("/images/bai-anh/anh-2.jpg", false)).toBe(true);
    store.close();
  });

  it("the photos a broken text names are those a report may wait for; once it loads, none", () => {
    const store = new ContentStore(null, identity);
    write(store, "bai-anh.md", [PHOTO], {});
    write(store, "bai-cho.md", ["/images/bai-cho/anh-1.jpg", PHOTO], "broken");
    expect(store.unshownPhotos(10).sort()).toEqual(["/images/bai-anh/anh-1.jpg", "/images/bai-cho/anh-1.jpg"]);
    write(store, "bai-cho.md", ["/images/bai-cho/anh-1.jpg"], {});
    expect(store.unshownPhotos(10)).toEqual([]);
    store.close();
  });

  it("a file that claims an address another holds publishes nothing, its photos included", () => {
    const store = new ContentStore(null, identity);
    write(store, "bai-dau.md", [], { slug: "bai-anh" });
    write(store, "bai-anh.md", [PHOTO], { slug: "bai-anh" });
    expect(store.showsPhoto(PHOTO, false)).toBe(false);
    store.remove("bai-dau.md");
    expect(store.showsPhoto(PHOTO, false)).toBe(true);
    store.close();
  });

  it("a removed file's photos are not shown; addresses are compared decoded", () => {
    const store = new ContentStore(null, identity);
    write(store, "bai-anh.md", ["/images/bai-anh/%E1%BA%A3nh.jpg"], {});
    expect(store.showsPhoto("/images/bai-anh/ảnh.jpg", false)).toBe(true);
    store.remove("bai-anh.md");
    expect(store.showsPhoto("/images/bai-anh/ảnh.jpg", false)).toBe(false);
    store.close();
  });

  it("answers by index, scanning no table, however large the archive", () => {
    const file = path.join(folder, "ke-hoach.sqlite");
    new ContentStore(file, identity).close();
    const db = new Database(file, { readonly: true });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${SHOWN_PHOTO}`).all(PHOTO, 0) as Array<{ detail: string }>).map(
      (step) => step.detail,
    );
    const waiting = (db.prepare(`EXPLAIN QUERY PLAN ${UNSHOWN_PHOTOS}`).all(10) as Array<{ detail: string }>)
      .map((step) => step.detail)
      .join("\n");
    db.close();
    expect(waiting).toMatch(/USING COVERING INDEX photos_unshown/);
    expect(plan.join("\n")).not.toMatch(/\bSCAN\b/);
    expect(plan.join("\n")).toMatch(/USING (PRIMARY KEY|INDEX files_slug|COVERING INDEX files_slug)/);
  });

  it("through the archive: the content folder's published reports decide", () => {
    const content = temporaryFolder("noi-dung-");
    const publicDir = temporaryFolder("public-");
    mkdirSync(path.join(publicDir, "images", "bai-anh"), { recursive: true });
    cpSync(path.join(REPO_ROOT, "public/images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg"), path.join(publicDir, PHOTO));
    const text = (draft: boolean) =>
      `---\ntitle: Bài có ảnh\ndate: 2021-01-12T08:00:00+07:00\ndraft: ${draft}\n---\n\n![Ảnh](${PHOTO} "Chú thích.")\n`;
    stubFolders({ content, public: publicDir });
    writeFileSync(path.join(content, "bai-anh.md"), text(true));
    expect(checkArchive().problems).toEqual([]);
    expect(isPublishedPhoto(PHOTO)).toBe(false);
    writeFileSync(path.join(content, "bai-anh.md"), text(false));
    checkArchive();
    expect(isPublishedPhoto(PHOTO)).toBe(true);
    expect(isPublishedPhoto("/images/bai-anh/anh-2.jpg")).toBe(false);
  });
});
