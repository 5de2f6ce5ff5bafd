import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openReportFile } from "@/lib/editorial/report-file";
import { deleteReport, fileVersion, saveReport } from "@/lib/editorial/save-report";
import { TRASH_FOLDER } from "@/lib/editorial/trash";
import { stubFolders } from "../support/environment";
import { REPO_CONTENT, SEED_FILE } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

let work: string;
let content: string;
let logFile: string;

beforeEach(() => {
  work = temporaryFolder("luu-bai-");
  content = path.join(work, "content");
  cpSync(REPO_CONTENT, content, { recursive: true });
  stubFolders({ editorData: path.join(work, "data") });
  logFile = path.join(work, "data", "nhat-ky-bien-tap.log");
});

const seedText = () => readFileSync(path.join(content, SEED_FILE), "utf8");
const logLines = () => {
  try {
    return readFileSync(logFile, "utf8").trim().split("\n");
  } catch {
    return [];
  }
};

describe("saving a report opened in the form", () => {
  it("leaves an unchanged report's file as it was", () => {
    const before = seedText();
    const outcome = saveReport({
      contentDir: content,
      editor: "bientap",
      draft: openReportFile(before),
      existing: { file: SEED_FILE, version: fileVersion(before) },
    });
    expect(outcome).toEqual({ saved: true, file: SEED_FILE, slug: SEED_FILE.slice(0, -3) });
    expect(Buffer.from(seedText()).equals(Buffer.from(before))).toBe(true);
    expect(logLines()).toEqual([]);
  });

  it("writes a change whole, leaves no temporary file, and logs who saved what", () => {
    const before = seedText();
    const draft = openReportFile(before);
    const outcome = saveReport({
      contentDir: content,
      editor: "bientap",
      draft: { ...draft, data: { ...draft.data, title: "Tiêu đề mới" } },
      existing: { file: SEED_FILE, version: fileVersion(before) },
    });
    expect(outcome.saved).toBe(true);
    expect(openReportFile(seedText()).data.title).toBe("Tiêu đề mới");
    expect(readdirSync(content).filter((name) => name.startsWith("."))).toEqual([]);
    expect(logLines()).toHaveLength(1);
    expect(logLines()[0]).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[^\\t]+\\tbientap\\tsửa\\t${SEED_FILE}$`),
    );
  });

  it("refuses to overwrite a file changed elsewhere since it was opened", () => {
    const before = seedText();
    const elsewhere = before.replace("title:", "title: Sửa ở nơi khác #");
    writeFileSync(path.join(content, SEED_FILE), elsewhere);
    const draft = openReportFile(before);
    const outcome = saveReport({
      contentDir: content,
      editor: "bientap",
      draft: { ...draft, data: { ...draft.data, title: "Của tôi" } },
      existing: { file: SEED_FILE, version: fileVersion(before) },
    });
    expect(outcome).toMatchObject({ saved: false, conflict: true });
    expect(seedText()).toBe(elsewhere);
  });

  it("refuses an invalid report unless it is saved as a draft, with the checks' own problems", () => {
    const draft = openReportFile(seedText());
    const broken = { ...draft, data: { ...draft.data, date: "12/01/2021" } };
    const refused = saveReport({
      contentDir: content,
      editor: "bientap",
      draft: broken,
      existing: { file: SEED_FILE, version: fileVersion(seedText()) },
    });
    expect(refused.saved).toBe(false);
    expect(!refused.saved && refused.problems.map((problem) => problem.field)).toEqual(["date"]);
    const asDraft = saveReport({
      contentDir: content,
      editor: "bientap",
      draft: { ...broken, data: { ...broken.data, draft: true } },
      existing: { file: SEED_FILE, version: fileVersion(seedText()) },
    });
    expect(asDraft.saved).toBe(true);
  });
});

describe("a new report", () => {
  const draft = {
    data: { title: "Lễ hội đền Cờn", date: "2026-11-27T08:00:00+07:00" },
    body: "\nĐoạn đầu.\n",
  };

  it("gets its file name from its title, and never replaces an existing file", () => {
    expect(saveReport({ contentDir: content, editor: "bientap", draft })).toEqual({
      saved: true,
      file: "le-hoi-den-con.md",
      slug: "le-hoi-den-con",
    });
    const first = readFileSync(path.join(content, "le-hoi-den-con.md"), "utf8");
    const again = saveReport({
      contentDir: content,
      editor: "khac",
      draft: { ...draft, body: "\nBài khác cùng tiêu đề.\n" },
    });
    expect(again.saved).toBe(false);
    expect(readFileSync(path.join(content, "le-hoi-den-con.md"), "utf8")).toBe(first);
    expect(logLines().map((line) => line.split("\t").slice(1))).toEqual([
      ["bientap", "tạo", "le-hoi-den-con.md"],
    ]);
  });

  it("named after a 300-character title, gets a file name of at most 100 characters, cut at a word", () => {
    const title = "Tiêu đề rất dài ".repeat(20);
    const outcome = saveReport({
      contentDir: content,
      editor: "bientap",
      draft: { ...draft, data: { ...draft.data, title } },
    });
    expect(outcome.saved).toBe(true);
    const { slug } = outcome as { slug: string };
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug).toMatch(/^tieu-de-rat-dai(-tieu-de-rat-dai)*(-tieu(-de(-rat)?)?)?$/);
  });

  it("refuses a slug longer than 100 characters at the slug field", () => {
    const outcome = saveReport({
      contentDir: content,
      editor: "bientap",
      draft: { ...draft, data: { ...draft.data, slug: "a".repeat(101) } },
    });
    expect(outcome.saved).toBe(false);
    expect(outcome.saved ? [] : outcome.problems.map((problem) => [problem.field, problem.message])).toEqual([
      ["slug", expect.stringContaining("tối đa 100 ký tự")],
    ]);
  });

  it("refuses, at the slug field, an address another report already has: it would never be published", () => {
    const taken = SEED_FILE.slice(0, -3);
    for (const data of [
      { ...draft.data, slug: taken },
      { ...draft.data, title: "Bài khác", slug: taken },
    ]) {
      const outcome = saveReport({ contentDir: content, editor: "bientap", draft: { ...draft, data } });
      expect(outcome.saved).toBe(false);
      expect(
        outcome.saved ? [] : outcome.problems.map((problem) => [problem.field, problem.message]),
      ).toEqual([
        [
          "slug",
          `địa chỉ “${taken}” đã thuộc bài ${SEED_FILE}; đặt slug khác (hoặc đổi tiêu đề) để bài được đăng`,
        ],
      ]);
    }
    // A slug: line claims it as well as a file name does.
    const claimed = saveReport({
      contentDir: content,
      editor: "bientap",
      draft: { ...draft, data: { ...draft.data, slug: "dia-chi-rieng" } },
    });
    expect(claimed.saved).toBe(true);
    const again = saveReport({
      contentDir: content,
      editor: "bientap",
      draft: { ...draft, data: { ...draft.data, title: "Bài thứ hai", slug: "dia-chi-rieng" } },
    });
    expect(again.saved ? [] : again.problems.map((problem) => problem.field)).toEqual(["slug"]);
    expect(readdirSync(content)).not.toContain("bai-thu-hai.md");
  });

  it("never writes outside the folder, whatever file name it is given", () => {
    for (const file of [
      "../ngoai.md",
      "%2e%2e/ngoai.md",
      "/etc/passwd",
      "a\u0000.md",
      "BAI.md",
      "bài.md",
      "x.txt",
    ]) {
      const outcome = saveReport({
        contentDir: content,
        editor: "bientap",
        draft,
        existing: { file, version: "" },
      });
      expect(outcome.saved, file).toBe(false);
    }
    expect(readdirSync(work).sort()).toEqual(["content"]);
  });
});

describe("deleting a report", () => {
  it("moves the file the editor opened into the trash, and logs who deleted it", () => {
    const outcome = deleteReport({
      contentDir: content,
      editor: "bientap",
      file: SEED_FILE,
      version: fileVersion(seedText()),
    });
    expect(outcome).toEqual({ deleted: true });
    expect(readdirSync(content)).not.toContain(SEED_FILE);
    expect(readdirSync(path.join(content, TRASH_FOLDER))).toEqual([SEED_FILE]);
    expect(logLines().map((line) => line.split("\t").slice(1))).toEqual([["bientap", "xóa", SEED_FILE]]);
  });

  it("refuses to delete a file changed elsewhere since it was opened, or a file outside the folder", () => {
    const before = seedText();
    const elsewhere = before.replace("title:", "title: Sửa ở nơi khác #");
    writeFileSync(path.join(content, SEED_FILE), elsewhere);
    const request = { contentDir: content, editor: "bientap", version: fileVersion(before) };
    expect(deleteReport({ ...request, file: SEED_FILE })).toEqual({ deleted: false, reason: "changed" });
    expect(seedText()).toBe(elsewhere);
    expect(deleteReport({ ...request, file: "../ngoai.md" })).toEqual({
      deleted: false,
      reason: "no-such-report",
    });
    expect(logLines()).toEqual([]);
  });
});
