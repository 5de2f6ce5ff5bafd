import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Glossary, GLOSSARY_FILE, loadGlossary, unknownAbbreviations } from "@/lib/content/glossary";
import {
  BODY_MAX_BYTES,
  BODY_MAX_INLINE_NESTING,
  BODY_MAX_MARKS,
  BODY_MAX_NESTING,
  CAPTION_MAX_CHARACTERS,
  FRONT_MATTER_MAX_BYTES,
  GLOSSARY_MAX_BYTES,
  GLOSSARY_MAX_ENTRIES,
} from "@/lib/content/limits";
import { loadReport } from "@/lib/content/load-report";
import { inputName } from "@/lib/report-form/editor-state";
import { reportInputs } from "@/lib/report-form/field-names";
import { stubFolders } from "../support/environment";
import { REPO_PUBLIC } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

// Hostile reports: each limit refuses before parsing, with its message at its field,
// and a report just under it is read. No timings here: npm run bench:bodies measures them.

const FRONT = "---\ntitle: Bài thử\ndate: 2026-12-04\n---\n";
const glossary = new Glossary([{ abbreviation: "UBND", expansion: "Ủy ban nhân dân" }]);

function load(body: string, front = FRONT) {
  const folder = temporaryFolder("limits-");
  stubFolders({ content: folder, public: REPO_PUBLIC });
  writeFileSync(path.join(folder, "bai-thu.md"), `${front}${body}`);
  return loadReport(folder, "bai-thu.md", glossary);
}

const bodyProblems = (result: ReturnType<typeof load>) =>
  result.problems.filter((problem) => problem.field === "nội dung").map((problem) => problem.message);

/** Paragraphs of Vietnamese text until the body is `bytes` long (UTF-8). */
function bodyOf(bytes: number, paragraph = "UBND xã họp bàn việc làng, ngõ xóm và đường sá.\n\n"): string {
  const unit = Buffer.byteLength(paragraph);
  const text = paragraph.repeat(Math.floor(bytes / unit));
  return text + "a".repeat(bytes - Buffer.byteLength(text));
}

describe("the body's size", () => {
  it("accepts a body just under the limit", () => {
    const result = load(bodyOf(BODY_MAX_BYTES - 10));
    expect(result.problems).toEqual([]);
    expect(result.report?.abbreviations.map((a) => a.abbreviation)).toEqual(["UBND"]);
  });

  it("refuses one byte over it, at the body, with the size and the limit", () => {
    expect(bodyProblems(load(bodyOf(BODY_MAX_BYTES + 1)))).toEqual([
      "nội dung dài 64 KB, quá giới hạn 64 KB; cần tách thành nhiều bài hoặc bỏ bớt",
    ]);
  });

  it("refuses a 2 MB body repeating one abbreviation before parsing it", () => {
    const [message] = bodyProblems(load("UBND ".repeat((2 * 1024 * 1024) / 5)));
    expect(message).toContain("nội dung dài 2048 KB, quá giới hạn 64 KB");
  });
});

describe("nesting", () => {
  const list = (levels: number) => Array.from({ length: levels }, (_, i) => `${"  ".repeat(i)}- mục ${i + 1}`).join("\n");
  const quotes = (levels: number) => `${"> ".repeat(levels)}trích dẫn`;
  const emphasis = (levels: number) =>
    `${Array.from({ length: levels }, (_, i) => (i % 2 ? "*x " : "_y ")).join("")}z${Array.from({ length: levels }, (_, i) => (i % 2 ? " x*" : " y_")).reverse().join("")}`;

  it("accepts lists, quotes and emphasis nested just under the limits", () => {
    for (const body of [list(BODY_MAX_NESTING), quotes(BODY_MAX_NESTING), emphasis(BODY_MAX_INLINE_NESTING)]) {
      expect(load(body).problems).toEqual([]);
    }
  });

  it("refuses a list one level deeper, naming the line", () => {
    expect(bodyProblems(load(list(BODY_MAX_NESTING + 1)))).toEqual([
      `danh sách hoặc trích dẫn lồng nhau 11 lớp ở dòng 11 của nội dung, quá giới hạn ${BODY_MAX_NESTING} lớp; cần bỏ bớt các lớp lồng nhau (dấu >, dấu - và khoảng trắng thụt đầu dòng)`,
    ]);
  });

  it("refuses quotes and emphasis one level deeper", () => {
    expect(bodyProblems(load(quotes(BODY_MAX_NESTING + 1)))[0]).toContain("lồng nhau 11 lớp ở dòng 1");
    expect(bodyProblems(load(emphasis(BODY_MAX_INLINE_NESTING + 1)))[0]).toContain(
      `chữ đậm, nghiêng hoặc liên kết lồng nhau 11 lớp ở dòng 1 của nội dung, quá giới hạn ${BODY_MAX_INLINE_NESTING} lớp`,
    );
    expect(bodyProblems(load(`${"[".repeat(20)}a${"](/b)".repeat(20)}`))[0]).toContain("liên kết lồng nhau 11 lớp");
  });

  it("refuses 10,000 nested list items and quotes, and 1,000 indented levels, before parsing them", () => {
    expect(bodyProblems(load(`${"- ".repeat(10_000)}a`))[0]).toContain("lồng nhau 10000 lớp ở dòng 1");
    expect(bodyProblems(load(`${">".repeat(10_000)} a`))[0]).toContain("lồng nhau 10000 lớp ở dòng 1");
    expect(bodyProblems(load(list(1_000).slice(0, 50_000)))[0]).toContain("lồng nhau 11 lớp ở dòng 11");
  });

  it("counts list items, quotes, emphasis and brackets over the whole body", () => {
    const items = (count: number) => Array.from({ length: count }, (_, i) => `- mục ${i + 1}`).join("\n");
    expect(load(items(BODY_MAX_MARKS)).problems).toEqual([]);
    expect(bodyProblems(load(items(BODY_MAX_MARKS + 1)))).toEqual([
      `nội dung có ${BODY_MAX_MARKS + 1} dấu định dạng (mục danh sách, dấu >, *, _ và [), quá giới hạn ${BODY_MAX_MARKS}; cần bỏ bớt định dạng hoặc tách thành nhiều bài`,
    ]);
    expect(bodyProblems(load("**đậm** ".repeat(BODY_MAX_MARKS)))[0]).toContain("dấu định dạng");
  });

  it("leaves deep indentation inside fenced code alone", () => {
    expect(load(`Mã:\n\n\`\`\`\n${" ".repeat(200)}x\n\`\`\`\n`).problems).toEqual([]);
  });
});

describe("front matter", () => {
  it("refuses YAML aliases, such as a billion laughs", () => {
    const bomb =
      "---\ntitle: Bài thử\ndate: 2026-12-04\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n";
    const result = load("Nội dung.", bomb);
    expect(result.report).toBeNull();
    expect(result.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining("phần đầu bài dùng tham chiếu YAML"),
    ]);
  });

  it("refuses front matter over its size, accepts it just under", () => {
    const padded = (bytes: number) => `---\ntitle: Bài thử\ndate: 2026-12-04\nsummary: ${"a".repeat(bytes - 42)}\n---\n`;
    expect(load("Nội dung.", padded(FRONT_MATTER_MAX_BYTES - 10)).problems).toEqual([]);
    expect(load("Nội dung.", padded(FRONT_MATTER_MAX_BYTES + 10)).problems).toEqual([
      expect.objectContaining({ field: null, message: expect.stringContaining("quá giới hạn 32 KB") }),
    ]);
  });
});

describe("captions", () => {
  const photo = (caption: string) => `Đoạn đầu.\n\n![Ảnh](/images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg "${caption}")\n`;

  it("refuses a caption over its length at its photo, accepts one at it", () => {
    expect(load(photo("c".repeat(CAPTION_MAX_CHARACTERS))).problems).toEqual([]);
    expect(load(photo("c".repeat(CAPTION_MAX_CHARACTERS + 1))).problems).toEqual([
      expect.objectContaining({ field: "ảnh 1", message: expect.stringContaining("chú thích ảnh dài 1001 ký tự") }),
    ]);
  });
});

describe("the glossary file", () => {
  const write = (text: string) => {
    const folder = temporaryFolder("glossary-limits-");
    writeFileSync(path.join(folder, GLOSSARY_FILE), text);
    return folder;
  };
  const entries = (count: number) => Array.from({ length: count }, (_, i) => `VT${i}: Viết tắt ${i}`).join("\n");

  it("reads as many entries as the limit, refuses one more", () => {
    expect(loadGlossary(write(entries(GLOSSARY_MAX_ENTRIES))).lookup("VT0")?.expansion).toBe("Viết tắt 0");
    expect(() => loadGlossary(write(entries(GLOSSARY_MAX_ENTRIES + 1)))).toThrow(`có ${GLOSSARY_MAX_ENTRIES + 1} chữ viết tắt, quá giới hạn`);
  });

  it("refuses a file over its size, and aliases", () => {
    expect(() => loadGlossary(write(`# ${"x".repeat(GLOSSARY_MAX_BYTES)}\nUBND: Ủy ban nhân dân\n`))).toThrow("quá giới hạn 64 KB");
    expect(() => loadGlossary(write("UBND: &a Ủy ban nhân dân\nUB: *a\n"))).toThrow("tham chiếu YAML");
  });
});

describe("the abbreviation pass", () => {
  it("blanks each known abbreviation where it is, not an earlier token that contains it", () => {
    const withTp = new Glossary([{ abbreviation: "TP", expansion: "Thành phố" }]);
    expect(unknownAbbreviations("TPHCM và TP Vinh", withTp)).toEqual(["TPHCM"]);
  });
});

describe("the editor's form", () => {
  it("shows the body's problems at the body's input", () => {
    expect(inputName("nội dung")).toBe(reportInputs.body);
  });
});
