import { writeFileSync } from "node:fs";
import path from "node:path";
import { dump } from "js-yaml";
import { describe, expect, it } from "vitest";
import { editorsListing } from "@/lib/content/refresh";
import { reportRowsPage, ROWS_PER_PAGE, waitingRows } from "@/lib/editorial/report-rows";
import { stubFolders } from "../support/environment";
import { REPO_PUBLIC } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

// The editors' list (/quan-tri) a page at a time, from the store's indexes, on real Markdown files
// read by the real loaders.

/** Report n, dated n minutes into 2021 (Vietnam time): report 120 is the newest. */
function write(folder: string, n: number, fields: Record<string, unknown> = {}) {
  const date = new Date(Date.UTC(2020, 11, 31, 17, n)).toISOString();
  const frontMatter = dump({ title: `Bản tin số ${n}`, date, ...fields });
  writeFileSync(
    path.join(folder, `ban-tin-${n}.md`),
    `---\n${frontMatter}---\n\nĐoạn văn của bản tin ${n}.\n`,
  );
}

function archiveOf(count: number) {
  const folder = temporaryFolder("danh-sach-bien-tap-");
  stubFolders({ content: folder, public: REPO_PUBLIC });
  for (let n = 1; n <= count; n += 1) write(folder, n);
  return folder;
}

describe("the editors' list", () => {
  it("is read a page at a time, newest first, the files that do not load at the top of the first", async () => {
    const folder = archiveOf(120);
    writeFileSync(path.join(folder, "hong.md"), "---\ntitle: [không đóng\n---\n");
    const first = await reportRowsPage("", null, 1);
    expect(first.broken.map((row) => row.file)).toEqual(["hong.md"]);
    expect(first.broken[0].problems[0]).toMatch(/^hong\.md/);
    expect(first.rows).toHaveLength(ROWS_PER_PAGE);
    expect(first.rows[0]).toMatchObject({
      file: "ban-tin-120.md",
      title: "Bản tin số 120",
      status: "da-dang",
    });
    expect(first.rows.at(-1)?.file).toBe("ban-tin-71.md");
    expect(first).toMatchObject({ more: true, count: 120 });
    const third = await reportRowsPage("", null, 3);
    expect(third.broken).toEqual([]);
    expect(third.rows.map((row) => row.file)).toEqual(
      Array.from({ length: 20 }, (_, index) => `ban-tin-${20 - index}.md`),
    );
    expect(third.more).toBe(false);
  });

  it("filters by the title's words without their marks, and by status, drafts included", async () => {
    const folder = archiveOf(3);
    write(folder, 4, {
      title: "Quốc phòng toàn dân",
      status: "cho-duyet",
      review: { by: "pv-lan", at: "2021-01-02T08:00:00+07:00" },
    });
    write(folder, 5, { title: "Hội nghị quốc phòng", draft: true });
    expect((await reportRowsPage("quoc phong", null, 1)).rows.map((row) => row.title)).toEqual([
      "Hội nghị quốc phòng",
      "Quốc phòng toàn dân",
    ]);
    const waiting = await reportRowsPage("", "cho-duyet", 1);
    expect(waiting.rows.map((row) => [row.title, row.workflow?.review?.by])).toEqual([
      ["Quốc phòng toàn dân", "pv-lan"],
    ]);
    expect((await reportRowsPage("", "ban-nhap", 1)).rows.map((row) => row.file)).toEqual(["ban-tin-5.md"]);
    expect((await waitingRows()).map((row) => [row.title, row.status])).toEqual([
      ["Quốc phòng toàn dân", "cho-duyet"],
    ]);
    expect((await reportRowsPage("khong co", null, 1)).count).toBe(0);
  });

  it("counts only up to the cap it is given", () => {
    archiveOf(30);
    expect(editorsListing("", null, { limit: 5, offset: 0, countCap: 10 }).count).toBe(10);
    expect(editorsListing("", null, { limit: 5, offset: 0, countCap: 100 }).count).toBe(30);
  });
});
