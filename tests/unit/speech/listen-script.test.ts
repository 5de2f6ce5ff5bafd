import { beforeAll, describe, expect, it } from "vitest";
import { getReportBySlug, type Report } from "@/lib/content";
import { htmlRuns, listenScript, type ListenScript } from "@/lib/speech/script";
import { spokenText } from "@/lib/speech/spoken";
import { stubFoldersForAll } from "../support/environment";
import { REPO_CONTENT, REPO_PUBLIC, SEED_SLUG } from "../support/paths";

let report: Report;
let script: ListenScript;
let spoken: string[];

stubFoldersForAll({ content: REPO_CONTENT, public: REPO_PUBLIC });
beforeAll(() => {
  // Through the same loader as the report page and the nghe.json route.
  const loaded = getReportBySlug(SEED_SLUG);
  expect(loaded).not.toBeNull();
  report = loaded as Report;
  script = listenScript(report);
  spoken = script.sentences.map((sentence) => sentence.text);
});

/** The text the browser shows for a body block: its HTML without tags, references decoded. */
function shownText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (_match, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

describe("what Nghe bài reads of the seed report", () => {
  it("starts with the headline, abbreviations spelled out, then the body in order", () => {
    expect(script.lang).toBe("vi-VN");
    expect(spoken[0]).toBe("Ủy ban nhân dân thành phố Vinh tổng kết công tác quốc phòng - an ninh");
    expect(script.sentences[0]).toMatchObject({ at: "title", start: 0, end: report.title.length });
    // The seed has no summary of its own: its first paragraph is read once, as the body's start.
    expect(report.hasOwnSummary).toBe(false);
    expect(spoken[1]).toBe(
      "Sáng ngày mười hai tháng một, Ủy ban nhân dân thành phố Vinh đã tổ chức Hội nghị tổng kết công tác quốc phòng - an ninh năm hai nghìn không trăm hai mươi, triển khai nhiệm vụ năm hai nghìn không trăm hai mươi mốt.",
    );
    expect(spoken.at(-1)).toMatch(/trên địa bàn Thành phố Vinh năm hai nghìn không trăm hai mươi\.$/);
    const places = script.sentences.map((sentence) => sentence.at).filter((at) => typeof at === "number");
    expect(places).toEqual([...places].sort((a, b) => a - b));
    expect(spoken.length).toBe(24);
  });

  it("reads every abbreviation of the glossary in full, every time, whatever its spacing", () => {
    const all = spoken.join(" ");
    for (const abbreviation of [
      "UBND",
      "HĐND",
      "BCHQS",
      "CHQS",
      "QP",
      "ANTT",
      "TTATXH",
      "QPTD",
      "ANND",
      "ANCT",
      "TP ",
    ]) {
      expect(all).not.toContain(abbreviation);
    }
    expect(all).toContain("Chủ tịch Hội đồng nhân dân thành phố");
    expect(all).toContain("Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh");
    // "QP - AN" and "QP -AN" are both in the body (a fourth, in a caption, is not read).
    expect(all.match(/Quốc phòng - An ninh/g)?.length).toBe(3);
    expect(all).toContain("An ninh chính trị - Trật tự an toàn xã hội");
  });

  it("says numbers, percentages and dates as a Vietnamese reader would", () => {
    const all = spoken.join(" ");
    expect(all).not.toMatch(/\d(?!\d*-)/u);
    expect(all).toContain("tốc độ tăng trưởng toàn tỉnh đạt bốn phẩy bốn mươi lăm phần trăm");
    expect(all).toContain("Hội nghị đã đưa ra tám nhiệm vụ trọng tâm");
    expect(all).toContain("Bộ Tư lệnh Quân khu bốn");
  });

  it("leaves out captions, photo credits and the attendee list", () => {
    const all = spoken.join(" ");
    for (const captionOrAlt of [
      "Các đại biểu tham dự hội nghị",
      "Hội trường hội nghị",
      "cán bộ lực lượng dân quân tự vệ đã có thành tích",
      "phong trào tuần tra bảo vệ",
      "Trao tặng Giấy khen cho các tập thể",
    ]) {
      expect(all).not.toContain(captionOrAlt);
    }
    expect(all).not.toContain("Thành Cường");
    expect(all).not.toContain("Ảnh:");
    expect(all).not.toContain("Đại diện các phòng ban");
    expect(
      script.sentences.every(
        (sentence) => sentence.at === "title" || report.body[sentence.at as number]?.kind === "html",
      ),
    ).toBe(true);
  });

  it("points each sentence at the text the page shows for it, for the highlight", () => {
    for (const sentence of script.sentences) {
      const block = typeof sentence.at === "number" ? report.body[sentence.at] : null;
      const shown =
        sentence.at === "title"
          ? report.title
          : sentence.at === "lead"
            ? report.summary
            : block?.kind === "html"
              ? shownText(block.html)
              : "";
      const written = shown.slice(sentence.start, sentence.end);
      expect(written).toBe(written.trim());
      expect(written.length).toBeGreaterThan(0);
      // What is said is what is shown, abbreviations and numbers put in words.
      expect(sentence.text).toBe(spokenText(written, report.abbreviations));
    }
    const first = report.body[0];
    expect(
      first.kind === "html" &&
        shownText(first.html).slice(script.sentences[1].start, script.sentences[1].end),
    ).toBe(
      "Sáng ngày 12/1, UBND thành phố Vinh đã tổ chức Hội nghị tổng kết công tác quốc phòng - an ninh năm 2020, triển khai nhiệm vụ năm 2021.",
    );
  });
});

describe("a body's HTML as runs of text", () => {
  it("cuts at paragraphs, list items and line breaks, keeps offsets in the shown text, skips code blocks", () => {
    const html =
      '<p>A &#x26; <abbr title="Ủy ban nhân dân">UBND</abbr>.</p>\n<ul>\n<li>Một</li>\n</ul>\n<pre><code>x = 1\n</code></pre>\n<p>Dòng<br>\nhai</p>';
    const text = shownText(html);
    const runs = htmlRuns(html).filter((run) => run.text.trim());
    expect(runs.map((run) => run.text.trim())).toEqual(["A & UBND.", "Một", "Dòng", "hai"]);
    for (const run of runs) expect(text.slice(run.start, run.start + run.text.length)).toBe(run.text);
  });
});
