import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkArchive } from "@/lib/content/archive";
import { fieldTableMarkdown, FIELD_TABLE_END, FIELD_TABLE_START } from "@/lib/content/field-table";
import { loadReport } from "@/lib/content/load-report";
import { newReportTemplate } from "@/lib/content/new-report";
import { stubFolders } from "../support/environment";
import { FIXTURES, REPO_ROOT } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

const invalid = path.join(FIXTURES, "content-invalid");
const tsx = path.join(REPO_ROOT, "node_modules/.bin/tsx");

/** What `npm run check-content` reports for a folder, through the same loaders, in memory. */
function checkFolder(directory: string) {
  stubFolders({ content: directory });
  return checkArchive();
}

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(tsx, [path.join(REPO_ROOT, "scripts", script), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("every kind of mistake names the file, the field and what is expected", () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ["a missing title", "thieu-tieu-de.md", "title", /thiếu; cần tiêu đề/],
    [
      "an unparseable date",
      "ngay-sai.md",
      "date",
      /“32\/13\/2021” không phải ngày hợp lệ; cần .*2021-01-12T08:00:00\+07:00/,
    ],
    ["tags that are not a list", "the-khong-phai-danh-sach.md", "tags", /cần một danh sách/],
    ["draft that is not a boolean", "nhap-khong-phai-dung-sai.md", "draft", /cần true .* hoặc false/],
    ["an attendee without a name", "nguoi-du-thieu-ten.md", "attendees[1].name", /thiếu; cần họ tên/],
    ["a misspelt field", "sai-chinh-ta-truong.md", "tittle", /Có phải ý bạn là “title”\?/],
    ["a misspelt attendee field", "sai-chinh-ta-truong.md", "attendees[1].rnak", /Có phải ý bạn là “rank”\?/],
    [
      "a slug outside a-z, 0-9 and hyphens",
      "slug-sai.md",
      "slug",
      /chỉ được có chữ thường không dấu a-z, số 0-9/,
    ],
    ["a file name that cannot be a slug", "Bai_Moi.md", "slug", /đổi tên tệp hoặc thêm slug/],
    ["a photo that does not exist", "thieu-anh.md", "ảnh 1", /không tìm thấy ảnh .*kiểm tra tên tệp/],
    ["a cover that does not exist", "anh-dai-dien-khong-co.md", "cover", /không tìm thấy ảnh/],
    ["an empty body", "khong-co-noi-dung.md", "nội dung", /cần ít nhất một đoạn văn/],
  ];
  for (const [mistake, file, field, expected] of cases) {
    it(`${mistake}: ${file} › ${field}`, () => {
      const { report, problems } = loadReport(invalid, file);
      expect(report).toBeNull();
      const problem = problems.find((p) => p.field === field);
      expect(problem, JSON.stringify(problems)).toBeDefined();
      expect(problem?.file).toBe(file);
      expect(problem?.message).toMatch(expected);
    });
  }

  it("a YAML syntax error gives its line", () => {
    const { problems } = loadReport(invalid, "yaml-sai.md");
    expect(problems).toEqual([
      expect.objectContaining({
        file: "yaml-sai.md",
        line: 4,
        message: expect.stringMatching(/sai cú pháp YAML ở dòng 4/),
      }),
    ]);
  });

  it("two files claiming one slug are both named", () => {
    const duplicate = checkFolder(invalid).problems.find((p) => p.message.includes("đã dùng cho"));
    expect(duplicate?.file).toBe("trung-dia-chi.md");
    expect(duplicate?.message).toContain("trung-dia-chi-ban-sao.md");
  });
});

describe("warnings do not stop a report", () => {
  it("a photo without alt text or caption, and a missing summary, are warnings", () => {
    const result = loadReport(path.join(FIXTURES, "content-warnings"), "anh-thieu-mo-ta.md");
    expect(result.report).not.toBeNull();
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => `${w.field}: ${w.message}`)).toEqual([
      expect.stringMatching(/^ảnh 1: ảnh chưa có mô tả/),
      expect.stringMatching(/^ảnh 1: ảnh chưa có chú thích/),
      expect.stringMatching(/^summary: chưa có tóm tắt/),
    ]);
  });

  it("a title longer than Google's 110 characters is a warning; one of 110 is not", () => {
    const result = loadReport(path.join(FIXTURES, "content-warnings"), "tieu-de-qua-dai.md");
    expect(result.report).not.toBeNull();
    expect(result.warnings).toEqual([
      {
        file: "tieu-de-qua-dai.md",
        field: "title",
        message: expect.stringMatching(/^tiêu đề dài 122 ký tự, quá 110 ký tự; Google có thể cắt bớt/),
      },
    ]);
    const folder = temporaryFolder("tieu-de-110-");
    const title = `Tiêu đề đúng ${"ệ".repeat(97)}`;
    expect(Array.from(title)).toHaveLength(110);
    writeFileSync(path.join(folder, "bai.md"), `---\ntitle: ${title}\ndate: 2021-01-12\nsummary: Tóm tắt.\n---\n\nNội dung.\n`);
    expect(loadReport(folder, "bai.md").warnings).toEqual([]);
  });
});

// These run the real scripts through tsx, a new Node process each: about 2 s here, so a timeout
// with room for a machine three times slower.
describe("npm run check-content", { timeout: 20_000 }, () => {
  it("lists every problem in every broken file in one run and fails", () => {
    const { status, output } = run("check-content.ts", [], { CONTENT_DIR: invalid });
    expect(status).toBe(1);
    const { problems } = checkFolder(invalid);
    expect(problems.length).toBeGreaterThanOrEqual(17);
    for (const problem of problems) expect(output).toContain(`${problem.file}`);
    expect(output).toContain(`Lỗi (${problems.length})`);
    expect(output).toContain("yaml-sai.md:4");
  });

  it("passes the real content, with its warnings: a report with only warnings counts as valid", () => {
    const { status, output } = run("check-content.ts", [], {});
    expect(status).toBe(0);
    expect(output).toMatch(/Đạt: 1 bài hợp lệ \(0 chưa đăng: bản nháp, chờ duyệt, hẹn giờ hoặc đã gỡ\), 1 cảnh báo/);
  });

  it("warns of a title too long for Google, naming the file and the field, and passes", () => {
    const folder = temporaryFolder("tieu-de-dai-kiem-tra-");
    cpSync(path.join(FIXTURES, "content-warnings/tieu-de-qua-dai.md"), path.join(folder, "tieu-de-qua-dai.md"));
    const { status, output } = run("check-content.ts", [], {
      CONTENT_DIR: folder,
      CONTENT_STORE: path.join(folder, "kho.sqlite"),
    });
    expect(status).toBe(0);
    expect(output).toContain("Cảnh báo (1), không chặn việc đăng bài:\n  ! tieu-de-qua-dai.md › title: tiêu đề dài 122 ký tự");
    expect(output).toMatch(/Đạt: 1 bài hợp lệ .*, 1 cảnh báo/);
  });

  it("lists the reports scheduled, with their time in Vietnam", () => {
    const folder = temporaryFolder("hen-gio-kiem-tra-");
    cpSync(path.join(FIXTURES, "content-valid"), folder, { recursive: true });
    writeFileSync(
      path.join(folder, "bai-hen-gio.md"),
      "---\ntitle: Bài hẹn giờ\ndate: 2099-01-02T06:30\nsummary: Đăng sau.\n---\n\nNội dung.\n",
    );
    const { status, output } = run("check-content.ts", [], {
      CONTENT_DIR: folder,
      CONTENT_STORE: path.join(folder, "kho.sqlite"),
    });
    expect(status).toBe(0);
    expect(output).toContain("Hẹn giờ đăng (1), giờ Việt Nam:\n  ⏰ bai-hen-gio.md: tự đăng lúc 06:30 ngày 02/01/2099");
    expect(output).toMatch(/Đạt: 6 bài hợp lệ \(2 chưa đăng/);
  });

  it("counts the valid reports and the drafts among them", () => {
    const { status, output } = run("check-content.ts", [], { CONTENT_DIR: path.join(FIXTURES, "content-valid") });
    expect(status).toBe(0);
    expect(output).toMatch(/Đạt: 5 bài hợp lệ \(1 chưa đăng/);
  });
});

describe("npm run new-report", { timeout: 20_000 }, () => {
  const title = "Phường Hưng Dũng ra quân dọn vệ sinh đầu năm";
  it("makes the slug from the title and dates the report now, in Vietnam time", () => {
    const { slug, markdown } = newReportTemplate(title, new Date("2026-11-26T20:30:45Z"));
    expect(slug).toBe("phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam");
    expect(markdown).toContain(`title: "${title}"`);
    expect(markdown).toContain("date: 2026-11-27T03:30:00+07:00");
    expect(markdown).toContain(
      `![Mô tả những gì có trong ảnh](/images/${slug}/anh-1.jpg "Chú thích ảnh. Ảnh: Tên tác giả")`,
    );
  });

  it("writes a valid draft, prints its path, and refuses to overwrite it", () => {
    const folder = temporaryFolder("bai-moi-");
    const first = run("new-report.ts", [title], { CONTENT_DIR: folder });
    expect(first.status).toBe(0);
    const file = path.join(folder, "phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam.md");
    expect(first.output).toContain(`Đã tạo ${path.relative(REPO_ROOT, file)}`);

    const result = loadReport(folder, path.basename(file));
    expect(result.problems).toEqual([]);
    expect(result.report).toMatchObject({ title, draft: true, tags: [], attendees: [] });
    expect(result.report?.figures).toEqual([]);
    // The example photo line sits in a comment: it neither shows nor asks for a missing file.
    expect(JSON.stringify(result.report?.body)).not.toContain("Mô tả những gì có trong ảnh");

    writeFileSync(file, `${readFileSync(file, "utf8")}\nĐoạn của phóng viên.\n`);
    const before = readFileSync(file, "utf8");
    const second = run("new-report.ts", [title], { CONTENT_DIR: folder });
    expect(second.status).toBe(1);
    expect(second.output).toContain("không ghi đè");
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});

describe("the editors' table of fields (docs/bien-tap/viet-bai.md)", () => {
  it("is the one the schema describes (npm run docs:fields rewrites it)", () => {
    const page = readFileSync(path.join(REPO_ROOT, "docs/bien-tap/viet-bai.md"), "utf8");
    expect(page).toContain(FIELD_TABLE_START);
    const table = page.slice(page.indexOf(FIELD_TABLE_START) + FIELD_TABLE_START.length, page.indexOf(FIELD_TABLE_END));
    const normalise = (text: string) =>
      text
        .replace(/\s*\|\s*/g, "|")
        .replace(/-{3,}/g, "---")
        .trim();
    expect(normalise(table)).toBe(normalise(fieldTableMarkdown()));
  });
});

describe("in next dev, content changes show without a restart", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("a new file and an edited file are seen on the next request", async () => {
    const folder = temporaryFolder("noi-dung-");
    const write = (name: string, title: string, mtime: number) => {
      const file = path.join(folder, name);
      writeFileSync(file, `---\ntitle: ${title}\ndate: 2021-01-0${mtime}\n---\n\nNội dung.\n`);
      utimesSync(file, mtime, mtime);
    };
    vi.stubEnv("NODE_ENV", "development");
    stubFolders({ content: folder });
    vi.resetModules();
    const { getNewestReports, getReportBySlug, getMonths } = await import("@/lib/content");
    const getReports = () => getNewestReports(10);

    write("bai-mot.md", "Bài một", 1);
    expect(getReports().map((r) => r.title)).toEqual(["Bài một"]);
    write("bai-hai.md", "Bài hai", 2);
    expect(getReports().map((r) => r.title)).toEqual(["Bài hai", "Bài một"]);
    write("bai-mot.md", "Bài một, đã sửa", 3);
    expect(getReportBySlug("bai-mot")?.title).toBe("Bài một, đã sửa");
    expect(getReports().map((r) => r.title)).toEqual(["Bài một, đã sửa", "Bài hai"]);
    rmSync(path.join(folder, "bai-hai.md"));
    expect(getReports().map((r) => r.slug)).toEqual(["bai-mot"]);
    expect(getReportBySlug("bai-hai")).toBeNull();
    expect(getMonths().map(({ month, count }) => [month, count])).toEqual([["2021-01", 1]]);
  });
});
