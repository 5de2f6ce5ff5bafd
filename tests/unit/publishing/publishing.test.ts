import { readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getRelatedReports, getReportBySlug, getReportSummaryBySlug } from "@/lib/content";
import {
  type AddressChange,
  archiveProblems,
  loadGlossary,
  loadReport,
  refreshArchive,
  type ReportParser,
  startLiveArchive,
} from "@/lib/content/refresh";
import { problemsReport } from "@/lib/publishing/problem-report";
import { catchUpSearchIndex, searchReports } from "@/lib/search/archive-search";
import { fill } from "@/tools/measure/hostile-bodies";
import { stalePaths } from "@/lib/publishing/stale-paths";
import { stubFoldersForAll } from "../support/environment";
import { REPO_PUBLIC } from "../support/paths";
import { temporaryFolderForAll } from "../support/temporary-folder";

// The live server's side of publishing, on real Markdown files in a folder of their own, through
// the real loaders and an in-memory store: what a change makes stale, and what a broken file keeps.

const folder = temporaryFolderForAll("dang-bai-unit-");
stubFoldersForAll({ content: folder, public: REPO_PUBLIC });

interface Fields {
  title: string;
  day: number;
  tags?: string[];
  people?: string[];
  category?: string;
  draft?: boolean;
}

let tick = 0;
function write(
  slug: string,
  { title, day, tags = [], people = [], category = "Thời sự", draft = false }: Fields,
) {
  const file = path.join(folder, `${slug}.md`);
  writeFileSync(
    file,
    `---\ntitle: "${title}"\ndate: 2024-03-${String(day).padStart(2, "0")}T08:00:00+07:00\ncategory: ${category}\n` +
      `tags: [${tags.join(", ")}]\nattendees:\n${people.map((name) => `  - name: ${name}\n`).join("")}draft: ${draft}\n---\n\nĐoạn văn của ${title}.\n`,
  );
  // A distinct modification time for every write, as the watcher would see.
  tick += 1;
  utimesSync(file, new Date(1_700_000_000_000 + tick * 1000), new Date(1_700_000_000_000 + tick * 1000));
}

async function publish(parse?: ReportParser): Promise<{ changes: AddressChange[]; stale: string[] }> {
  const changes = await refreshArchive("all", new Set(), parse);
  return { changes, stale: stalePaths(changes).sort() };
}

const title = (slug: string) => getReportSummaryBySlug(slug)?.title;

beforeAll(async () => {
  startLiveArchive();
  // Twenty-two reports: the listing has two pages.
  for (let day = 1; day <= 22; day += 1) {
    write(`bai-${day}`, {
      title: `Bài ${day}`,
      day,
      tags: ["Thành phố Vinh"],
      people: day % 2 ? ["Trần Ngọc Tú"] : [],
    });
  }
  write("bai-doc-lap", {
    title: "Bài độc lập",
    day: 1,
    tags: ["Du lịch"],
    people: ["Hồ Văn Xa"],
    category: "Văn hóa",
  });
  write("bai-rieng", {
    title: "Bài riêng",
    day: 2,
    tags: ["Thể thao"],
    people: ["Lê Văn Riêng"],
    category: "Thể thao",
  });
  await publish();
  // Every report's page as the build rendered it: each related list is remembered.
  for (const slug of [...Array.from({ length: 22 }, (_, n) => `bai-${n + 1}`), "bai-doc-lap", "bai-rieng"]) {
    getRelatedReports(slug);
  }
});

const EDITED_STANDALONE: Fields = {
  title: "Bài độc lập đã sửa",
  day: 1,
  tags: ["Du lịch"],
  people: ["Hồ Văn Xa"],
  category: "Văn hóa",
};

/**
 * What a new report at the top of every list it is in makes stale; leaving them again, the same.
 * Its new topic is listed in the topics' sitemap file; its people have other reports already, so
 * the people's file stays as it was.
 */
const NEW_REPORT_PAGES = [
  "/",
  "/bai-viet/bai-doc-lap",
  "/bai-viet/bai-moi",
  "/bai-viet/bai-moi/anh-chia-se.png",
  "/bai-viet/bai-moi/nghe.json",
  "/chu-de",
  "/chu-de/chu-de-moi",
  "/chu-de/thanh-pho-vinh",
  "/chu-de/thanh-pho-vinh/trang/2",
  "/chu-de/theo-van/c",
  "/chu-de/theo-van/t",
  "/chuyen-muc/thoi-su",
  "/chuyen-muc/thoi-su/trang/2",
  "/feed.xml",
  "/luu-tru",
  "/luu-tru/2024/03",
  "/nguoi/ho-van-xa",
  "/nguoi/tran-ngoc-tu",
  "/sitemap.xml",
  "/sitemaps/bai-2024-03.xml",
  "/sitemaps/chu-de-1.xml",
  "/sitemaps/trang.xml",
  "/tin-moi",
  "/trang/2",
];

describe("what a publish revalidates, as exact lists", () => {
  it("a new report at the top: its page and card, the numbered pages it shifts, its month, its lists, feed, indexes and sitemap files", async () => {
    write("bai-moi", {
      title: "Bài mới",
      day: 28,
      tags: ["Thành phố Vinh", "Chủ đề mới"],
      people: ["Trần Ngọc Tú", "Hồ Văn Xa"],
    });
    const { stale } = await publish();
    expect(stale).toEqual(NEW_REPORT_PAGES);
  });

  it("an edit of one report's title: its page, card, month and the list pages showing it, nothing else", async () => {
    write("bai-doc-lap", EDITED_STANDALONE);
    const { stale } = await publish();
    expect(stale).toEqual([
      "/",
      "/bai-viet/bai-doc-lap",
      "/bai-viet/bai-doc-lap/anh-chia-se.png",
      "/bai-viet/bai-doc-lap/nghe.json",
      "/chu-de/du-lich",
      "/chuyen-muc/van-hoa",
      "/feed.xml",
      "/luu-tru/2024/03",
      "/nguoi/ho-van-xa",
      "/sitemaps/bai-2024-03.xml",
      "/trang/2",
    ]);
  });

  it("a save of the same text refreshes that report's pages; a pass with no change refreshes nothing", async () => {
    write("bai-doc-lap", EDITED_STANDALONE);
    const { stale } = await publish();
    expect(title("bai-doc-lap")).toBe("Bài độc lập đã sửa");
    expect(stale).toContain("/bai-viet/bai-doc-lap");
    const second = await publish();
    expect(second.changes).toEqual([]);
    expect(second.stale).toEqual([]);
  });

  it("an old report's date moved: both months, and the numbered pages from its new place on", async () => {
    write("bai-2", { title: "Bài 2", day: 27, tags: ["Thành phố Vinh"], people: [] });
    const { stale } = await publish();
    expect(stale).toEqual([
      "/",
      "/bai-viet/bai-2",
      "/bai-viet/bai-2/anh-chia-se.png",
      "/bai-viet/bai-2/nghe.json",
      "/bai-viet/bai-4",
      "/chu-de/thanh-pho-vinh",
      "/chu-de/thanh-pho-vinh/trang/2",
      "/chuyen-muc/thoi-su",
      "/chuyen-muc/thoi-su/trang/2",
      "/feed.xml",
      "/luu-tru",
      "/luu-tru/2024/03",
      "/sitemap.xml",
      "/sitemaps/bai-2024-03.xml",
      "/sitemaps/trang.xml",
      "/tin-moi",
      "/trang/2",
    ]);
  });

  it("a topic added to a report and another removed", async () => {
    write("bai-rieng", {
      title: "Bài riêng",
      day: 2,
      tags: ["Du lịch"],
      people: ["Lê Văn Riêng"],
      category: "Thể thao",
    });
    const { stale } = await publish();
    expect(stale).toEqual([
      "/",
      "/bai-viet/bai-doc-lap",
      "/bai-viet/bai-rieng",
      "/bai-viet/bai-rieng/anh-chia-se.png",
      "/bai-viet/bai-rieng/nghe.json",
      "/chu-de",
      "/chu-de/du-lich",
      "/chu-de/the-thao",
      "/chu-de/theo-van/d",
      "/chu-de/theo-van/t",
      "/chuyen-muc/the-thao",
      "/feed.xml",
      "/luu-tru/2024/03",
      "/nguoi/le-van-rieng",
      "/sitemap.xml",
      "/sitemaps/bai-2024-03.xml",
      "/sitemaps/chu-de-1.xml",
      "/trang/2",
    ]);
  });

  it("a person renamed in one report: they leave one person's list and enter another's", async () => {
    write("bai-rieng", {
      title: "Bài riêng",
      day: 2,
      tags: ["Du lịch"],
      people: ["Lê Văn Riêng Mới"],
      category: "Thể thao",
    });
    const { stale } = await publish();
    expect(stale).toEqual([
      "/",
      "/bai-viet/bai-doc-lap",
      "/bai-viet/bai-rieng",
      "/bai-viet/bai-rieng/anh-chia-se.png",
      "/bai-viet/bai-rieng/nghe.json",
      "/chu-de/du-lich",
      "/chuyen-muc/the-thao",
      "/feed.xml",
      "/luu-tru/2024/03",
      "/nguoi/le-van-rieng",
      "/nguoi/le-van-rieng-moi",
      "/sitemap.xml",
      "/sitemaps/bai-2024-03.xml",
      "/sitemaps/nguoi-1.xml",
      "/trang/2",
    ]);
  });

  it("a report set to draft leaves every list, and its own page goes", async () => {
    write("bai-moi", {
      title: "Bài mới",
      day: 28,
      tags: ["Thành phố Vinh", "Chủ đề mới"],
      people: ["Trần Ngọc Tú"],
      draft: true,
    });
    const { stale } = await publish();
    expect(getReportSummaryBySlug("bai-moi")).toBeNull();
    // And bai-2, moved next to it in time above, whose related list showed it.
    expect(stale).toEqual([...NEW_REPORT_PAGES, "/bai-viet/bai-2"].sort());
  });

  it("the front page: not for an old report's edit, but once an editor places it there", async () => {
    write("bai-1", {
      title: "Bài 1 sửa tiêu đề",
      day: 1,
      tags: ["Thành phố Vinh"],
      people: ["Trần Ngọc Tú"],
    });
    expect((await publish()).stale).not.toContain("/");
    const file = path.join(folder, "bai-1.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^draft: /m, "featured: noi-bat\ndraft: "));
    expect(getReportSummaryBySlug("bai-1")?.featured).toBeNull();
    const { stale } = await publish();
    expect(getReportSummaryBySlug("bai-1")?.featured).toBe("noi-bat");
    expect(stale).toContain("/");
    expect(stale).not.toContain("/tin-moi");
  });

  it("a report of the last 48 hours is in the news sitemap's pages: added, and deleted", async () => {
    const file = path.join(folder, "tin-nong.md");
    const now = new Date(Date.now() - 3_600_000).toISOString();
    writeFileSync(file, `---\ntitle: "Tin nóng"\ndate: ${now}\ncategory: Thời sự\n---\n\nĐoạn văn.\n`);
    expect((await publish()).stale).toContain("/sitemaps/tin-moi.xml");
    rmSync(file);
    const { stale } = await publish();
    expect(stale).toContain("/bai-viet/tin-nong");
    expect(stale).toContain("/sitemaps/tin-moi.xml");
    // A report of 2024 is not.
    expect(NEW_REPORT_PAGES).not.toContain("/sitemaps/tin-moi.xml");
  });
});

describe("a pass given the files the watcher saw change", () => {
  it("reads only those: a file it was not told of waits for a look at the whole folder", async () => {
    write("bai-bao-truoc", { title: "Bài báo trước", day: 9 });
    write("bai-khong-bao", { title: "Bài không báo", day: 10 });
    const changes = await refreshArchive(new Set(["bai-bao-truoc.md"]), new Set());
    expect(changes.map((change) => change.slug)).toEqual(["bai-bao-truoc"]);
    expect(title("bai-bao-truoc")).toBe("Bài báo trước");
    expect(getReportSummaryBySlug("bai-khong-bao")).toBeNull();
    expect((await publish()).changes.map((change) => change.slug)).toEqual(["bai-khong-bao"]);
  });

  it("a file named but gone is taken out; a name that is no report file is ignored", async () => {
    rmSync(path.join(folder, "bai-bao-truoc.md"));
    rmSync(path.join(folder, "bai-khong-bao.md"));
    const changes = await refreshArchive(new Set(["bai-bao-truoc.md", "_ghi-chu.md", "anh.jpg"]), new Set());
    expect(changes.map((change) => [change.slug, change.after])).toEqual([["bai-bao-truoc", null]]);
    expect(getReportSummaryBySlug("bai-khong-bao")?.title).toBe("Bài không báo");
    await publish();
    expect(getReportSummaryBySlug("bai-khong-bao")).toBeNull();
  });
});

describe("a broken file", () => {
  it("keeps its last good version published and is listed with what is wrong", async () => {
    writeFileSync(
      path.join(folder, "bai-3.md"),
      '---\ntitle: "Ngoặc không đóng\ndate: 2024-03-03\n---\n\nĐoạn.\n',
    );
    utimesSync(path.join(folder, "bai-3.md"), new Date(), new Date(Date.now() + 60_000));
    write("bai-hong", { title: "", day: 5 });
    const { stale } = await publish();
    expect(title("bai-3")).toBe("Bài 3");
    expect(getReportBySlug("bai-3")?.body.length).toBeGreaterThan(0);
    expect(getReportSummaryBySlug("bai-hong")).toBeNull();
    expect(stale).toEqual([]);
    const problems = archiveProblems();
    const files = problems.problems.map((problem) => problem.file);
    expect(files).toContain("bai-3.md");
    expect(files).toContain("bai-hong.md");
    const report = problemsReport(problems, new Date(Date.UTC(2024, 2, 5, 1)));
    expect(report).toContain("sai cú pháp YAML");
    expect(report).toContain("bai-hong.md › title");
    expect(report).toContain("bai-3.md: bạn đọc vẫn thấy bản đăng trước");
    expect(report).toContain("bai-hong.md: chưa được đăng");
    expect(report).toContain("05/03/2024, 08:00");
  });

  it("fixing it publishes the fix, and the problems report is gone", async () => {
    write("bai-3", { title: "Bài 3 đã sửa", day: 3, tags: ["Thành phố Vinh"], people: ["Trần Ngọc Tú"] });
    write("bai-hong", { title: "Bài hỏng đã sửa", day: 5 });
    const { stale } = await publish();
    expect(title("bai-3")).toBe("Bài 3 đã sửa");
    expect(title("bai-hong")).toBe("Bài hỏng đã sửa");
    expect(stale).toContain("/bai-viet/bai-3");
    expect(stale).toContain("/bai-viet/bai-hong");
    expect(archiveProblems().problems).toEqual([]);
    expect(problemsReport(archiveProblems(), new Date())).toBeNull();
  });

  it("a body over the size limit keeps the last good version, listed at the body", async () => {
    const file = path.join(folder, "bai-4.md");
    writeFileSync(
      file,
      `---\ntitle: "Bài 4"\ndate: 2024-03-04T08:00:00+07:00\n---\n\n${"UBND ".repeat(30_000)}\n`,
    );
    utimesSync(file, new Date(), new Date(Date.now() + 120_000));
    const { stale } = await publish();
    expect(title("bai-4")).toBe("Bài 4");
    expect(stale).toEqual([]);
    const report = problemsReport(archiveProblems(), new Date());
    expect(report).toContain("bai-4.md › nội dung: nội dung dài 146 KB, quá giới hạn 64 KB");
    expect(report).toContain("bai-4.md: bạn đọc vẫn thấy bản đăng trước");
    write("bai-4", { title: "Bài 4", day: 4, tags: ["Thành phố Vinh"] });
    await publish();
    expect(archiveProblems().problems).toEqual([]);
  });

  it("a deleted file leaves the archive, and its page is revalidated into a 404", async () => {
    rmSync(path.join(folder, "bai-hong.md"));
    const { stale } = await publish();
    expect(getReportSummaryBySlug("bai-hong")).toBeNull();
    expect(stale).toEqual([
      "/",
      "/bai-viet/bai-hong",
      "/bai-viet/bai-hong/anh-chia-se.png",
      "/bai-viet/bai-hong/nghe.json",
      "/chu-de",
      "/chu-de/theo-van/t",
      "/chuyen-muc/thoi-su",
      "/chuyen-muc/thoi-su/trang/2",
      "/feed.xml",
      "/luu-tru",
      "/luu-tru/2024/03",
      "/sitemap.xml",
      "/sitemaps/bai-2024-03.xml",
      "/sitemaps/trang.xml",
      "/tin-moi",
      "/trang/2",
    ]);
  });
});

describe("parsed by the watcher's worker", () => {
  // What the worker thread does (tests/unit/content/report-parser.test.ts runs the real one).
  const parsedFiles: string[] = [];
  const parse: ReportParser = async (contentDir, fileName) => {
    parsedFiles.push(fileName);
    return loadReport(contentDir, fileName, loadGlossary(contentDir));
  };

  it("the changed files go to the parser, and what it returns is published", async () => {
    parsedFiles.length = 0;
    write("bai-doc-lap", { ...EDITED_STANDALONE, title: "Bài độc lập, đọc trong luồng riêng" });
    const { stale } = await publish(parse);
    expect(parsedFiles).toEqual(["bai-doc-lap.md"]);
    expect(title("bai-doc-lap")).toBe("Bài độc lập, đọc trong luồng riêng");
    expect(stale).toContain("/bai-viet/bai-doc-lap");
  });

  it("a look at the whole folder finds a file gone, and one gone while another came", async () => {
    write("bai-tam", { title: "Bài tạm", day: 23 });
    await publish(parse);
    rmSync(path.join(folder, "bai-tam.md"));
    expect((await publish(parse)).changes.map((change) => change.slug)).toEqual(["bai-tam"]);
    expect(getReportBySlug("bai-tam")).toBeNull();
    // As many files as the store knows, but not the same ones: the store's rows are checked one by one.
    write("bai-tam", { title: "Bài tạm", day: 23 });
    await publish(parse);
    rmSync(path.join(folder, "bai-tam.md"));
    write("bai-thay", { title: "Bài thay", day: 23 });
    const { changes } = await publish(parse);
    expect(changes.map((change) => change.slug).sort()).toEqual(["bai-tam", "bai-thay"]);
    rmSync(path.join(folder, "bai-thay.md"));
    await publish(parse);
  });
  it("a file saved again while it was being parsed waits for the next pass, which reads the new save", async () => {
    write("bai-doc-lap", { ...EDITED_STANDALONE, title: "Lần lưu thứ nhất" });
    const savedAgainMeanwhile: ReportParser = async (contentDir, fileName, glossary) => {
      const result = await parse(contentDir, fileName, glossary);
      write("bai-doc-lap", { ...EDITED_STANDALONE, title: "Lần lưu thứ hai" });
      return result;
    };
    const first = await publish(savedAgainMeanwhile);
    expect(title("bai-doc-lap")).toBe("Bài độc lập, đọc trong luồng riêng");
    expect(first.stale).toEqual([]);
    await publish(parse);
    expect(title("bai-doc-lap")).toBe("Lần lưu thứ hai");
  });

  it("a long pass is published in batches as it goes, the newest files first", async () => {
    for (let n = 1; n <= 5; n += 1) write(`dot-${n}`, { title: `Đợt ${n}`, day: 10 + n });
    const slowParse: ReportParser = async (contentDir, fileName, glossary) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return parse(contentDir, fileName, glossary);
    };
    const batches: string[][] = [];
    const last = await refreshArchive("all", new Set(), slowParse, async (changes) => {
      batches.push(changes.map((change) => change.slug));
      // What a batch wrote is online before the next is read.
      for (const slug of changes.map((change) => change.slug)) expect(title(slug)).toMatch(/^Đợt/);
    });
    // A first batch after a second of parsing (0.3 s a file), the rest at the end; newest first.
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(last.length).toBeGreaterThanOrEqual(1);
    expect([...batches.flat(), ...last.map((change) => change.slug)]).toEqual([
      "dot-5",
      "dot-4",
      "dot-3",
      "dot-2",
      "dot-1",
    ]);
    for (let n = 1; n <= 5; n += 1) rmSync(path.join(folder, `dot-${n}.md`));
    await publish();
  });

  it("while a long pass reads, a report asked for before its turn is read at once", async () => {
    for (let n = 1; n <= 3; n += 1) write(`luot-${n}`, { title: `Lượt ${n}`, day: 20 + n });
    const slowParse: ReportParser = async (contentDir, fileName, glossary) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      return parse(contentDir, fileName, glossary);
    };
    let askedEarly: string | undefined;
    const last = await refreshArchive("all", new Set(), slowParse, async () => {
      // luot-1 is the oldest file: read last, unless a reader asks for it first.
      askedEarly ??= getReportSummaryBySlug("luot-1")?.title;
      expect(getReportSummaryBySlug("../luot-1")).toBeNull();
    });
    expect(askedEarly).toBe("Lượt 1");
    expect(last.map((change) => change.slug)).not.toContain("luot-1");
    // Once the pass is over, an unknown address reads nothing.
    write("luot-4", { title: "Lượt 4", day: 25 });
    expect(getReportSummaryBySlug("luot-4")).toBeNull();
    for (let n = 1; n <= 4; n += 1) rmSync(path.join(folder, `luot-${n}.md`));
    await publish();
  });

  it("the search index, catching up in timed steps, finds every report of the slowest bodies to index", async () => {
    const tables = fill(63 * 1024, (i) =>
      i === 0 ? "| Tên | Đơn vị |\n| --- | --- |\n" : `| Người ${i} | UBND xã |\n`,
    );
    for (const n of [1, 2, 3]) {
      const file = path.join(folder, `bang-${n}.md`);
      writeFileSync(
        file,
        `---\ntitle: "Bảng dài ${n}"\ndate: 2024-03-2${n}T08:00:00+07:00\n---\n\n${tables}`,
      );
      tick += 1;
      utimesSync(file, new Date(1_700_000_000_000 + tick * 1000), new Date(1_700_000_000_000 + tick * 1000));
    }
    const { changes } = await publish(parse);
    await catchUpSearchIndex(changes);
    const found = searchReports({
      text: "bang dai",
      category: null,
      year: null,
      order: "relevance",
      page: 1,
      notices: [],
    });
    expect(found.hits.map((hit) => hit.report.slug).sort()).toEqual(["bang-1", "bang-2", "bang-3"]);
  }, 30_000);
});
