import { describe, expect, it } from "vitest";
import { parseBody, splitCaption } from "@/lib/content/markdown";

function htmlOf(markdown: string): string {
  return parseBody(markdown)
    .blocks.map((block) => (block.kind === "html" ? block.html : ""))
    .join("\n");
}

describe("splitCaption", () => {
  it("a caption's trailing 'Ảnh: …' becomes the credit", () => {
    expect(splitCaption("Trao tặng Giấy khen cho các tập thể. Ảnh: Thành Cường")).toEqual({
      caption: "Trao tặng Giấy khen cho các tập thể.",
      credit: "Thành Cường",
    });
  });

  it("a full stop after the photographer's name is dropped", () => {
    expect(splitCaption("Toàn cảnh hội nghị. Ảnh: Thành Cường.")).toEqual({
      caption: "Toàn cảnh hội nghị.",
      credit: "Thành Cường",
    });
  });

  it("spacing around the colon does not matter", () => {
    expect(splitCaption("Toàn cảnh hội nghị.  Ảnh :Thành Cường ")).toEqual({
      caption: "Toàn cảnh hội nghị.",
      credit: "Thành Cường",
    });
  });

  it("a caption without a credit keeps its text and has credit null", () => {
    expect(splitCaption("Các đại biểu tham dự hội nghị.")).toEqual({
      caption: "Các đại biểu tham dự hội nghị.",
      credit: null,
    });
  });

  it("a caption that is only a credit has an empty caption", () => {
    expect(splitCaption("Ảnh: Thành Cường")).toEqual({ caption: "", credit: "Thành Cường" });
  });

  it("'ảnh' inside a word such as 'cảnh' is not a credit", () => {
    expect(splitCaption("Toàn cảnh: hội nghị tổng kết")).toEqual({
      caption: "Toàn cảnh: hội nghị tổng kết",
      credit: null,
    });
  });

  it("an empty title gives an empty caption and no credit", () => {
    expect(splitCaption("")).toEqual({ caption: "", credit: null });
  });
});

describe("parseBody", () => {
  it("an image alone in its paragraph becomes a figure with caption and credit", () => {
    const body = parseBody(
      'Đoạn mở đầu.\n\n![Đại biểu dự hội nghị](/images/a.jpg "Các đại biểu dự hội nghị. Ảnh: Thành Cường")\n\nĐoạn kết.\n',
    );
    expect(body.blocks).toEqual([
      { kind: "html", html: "<p>Đoạn mở đầu.</p>" },
      {
        kind: "figure",
        figure: {
          src: "/images/a.jpg",
          alt: "Đại biểu dự hội nghị",
          caption: "Các đại biểu dự hội nghị.",
          captionParts: [{ text: "Các đại biểu dự hội nghị." }],
          credit: "Thành Cường",
        },
      },
      { kind: "html", html: "<p>Đoạn kết.</p>" },
    ]);
  });

  it("an image without a title becomes a figure with an empty caption", () => {
    const [block] = parseBody("![Hội trường](/images/a.jpg)\n").blocks;
    expect(block).toEqual({
      kind: "figure",
      figure: { src: "/images/a.jpg", alt: "Hội trường", caption: "", captionParts: [], credit: null },
    });
  });

  it("an image inside a sentence stays inline HTML, not a figure", () => {
    const body = parseBody("Biểu tượng ![huy hiệu](/images/huy-hieu.png) nằm giữa câu.\n");
    expect(body.blocks).toHaveLength(1);
    expect(body.blocks[0].kind).toBe("html");
    expect(htmlOf("Biểu tượng ![huy hiệu](/images/huy-hieu.png) nằm giữa câu.\n")).toBe(
      '<p>Biểu tượng <img src="/images/huy-hieu.png" alt="huy hiệu"> nằm giữa câu.</p>',
    );
  });

  it("a linked image is not a figure", () => {
    const body = parseBody("[![Ảnh](/images/a.jpg)](https://baonghean.vn)\n");
    expect(body.blocks.map((block) => block.kind)).toEqual(["html"]);
  });

  it("consecutive paragraphs between figures are grouped into one HTML block, in order", () => {
    const body = parseBody("Một.\n\nHai.\n\n![a](/a.jpg)\n\nBa.\n\n![b](/b.jpg)\n\n![c](/c.jpg)\n\nBốn.\n");
    expect(body.blocks.map((block) => (block.kind === "html" ? block.html : block.figure.src))).toEqual([
      "<p>Một.</p>\n<p>Hai.</p>",
      "/a.jpg",
      "<p>Ba.</p>",
      "/b.jpg",
      "/c.jpg",
      "<p>Bốn.</p>",
    ]);
  });

  it("keeps Vietnamese diacritics and renders ordinary Markdown", () => {
    expect(htmlOf("Đồng chí **Trần Ngọc Tú** phát biểu tại [Hội nghị](https://baonghean.vn).\n")).toBe(
      '<p>Đồng chí <strong>Trần Ngọc Tú</strong> phát biểu tại <a href="https://baonghean.vn">Hội nghị</a>.</p>',
    );
  });

  it("firstParagraph is the plain text of the first paragraph", () => {
    expect(parseBody("Sáng ngày 12/1, **UBND** thành phố Vinh họp.\n\nĐoạn hai.\n").firstParagraph).toBe(
      "Sáng ngày 12/1, UBND thành phố Vinh họp.",
    );
  });

  it("firstParagraph skips a leading figure", () => {
    const body = parseBody('![Hội trường](/images/a.jpg "Toàn cảnh.")\n\nĐoạn văn đầu tiên.\n\nĐoạn hai.\n');
    expect(body.blocks[0].kind).toBe("figure");
    expect(body.firstParagraph).toBe("Đoạn văn đầu tiên.");
  });

  it("firstParagraph skips headings", () => {
    expect(parseBody("## Tiêu đề phụ\n\nĐoạn văn đầu tiên.\n").firstParagraph).toBe("Đoạn văn đầu tiên.");
  });

  it("a body with only figures has no first paragraph", () => {
    expect(parseBody("![a](/a.jpg)\n\n![b](/b.jpg)\n").firstParagraph).toBeNull();
  });

  it("an empty body has no blocks", () => {
    expect(parseBody("")).toEqual({
      blocks: [],
      firstParagraph: null,
      abbreviations: [],
      unknownAbbreviations: [],
      wordCount: 0,
      text: "",
    });
  });
});

describe("raw HTML never reaches the page", () => {
  const attacks = [
    "<script>alert('xss')</script>",
    "Đoạn văn <script>alert('xss')</script> có mã độc.",
    '<img src="x" onerror="alert(1)">',
    'Ảnh <img src="x" onerror="alert(1)"> giữa câu.',
    "[Bấm vào đây](javascript:alert(1))",
    "[Bấm vào đây](JaVaScRiPt:alert(1))",
    '<a href="javascript:alert(1)">Bấm</a>',
    '<iframe src="https://evil.example"></iframe>',
    'Video <iframe src="https://evil.example"></iframe> nhúng.',
    '<div onclick="alert(1)">Khối</div>',
    "<style>body{display:none}</style>",
  ];

  it.each(attacks)("%s", (markdown) => {
    const html = htmlOf(`Đoạn đầu.\n\n${markdown}\n\nĐoạn cuối.\n`);
    expect(html).not.toMatch(/<script|<iframe|<style|onerror|onclick|javascript:/i);
    expect(html).toContain("<p>Đoạn đầu.</p>");
    expect(html).toContain("<p>Đoạn cuối.</p>");
  });

  it("the text of a sanitized link survives without its href", () => {
    expect(htmlOf("[Bấm vào đây](javascript:alert(1))\n")).toBe("<p><a>Bấm vào đây</a></p>");
  });
});

describe("the text search reads", () => {
  it("is the body's words without markup; a photo gives its alt text, not its caption", () => {
    const { text } = parseBody(
      'Đoạn **một** có [liên kết](https://example.vn).\n\n![Hội trường](/images/a.jpg "Chú thích. Ảnh: Thành Cường")\n\nĐoạn hai.\n',
    );
    expect(text).toContain("Đoạn một có liên kết.");
    expect(text).toContain("Hội trường");
    expect(text).toContain("Đoạn hai.");
    expect(text).not.toContain("Chú thích");
    expect(text).not.toContain("**");
    expect(text).not.toContain("https://");
  });
});
