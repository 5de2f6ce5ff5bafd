import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { toVietnamIso } from "@/lib/dates";
import type { Report } from "@/lib/content/index";
import { loadReport, type LoadResult } from "@/lib/content/load-report";
import type { ContentError, ContentProblem } from "@/lib/content/problems";
import { stubFolders, stubFoldersForAll } from "../support/environment";
import { FIXTURES, REPO_CONTENT, REPO_PUBLIC } from "../support/paths";

const validDir = path.join(FIXTURES, "content-valid");
const invalidDir = path.join(FIXTURES, "content-invalid");
const badUriDir = path.join(FIXTURES, "content-bad-uri");

stubFoldersForAll({ public: REPO_PUBLIC });

function validReport(fileName: string): Report {
  const result = loadReport(validDir, fileName);
  expect(result.problems).toEqual([]);
  expect(result.report).not.toBeNull();
  return result.report as Report;
}

function problemsOf(fileName: string): ContentProblem[] {
  const result: LoadResult = loadReport(invalidDir, fileName);
  expect(result.report).toBeNull();
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) expect(problem.file).toBe(fileName);
  return result.problems;
}

/**
 * The public content API, loaded fresh from one folder: a new copy of the modules, as Next's
 * bundles each have one, with the archive functions pages never call (the catalog, check-content's
 * verdict).
 */
async function freshContent(directory: string) {
  stubFolders({ content: directory });
  vi.resetModules();
  const content = await import("@/lib/content/index");
  const archive = await import("@/lib/content/archive");
  return { ...content, archiveCatalog: archive.archiveCatalog, checkArchive: archive.checkArchive };
}

function markdownFilesIn(directory: string): string[] {
  return readdirSync(directory).filter((name) => name.endsWith(".md") && !name.startsWith("_"));
}

describe("valid fixture reports", () => {
  it("an explicit summary wins over the first paragraph", () => {
    const report = validReport("tom-tat-rieng.md");
    expect(report.summary).toBe("Hàng trăm người dân phường Hưng Dũng cùng ra quân dọn vệ sinh đường phố.");
    expect(report.hasOwnSummary).toBe(true);
  });

  it("a fixture's photo is measured and its credit split from the caption", () => {
    const report = validReport("tom-tat-rieng.md");
    expect(report.figures).toEqual([
      {
        src: "/images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg",
        alt: "Người dân phường Hưng Dũng quét dọn lòng đường",
        caption: "Người dân dọn vệ sinh trên đường Lê Viết Thuật.",
        captionParts: [{ text: "Người dân dọn vệ sinh trên đường Lê Viết Thuật." }],
        credit: "Thành Cường",
        width: 1200,
        height: 800,
      },
    ]);
    expect(report.cover).toEqual(report.figures[0]);
  });

  it("the slug falls back to the file name", () => {
    expect(validReport("gio-khong-mui-gio.md").slug).toBe("gio-khong-mui-gio");
  });

  it("slug front matter overrides the file name", () => {
    const report = validReport("ten-tep-khac.md");
    expect(report.slug).toBe("phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam");
    expect(report.file).toBe("ten-tep-khac.md");
  });

  it("a date and time without an offset is Vietnam time", () => {
    const report = validReport("gio-khong-mui-gio.md");
    expect(toVietnamIso(report.date)).toBe("2021-03-05T09:30:00+07:00");
    expect(report.date.toISOString()).toBe("2021-03-05T02:30:00.000Z");
  });

  it("a date alone is midnight, Vietnam time", () => {
    const report = validReport("ten-tep-khac.md");
    expect(toVietnamIso(report.date)).toBe("2021-02-10T00:00:00+07:00");
  });

  it("a report without photos has no figures and no cover", () => {
    const report = validReport("gio-khong-mui-gio.md");
    expect(report.figures).toEqual([]);
    expect(report.cover).toBeNull();
    expect(report.summary).toBe(
      "Lực lượng dân quân xã Nghi Phú được tập huấn kỹ năng phòng cháy, chữa cháy.",
    );
  });

  it("optional fields default to empty lists, null and not-a-draft", () => {
    const report = validReport("gio-khong-mui-gio.md");
    expect(report).toMatchObject({
      tags: [],
      attendees: [],
      attendeeGroups: [],
      category: null,
      location: null,
      author: null,
      source: null,
      updated: null,
      draft: false,
    });
  });

  it("text typed in decomposed form (NFD) is stored composed (NFC)", () => {
    const raw = readFileSync(path.join(validDir, "chu-to-hop-nfd.md"), "utf8");
    expect(raw).not.toBe(raw.normalize("NFC"));
    const report = validReport("chu-to-hop-nfd.md");
    expect(report.title).toBe("Phường Hưng Dũng soạn bằng chữ tổ hợp".normalize("NFC"));
    const text = JSON.stringify(report);
    expect(text).toBe(text.normalize("NFC"));
    expect(report.summary).toContain("Thượng tá Đinh Bạt Văn".normalize("NFC"));
  });

  it("a draft loads with draft true", () => {
    expect(validReport("ban-nhap.md").draft).toBe(true);
  });
});

describe("invalid fixture reports each name the file and the field", () => {
  it("an impossible date (32/13/2021) is a problem with date", () => {
    const [problem] = problemsOf("ngay-sai.md");
    expect(problem.field).toBe("date");
    expect(problem.message).toContain("32/13/2021");
  });

  it("a missing title is a problem with title", () => {
    expect(problemsOf("thieu-tieu-de.md").map((problem) => problem.field)).toEqual(["title"]);
  });

  it("a photo missing from public/ is a problem naming the photo and its path", () => {
    const problems = problemsOf("thieu-anh.md");
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe("ảnh 1");
    expect(problems[0].message).toContain("/images/khong-co-thu-muc-nay/anh-9.jpg");
  });

  it("each missing photo is named by its position in the report", () => {
    // Photos 1 and 3 are missing; photo 2 exists.
    expect(problemsOf("thieu-nhieu-anh.md").map((problem) => problem.field)).toEqual(["ảnh 1", "ảnh 3"]);
  });

  it("a slug with capitals, diacritics and spaces ('Bài Mới') is a problem with slug", () => {
    expect(problemsOf("slug-sai.md").map((problem) => problem.field)).toEqual(["slug"]);
  });

  it("a file name that cannot be a slug, with no slug field, is a problem with slug", () => {
    const [problem] = problemsOf("Bai_Moi.md");
    expect(problem.field).toBe("slug");
    expect(problem.message).toContain("Bai_Moi.md");
  });

  it("tags written on one line instead of as a list is a problem with tags", () => {
    expect(problemsOf("the-khong-phai-danh-sach.md").map((problem) => problem.field)).toEqual(["tags"]);
  });

  it("draft written as a word instead of true/false is a problem with draft", () => {
    expect(problemsOf("nhap-khong-phai-dung-sai.md").map((problem) => problem.field)).toEqual(["draft"]);
  });

  it("an attendee without a name is a problem naming that attendee's name field", () => {
    const problems = problemsOf("nguoi-du-thieu-ten.md");
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toMatch(/^attendees\.?\[1\]\.name$/);
  });

  it("an unknown front-matter field is a problem that names the field", () => {
    const problems = problemsOf("truong-la.md");
    expect(problems).toHaveLength(1);
    expect(`${problems[0].field ?? ""} ${problems[0].message}`).toContain("tom-tat");
  });

  it("a YAML syntax error is reported with the line it is on", () => {
    const problems = problemsOf("yaml-sai.md");
    expect(problems).toHaveLength(1);
    const lines = readFileSync(path.join(invalidDir, "yaml-sai.md"), "utf8").split("\n");
    const badLine = lines.findIndex((line) => line.startsWith("  location:")) + 1;
    expect(badLine).toBe(4);
    expect(problems[0].field).toBeNull();
    expect(problems[0].message).toContain("YAML");
    expect(problems[0].line).toBe(badLine);
  });

  it("a photo path with broken %-encoding is a problem, not a crash", () => {
    let result: LoadResult | undefined;
    expect(() => {
      result = loadReport(badUriDir, "duong-dan-anh-loi.md");
    }).not.toThrow();
    expect(result?.report).toBeNull();
    expect(result?.problems.map((problem) => [problem.file, problem.field])).toEqual([
      ["duong-dan-anh-loi.md", "ảnh 1"],
    ]);
  });
});

describe("the archive of the valid fixtures", () => {
  it("runs outside development, so drafts are hidden", () => {
    expect(process.env.NODE_ENV).not.toBe("development");
  });

  it("lists published reports newest first and leaves the draft out", async () => {
    const { getNewestReports } = await freshContent(validDir);
    expect(getNewestReports(100).map((report) => report.slug)).toEqual([
      "tom-tat-rieng",
      "gio-khong-mui-gio",
      "phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam",
      "chu-to-hop-nfd",
    ]);
    expect(getNewestReports(2).map((report) => report.slug)).toEqual(["tom-tat-rieng", "gio-khong-mui-gio"]);
  });

  it("keeps the draft in the store but will not serve it by slug or in any list", async () => {
    const { getReportBySlug, getReportSummaryBySlug, getMonths, archiveCatalog, checkArchive } =
      await freshContent(validDir);
    expect(checkArchive().reports.map((report) => report.slug)).toContain("ban-nhap");
    expect(getReportBySlug("ban-nhap")).toBeNull();
    expect(getReportSummaryBySlug("ban-nhap")).toBeNull();
    expect(archiveCatalog().count()).toBe(4);
    expect(getMonths().reduce((sum, month) => sum + month.count, 0)).toBe(4);
  });

  it("finds a report by its front-matter slug, not by its file name", async () => {
    const { getReportBySlug } = await freshContent(validDir);
    expect(getReportBySlug("phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam")?.file).toBe("ten-tep-khac.md");
    expect(getReportBySlug("ten-tep-khac")).toBeNull();
  });

  it("ignores files whose names start with an underscore", async () => {
    const { archiveCatalog, checkArchive } = await freshContent(validDir);
    expect(() => archiveCatalog()).not.toThrow();
    const check = checkArchive();
    expect(check.problems).toEqual([]);
    expect(check.reports.map((report) => report.file)).not.toContain("_huong-dan.md");
    expect(check.reports).toHaveLength(markdownFilesIn(validDir).length);
  });

  it("is parsed once per process, even by a second copy of the loaders", async () => {
    // Next bundles lib/content once for pages and again for route handlers; a build worker runs both.
    const first = (await freshContent(validDir)).archiveCatalog();
    const generation = first.generation();
    const second = (await freshContent(validDir)).archiveCatalog();
    expect(second).toBe(first);
    // Nothing was read or written again.
    expect(second.generation()).toBe(generation);
    const other = (await freshContent(REPO_CONTENT)).archiveCatalog();
    expect(other).not.toBe(first);
    expect(other.bySlug("tom-tat-rieng")).toBeNull();
    expect(first.bySlug("tom-tat-rieng")).not.toBeNull();
  });

  it("keeps no bodies in the catalog: a report's page gets its whole report from the store", async () => {
    const { getReportBySlug, getReportSummaryBySlug, getNewestReports, checkArchive } = await freshContent(validDir);
    for (const summary of [...getNewestReports(100), ...checkArchive().reports]) {
      expect(summary).not.toHaveProperty("body");
      expect(summary).not.toHaveProperty("figures");
      expect(summary).not.toHaveProperty("abbreviations");
      expect(summary).not.toHaveProperty("text");
    }
    const slug = "phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam";
    const whole = getReportBySlug(slug);
    expect(whole).toEqual(loadReport(validDir, "ten-tep-khac.md").report);
    expect(whole?.body.length).toBeGreaterThan(0);
    const { body, figures, abbreviations, text, ...summary } = whole as Report;
    expect(getReportSummaryBySlug(slug)).toEqual(summary);
    expect([body, figures, abbreviations].every(Array.isArray)).toBe(true);
    expect(text).toContain(" ");
  });

  it("pages leave out drafts too", async () => {
    const { getReportPage } = await freshContent(validDir);
    const page = getReportPage(1);
    expect(page?.pageCount).toBe(1);
    expect(page?.reports).toHaveLength(4);
    expect(getReportPage(2)).toBeNull();
  });
});

describe("the archive of the invalid fixtures", () => {
  // The folder is read once per process: the error of that first read is the one every test here looks at.
  let first: Promise<InstanceType<typeof ContentError>> | undefined;

  async function askCatalog() {
    const { archiveCatalog, ContentError } = await freshContent(invalidDir);
    try {
      archiveCatalog();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return error as InstanceType<typeof ContentError>;
    }
    throw new Error("archiveCatalog() should have thrown a ContentError");
  }

  const contentError = () => (first ??= askCatalog());

  it("throws a ContentError that lists every problem from every file", async () => {
    const error = await contentError();
    const expected = markdownFilesIn(invalidDir).flatMap((name) => loadReport(invalidDir, name).problems);
    expect(expected.length).toBeGreaterThanOrEqual(12);
    expect(error.problems).toEqual(expect.arrayContaining(expected));
    // Every per-file problem, plus the duplicate slug.
    expect(error.problems).toHaveLength(expected.length + 1);
  });

  it("names every broken file in the error", async () => {
    const error = await contentError();
    const broken = markdownFilesIn(invalidDir).filter((name) => !name.startsWith("trung-dia-chi"));
    expect(broken).toHaveLength(14);
    const named = new Set(error.problems.map((problem) => problem.file));
    for (const name of broken) {
      expect(named).toContain(name);
      expect(error.message).toContain(name);
    }
  });

  it("reports a slug used by two files", async () => {
    const error = await contentError();
    const duplicates = error.problems.filter((problem) => problem.message.includes("trung-dia-chi"));
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0].field).toBe("slug");
    expect(["trung-dia-chi.md", "trung-dia-chi-ban-sao.md"]).toContain(duplicates[0].file);
    const otherFile =
      duplicates[0].file === "trung-dia-chi.md" ? "trung-dia-chi-ban-sao.md" : "trung-dia-chi.md";
    expect(duplicates[0].message).toContain(otherFile);
  });

  it("formats each problem as file › field: message, with the YAML line number", async () => {
    const error = await contentError();
    expect(error.message).toMatch(/^Nội dung có \d+ lỗi/);
    expect(error.message).toContain("ngay-sai.md › date:");
    expect(error.message).toContain("the-khong-phai-danh-sach.md › tags:");
    expect(error.message).toMatch(/yaml-sai\.md:4: phần đầu bài .* sai cú pháp YAML ở dòng 4/);
  });

  it("throws again when a page asks again in the same process: no page renders without the broken reports", async () => {
    const error = await contentError();
    const again = await askCatalog();
    expect(again.problems).toEqual(error.problems);
  });
});
