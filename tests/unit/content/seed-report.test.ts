import { beforeAll, describe, expect, it } from "vitest";
import { toVietnamIso } from "@/lib/dates";
import {
  getMonthReports,
  getNewestReports,
  getReportBySlug,
  getReportPage,
  getReportSummaryBySlug,
  type Report,
} from "@/lib/content/index";
import { loadReport } from "@/lib/content/load-report";
import { stubFoldersForAll } from "../support/environment";
import { REPO_CONTENT, REPO_PUBLIC, SEED_FILE, SEED_SLUG } from "../support/paths";

/** The text of each `<p>` in the body's HTML blocks, in reading order. */
function paragraphs(report: Report): string[] {
  return (
    report.body
      .filter((block) => block.kind === "html")
      .flatMap((block) => [...block.html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1]))
      // The text a reader reads: abbreviations are wrapped in <abbr> on first use.
      .map((html) => html.replace(/<\/?abbr[^>]*>/g, ""))
  );
}

/** The body as a sequence of "p" and "figure N" entries. */
function layout(report: Report): string[] {
  let figureNumber = 0;
  return report.body.flatMap((block) =>
    block.kind === "figure" ? [`figure ${++figureNumber}`] : [...block.html.matchAll(/<p>/g)].map(() => "p"),
  );
}

let report: Report;

stubFoldersForAll({ content: REPO_CONTENT, public: REPO_PUBLIC });
beforeAll(() => {
  const result = loadReport(REPO_CONTENT, SEED_FILE);
  expect(result.problems).toEqual([]);
  expect(result.report).not.toBeNull();
  report = result.report as Report;
});

describe("the seed report, loaded from content/", () => {
  it("has its title, slug and file", () => {
    expect(report.title).toBe("UBND thành phố Vinh tổng kết công tác quốc phòng - an ninh");
    expect(report.slug).toBe(SEED_SLUG);
    expect(report.file).toBe(SEED_FILE);
  });

  it("is dated 08:00 on 12 January 2021, Vietnam time, and never updated", () => {
    expect(toVietnamIso(report.date)).toBe("2021-01-12T08:00:00+07:00");
    expect(report.updated).toBeNull();
  });

  it("keeps its category, tags and location", () => {
    expect(report.category).toBe("Quốc phòng - An ninh");
    expect(report.tags).toEqual(["Thành phố Vinh", "Quốc phòng", "An ninh", "Tổng kết năm 2020"]);
    expect(report.location).toBe("Thành phố Vinh, Nghệ An");
    expect(report.author).toBeNull();
    expect(report.draft).toBe(false);
  });

  it("credits Báo Nghệ An as its source", () => {
    expect(report.source).toEqual({ name: "Báo Nghệ An", url: "https://baonghean.vn" });
  });

  it("has exactly seven body paragraphs, in the order written", () => {
    const texts = paragraphs(report);
    expect(texts).toHaveLength(7);
    const openings = [
      "Sáng ngày 12/1, UBND thành phố Vinh",
      "Tham dự Hội nghị có các đồng chí:",
      "Năm 2020, là một năm gặp nhiều khó khăn.",
      "Bên cạnh đẩy mạnh công tác phổ biến",
      "Năm qua, cấp ủy, chính quyền",
      "Trên cơ sở dự báo tình hình",
      "Tại Hội nghị, nhiều lượt tập thể",
    ];
    texts.forEach((text, index) => expect(text.startsWith(openings[index]), text).toBe(true));
  });

  it("places its six figures between the paragraphs where the editor put them", () => {
    expect(layout(report)).toEqual([
      "p",
      "p",
      "figure 1",
      "p",
      "figure 2",
      "p",
      "p",
      "figure 3",
      "p",
      "figure 4",
      "figure 5",
      "figure 6",
      "p",
    ]);
  });

  it("lists the same six figures, in body order, as report.figures", () => {
    const inBody = report.body.flatMap((block) => (block.kind === "figure" ? [block.figure] : []));
    expect(report.figures).toHaveLength(6);
    expect(report.figures).toEqual(inBody);
    expect(report.figures.map((figure) => figure.src)).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `/images/ubnd-vinh-tong-ket-qp-an-2020/anh-${n}.jpg`),
    );
  });

  it("gives every figure alt text and a caption", () => {
    for (const figure of report.figures) {
      expect(figure.alt.length).toBeGreaterThan(10);
      expect(figure.caption.length).toBeGreaterThan(10);
    }
    expect(report.figures[0].caption).toBe("Các đại biểu tham dự hội nghị.");
    expect(report.figures[1].caption).toBe(
      "Đồng chí Trần Ngọc Tú - Chủ tịch UBND thành phố Vinh phát biểu tại hội nghị.",
    );
  });

  it("credits exactly the last three photos to Thành Cường", () => {
    expect(report.figures.map((figure) => figure.credit)).toEqual([
      null,
      null,
      null,
      "Thành Cường",
      "Thành Cường",
      "Thành Cường",
    ]);
  });

  it("removes 'Ảnh: …' from the captions it was split from", () => {
    for (const figure of report.figures) expect(figure.caption).not.toMatch(/Ảnh\s*:/i);
    expect(report.figures[5].caption).toBe(
      "Trao tặng Giấy khen cho các tập thể có thành tích trong công tác QP - AN trên địa bàn TP Vinh năm 2020.",
    );
    expect(report.figures[3].caption.endsWith("trong công tác quốc phòng - an ninh.")).toBe(true);
  });

  it("reads each figure's width and height from the JPG in public/", () => {
    for (const figure of report.figures) expect([figure.width, figure.height]).toEqual([1200, 800]);
  });

  it("uses the first figure as its cover", () => {
    expect(report.cover).toEqual(report.figures[0]);
  });

  it("lists four attendees, two with military ranks", () => {
    expect(report.attendees).toEqual([
      { name: "Nguyễn Mạnh Hùng", rank: "Đại tá", role: "Phó Giám đốc Công an tỉnh" },
      { name: "Đinh Bạt Văn", rank: "Thượng tá", role: "Phó Chỉ huy trưởng BCHQS tỉnh" },
      { name: "Nguyễn Văn Lư", role: "Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND thành phố" },
      { name: "Trần Ngọc Tú", role: "Phó Bí thư Thành ủy, Chủ tịch UBND thành phố Vinh" },
    ]);
  });

  it("keeps the group of attendees that are not named", () => {
    expect(report.attendeeGroups).toEqual([
      "Đại diện các phòng ban, các lực lượng quân sự, công an thành phố",
    ]);
  });

  it("falls back to the first paragraph for its summary", () => {
    expect(report.hasOwnSummary).toBe(false);
    expect(report.summary).toBe(
      "Sáng ngày 12/1, UBND thành phố Vinh đã tổ chức Hội nghị tổng kết công tác quốc phòng - an ninh năm 2020, triển khai nhiệm vụ năm 2021.",
    );
  });

  it("keeps Vietnamese text composed (NFC) with its diacritics", () => {
    const text = JSON.stringify(report);
    expect(text).toBe(text.normalize("NFC"));
    expect(text).toContain("Thượng tá");
    expect(paragraphs(report)[1]).toContain("Thượng tá Đinh Bạt Văn - Phó Chỉ huy trưởng BCHQS tỉnh");
  });
});

describe("the archive built from content/", () => {
  it("lists the seed report among the published reports", () => {
    const reports = getNewestReports(100);
    expect(reports.map((item) => item.slug)).toContain(SEED_SLUG);
    expect(reports.every((item) => !item.draft)).toBe(true);
    expect(getMonthReports(2021, 1)?.items.map((item) => item.slug)).toContain(SEED_SLUG);
  });

  it("lists it without its body, which only its own page reads", () => {
    const { body, figures, abbreviations, text, ...summary } = report;
    expect([body, figures, abbreviations].every(Array.isArray)).toBe(true);
    expect(text.length).toBeGreaterThan(0);
    expect(getReportSummaryBySlug(SEED_SLUG)).toEqual(summary);
  });

  it("finds the seed report by its slug, loaded the same way", () => {
    expect(getReportBySlug(SEED_SLUG)).toEqual(report);
  });

  it("returns null for a slug no report has", () => {
    expect(getReportBySlug("khong-co-bai-nay")).toBeNull();
    expect(getReportBySlug("")).toBeNull();
  });

  it("treats a path-like slug as an unknown slug, not a file path", () => {
    expect(getReportBySlug("../package")).toBeNull();
    expect(getReportBySlug(`../content/${SEED_SLUG}`)).toBeNull();
  });

  it("puts the seed report on page 1 of the listing", () => {
    const page = getReportPage(1);
    expect(page).not.toBeNull();
    expect(page?.page).toBe(1);
    expect(page?.pageCount).toBe(1);
    expect(page?.reports.map((item) => item.slug)).toContain(SEED_SLUG);
  });

  it("has no page 2, and no page 0 or 1.5", () => {
    expect(getReportPage(2)).toBeNull();
    expect(getReportPage(0)).toBeNull();
    expect(getReportPage(1.5)).toBeNull();
  });
});
