import { describe, expect, it } from "vitest";
import { Glossary, loadGlossary, unknownAbbreviations } from "@/lib/content/glossary";
import { loadReport } from "@/lib/content/load-report";
import { parseBody } from "@/lib/content/markdown";
import { REPO_CONTENT, SEED_FILE } from "../support/paths";

const glossary = new Glossary([
  { abbreviation: "UBND", expansion: "Ủy ban nhân dân" },
  { abbreviation: "TP", expansion: "Thành phố" },
  { abbreviation: "QP - AN", expansion: "Quốc phòng - An ninh" },
  { abbreviation: "CHQS", expansion: "Chỉ huy Quân sự" },
  { abbreviation: "BCHQS", expansion: "Bộ Chỉ huy Quân sự" },
]);

const html = (markdown: string) =>
  parseBody(markdown, glossary)
    .blocks.map((block) => (block.kind === "html" ? block.html : ""))
    .join("\n");

describe("the glossary pass", () => {
  it("explains only the first use of each abbreviation", () => {
    const out = html("UBND tỉnh và UBND thành phố.\n\nLại UBND.");
    expect(out.match(/<abbr title="Ủy ban nhân dân">UBND<\/abbr>/g)).toHaveLength(1);
    expect(out).toContain("và UBND thành phố");
  });

  it("matches whole tokens only: TP inside TPHCM is not TP, CHQS inside BCHQS is not CHQS", () => {
    const { abbreviations } = parseBody("Đoàn TPHCM thăm BCHQS tỉnh.", glossary);
    expect(abbreviations.map((a) => a.abbreviation)).toEqual(["BCHQS"]);
    expect(html("Đoàn TPHCM thăm BCHQS tỉnh.")).toContain("TPHCM");
  });

  it("reads QP - AN, QP-AN and QP -AN as one abbreviation", () => {
    const { abbreviations } = parseBody("Công tác QP-AN. Nhiệm vụ QP -AN. Năm QP - AN.", glossary);
    expect(abbreviations).toEqual([{ abbreviation: "QP - AN", expansion: "Quốc phòng - An ninh" }]);
    expect(html("Công tác QP-AN.")).toContain('<abbr title="Quốc phòng - An ninh">QP-AN</abbr>');
  });

  it("leaves links, code and headings as they are", () => {
    const out = html(
      "# UBND họp\n\n[UBND tỉnh](https://example.vn) và `TP` và\n\n```\nUBND\n```\n\nTP Vinh.",
    );
    expect(out).toContain("<h1>UBND họp</h1>");
    expect(out).toContain('<a href="https://example.vn">UBND tỉnh</a>');
    expect(out).toContain("<code>TP</code>");
    expect(out).toContain('<abbr title="Thành phố">TP</abbr> Vinh');
    expect(out).not.toContain('<abbr title="Ủy ban nhân dân">');
  });

  it("marks a caption's first use, in reading order with the paragraphs", () => {
    const { blocks, abbreviations } = parseBody(
      'Họp ở TP Vinh.\n\n![Ảnh](/a.jpg "Chỉ huy trưởng BCHQS tỉnh ở TP. Ảnh: A")',
      glossary,
    );
    const figure = blocks.find((block) => block.kind === "figure");
    expect(figure?.kind === "figure" && figure.figure.captionParts).toEqual([
      { text: "Chỉ huy trưởng " },
      { text: "BCHQS", expansion: "Bộ Chỉ huy Quân sự" },
      { text: " tỉnh ở TP." },
    ]);
    expect(abbreviations.map((a) => a.abbreviation)).toEqual(["TP", "BCHQS"]);
  });

  it("names capitalised tokens that are not in the glossary", () => {
    expect(unknownAbbreviations("UBND và QP - AN cùng COVID và HĐND", glossary)).toEqual(["COVID", "HĐND"]);
  });
});

describe("the seed report's abbreviations", () => {
  it("come from content/chu-viet-tat.yml, each explained once, in order of first use", () => {
    const { report, warnings } = loadReport(REPO_CONTENT, SEED_FILE, loadGlossary(REPO_CONTENT));
    expect(report?.abbreviations.map((a) => `${a.abbreviation}: ${a.expansion}`)).toEqual([
      "UBND: Ủy ban nhân dân",
      "BCHQS: Bộ Chỉ huy Quân sự",
      "HĐND: Hội đồng nhân dân",
      "ANTT: An ninh trật tự",
      "TTATXH: Trật tự an toàn xã hội",
      "QP - AN: Quốc phòng - An ninh",
      "QPTD: Quốc phòng toàn dân",
      "ANND: An ninh nhân dân",
      "ANTQ: An ninh Tổ quốc",
      "ANCT: An ninh chính trị",
      "ATLC: An toàn làm chủ",
      "CHQS: Chỉ huy Quân sự",
      "TP: Thành phố",
    ]);
    expect(warnings.filter((w) => w.message.includes("chữ viết tắt"))).toEqual([]);
  });
});
