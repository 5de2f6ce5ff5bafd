import { rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Archive,
  loadGlossary,
  loadReport,
  loadWholeReport,
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

async function publish(parse?: ReportParser): Promise<{ before: Archive; after: Archive; stale: string[] }> {
  const { before, after } = await refreshArchive(new Set(), parse);
  return { before, after, stale: stalePaths(before, after).sort() };
}

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
});

const EDITED_STANDALONE: Fields = {
  title: "Bài độc lập đã sửa",
  day: 1,
  tags: ["Du lịch"],
  people: ["Hồ Văn Xa"],
  category: "Văn hóa",
};

describe("what a publish revalidates", () => {
  it("a new report: its page and card, the listing pages it shifts, its topics, people, feed and sitemap", async () => {
    write("bai-moi", {
      title: "Bài mới",
      day: 28,
      tags: ["Thành phố Vinh", "Chủ đề mới"],
      people: ["Trần Ngọc Tú", "Hồ Văn Xa"],
    });
    const { stale } = await publish();
    for (const path of [
      "/bai-viet/bai-moi",
      "/bai-viet/bai-moi/anh-chia-se.png",
      "/",
      "/trang/2",
      "/chu-de/thanh-pho-vinh",
      "/chu-de/thanh-pho-vinh/trang/2",
      "/chu-de/chu-de-moi",
      "/chu-de",
      "/chuyen-muc/thoi-su",
      "/nguoi/tran-ngoc-tu",
      "/feed.xml",
      "/sitemap.xml",
    ]) {
      expect(stale, path).toContain(path);
    }
    // The only other report with Hồ Văn Xa now lists it as related; a report sharing nothing is untouched.
    expect(stale).toContain("/bai-viet/bai-doc-lap");
    for (const path of [
      "/bai-viet/bai-rieng",
      "/chuyen-muc/the-thao",
      "/nguoi/le-van-rieng",
      "/chu-de/the-thao",
    ]) {
      expect(stale, path).not.toContain(path);
    }
  });

  it("an edit of one report's title: its page, card and the lists showing it, nothing else", async () => {
    write("bai-doc-lap", EDITED_STANDALONE);
    const { stale } = await publish();
    expect(stale).toEqual(
      [
        "/bai-viet/bai-doc-lap",
        "/bai-viet/bai-doc-lap/anh-chia-se.png",
        "/trang/2",
        "/chu-de/du-lich",
        "/chuyen-muc/van-hoa",
        "/nguoi/ho-van-xa",
        "/feed.xml",
      ].sort(),
    );
    // The sitemap shows addresses and dates, not titles: it stays as it is.
    expect(stale).not.toContain("/sitemap.xml");
  });

  it("a save of the same text refreshes that report's pages; a pass with no change refreshes nothing", async () => {
    write("bai-doc-lap", EDITED_STANDALONE);
    const { after, stale } = await publish();
    // Read again (the file was saved), so it has a new version: the pages showing it are refreshed.
    expect(after.reports.find((report) => report.slug === "bai-doc-lap")?.title).toBe("Bài độc lập đã sửa");
    expect(stale).toContain("/bai-viet/bai-doc-lap");
    const second = await publish();
    expect(second.after).toBe(second.before);
    expect(second.stale).toEqual([]);
  });

  it("a report set to draft leaves every list, and its own page goes", async () => {
    write("bai-moi", {
      title: "Bài mới",
      day: 28,
      tags: ["Thành phố Vinh", "Chủ đề mới"],
      people: ["Trần Ngọc Tú"],
      draft: true,
    });
    const { after, stale } = await publish();
    expect(after.bySlug.get("bai-moi")?.draft).toBe(true);
    for (const path of ["/bai-viet/bai-moi", "/", "/chu-de/chu-de-moi", "/feed.xml", "/sitemap.xml"]) {
      expect(stale, path).toContain(path);
    }
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
    const { after, stale } = await publish();
    expect(after.bySlug.get("bai-3")?.title).toBe("Bài 3");
    expect(loadWholeReport(after.bySlug.get("bai-3")!).body.length).toBeGreaterThan(0);
    expect(after.bySlug.has("bai-hong")).toBe(false);
    expect(stale).toEqual([]);
    const files = after.problems.map((problem) => problem.file);
    expect(files).toContain("bai-3.md");
    expect(files).toContain("bai-hong.md");
    const report = problemsReport(after, new Date(Date.UTC(2024, 2, 5, 1)));
    expect(report).toContain("sai cú pháp YAML");
    expect(report).toContain("bai-hong.md › title");
    expect(report).toContain("bai-3.md: bạn đọc vẫn thấy bản đăng trước");
    expect(report).toContain("bai-hong.md: chưa được đăng");
    expect(report).toContain("05/03/2024, 08:00");
  });

  it("fixing it publishes the fix, and the problems report is gone", async () => {
    write("bai-3", { title: "Bài 3 đã sửa", day: 3, tags: ["Thành phố Vinh"], people: ["Trần Ngọc Tú"] });
    write("bai-hong", { title: "Bài hỏng đã sửa", day: 5 });
    const { after, stale } = await publish();
    expect(after.bySlug.get("bai-3")?.title).toBe("Bài 3 đã sửa");
    expect(after.bySlug.has("bai-hong")).toBe(true);
    expect(stale).toContain("/bai-viet/bai-3");
    expect(stale).toContain("/bai-viet/bai-hong");
    expect(after.problems).toEqual([]);
    expect(problemsReport(after, new Date())).toBeNull();
  });

  it("a body over the size limit keeps the last good version, listed at the body", async () => {
    const file = path.join(folder, "bai-4.md");
    writeFileSync(
      file,
      `---\ntitle: "Bài 4"\ndate: 2024-03-04T08:00:00+07:00\n---\n\n${"UBND ".repeat(30_000)}\n`,
    );
    utimesSync(file, new Date(), new Date(Date.now() + 120_000));
    const { after, stale } = await publish();
    expect(after.bySlug.get("bai-4")?.title).toBe("Bài 4");
    expect(stale).toEqual([]);
    const report = problemsReport(after, new Date());
    expect(report).toContain("bai-4.md › nội dung: nội dung dài 146 KB, quá giới hạn 64 KB");
    expect(report).toContain("bai-4.md: bạn đọc vẫn thấy bản đăng trước");
    write("bai-4", { title: "Bài 4", day: 4, tags: ["Thành phố Vinh"] });
    expect((await publish()).after.problems).toEqual([]);
  });

  it("a deleted file leaves the archive, and its page is revalidated into a 404", async () => {
    rmSync(path.join(folder, "bai-hong.md"));
    const { after, stale } = await publish();
    expect(after.bySlug.has("bai-hong")).toBe(false);
    expect(stale).toContain("/bai-viet/bai-hong");
    expect(stale).toContain("/bai-viet/bai-hong/anh-chia-se.png");
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
    const { after, stale } = await publish(parse);
    expect(parsedFiles).toEqual(["bai-doc-lap.md"]);
    expect(after.bySlug.get("bai-doc-lap")?.title).toBe("Bài độc lập, đọc trong luồng riêng");
    expect(stale).toContain("/bai-viet/bai-doc-lap");
  });

  it("a file saved again while it was being parsed waits for the next pass, which reads the new save", async () => {
    write("bai-doc-lap", { ...EDITED_STANDALONE, title: "Lần lưu thứ nhất" });
    const savedAgainMeanwhile: ReportParser = async (contentDir, fileName, glossary) => {
      const result = await parse(contentDir, fileName, glossary);
      write("bai-doc-lap", { ...EDITED_STANDALONE, title: "Lần lưu thứ hai" });
      return result;
    };
    const first = await publish(savedAgainMeanwhile);
    expect(first.after.bySlug.get("bai-doc-lap")?.title).toBe("Bài độc lập, đọc trong luồng riêng");
    expect(first.stale).toEqual([]);
    const second = await publish(parse);
    expect(second.after.bySlug.get("bai-doc-lap")?.title).toBe("Lần lưu thứ hai");
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
    const { after } = await publish(parse);
    await catchUpSearchIndex(after);
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
