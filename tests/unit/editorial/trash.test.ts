import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { checkArchive } from "@/lib/content/refresh";
import { moveToTrash, sweepTrash, TRASH_FOLDER } from "@/lib/editorial/trash";
import { stubFolders } from "../support/environment";
import { REPO_ROOT } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

// A deleted report waits in the trash, restorable with its photos; past the grace period the
// sweep deletes its file, never a photo (its versions in the history still show them).

const DAY = 24 * 60 * 60 * 1000;
const JPEG = path.join(REPO_ROOT, "public/images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg");

let content: string;
let publicDir: string;

const report = (title: string, photos: string[]) =>
  `---\ntitle: ${title}\ndate: 2021-01-12T08:00:00+07:00\n---\n\nĐoạn.\n\n${photos
    .map((src) => `![Ảnh](${src} "Chú thích.")`)
    .join("\n\n")}\n`;

function photo(address: string) {
  const file = path.join(publicDir, address);
  mkdirSync(path.dirname(file), { recursive: true });
  cpSync(JPEG, file);
}

const photoExists = (address: string) => existsSync(path.join(publicDir, address));
const published = () => checkArchive().reports.map((summary) => summary.file);

beforeEach(() => {
  content = temporaryFolder("thung-rac-");
  publicDir = temporaryFolder("anh-");
  stubFolders({ content, public: publicDir });
  for (const address of [
    "/images/a/anh-1.jpg",
    "/images/chung/logo.jpg",
    "/images/b/anh-1.jpg",
    "/images/b/anh-2.jpg",
  ]) {
    photo(address);
  }
  writeFileSync(
    path.join(content, "a.md"),
    report("Bài A", ["/images/a/anh-1.jpg", "/images/chung/logo.jpg"]),
  );
  // b's folder also holds an upload its text never showed (anh-2.jpg).
  writeFileSync(
    path.join(content, "b.md"),
    report("Bài B", ["/images/b/anh-1.jpg", "/images/chung/logo.jpg"]),
  );
  expect(published()).toEqual(["a.md", "b.md"]);
});

describe("the trash", () => {
  it("a trashed report is not published, and is back with its photos when its file is moved back", () => {
    const now = Date.now();
    moveToTrash(content, "b.md", new Date(now - 10 * DAY));
    expect(published()).toEqual(["a.md"]);
    expect(sweepTrash({ contentDir: content, days: 30, now })).toEqual({ reports: [] });
    renameSync(path.join(content, TRASH_FOLDER, "b.md"), path.join(content, "b.md"));
    expect(published()).toEqual(["a.md", "b.md"]);
    expect(checkArchive().problems).toEqual([]);
  });

  it("past the grace period, the report's file leaves the trash and every photo stays, for its versions in the history", () => {
    const now = Date.now();
    moveToTrash(content, "b.md", new Date(now - 31 * DAY));
    moveToTrash(content, "a.md", new Date(now - 1 * DAY));
    published();
    expect(sweepTrash({ contentDir: content, days: 30, now })).toEqual({ reports: ["b.md"] });
    expect(readdirSync(path.join(content, TRASH_FOLDER))).toEqual(["a.md"]);
    for (const photo of [
      "/images/b/anh-1.jpg",
      "/images/b/anh-2.jpg",
      "/images/chung/logo.jpg",
      "/images/a/anh-1.jpg",
    ]) {
      expect(photoExists(photo)).toBe(true);
    }
  });
});
