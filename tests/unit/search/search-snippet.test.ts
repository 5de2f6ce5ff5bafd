import { describe, expect, it } from "vitest";
import { highlight, type Segment, snippet } from "@/lib/search/snippet";

/** Segments as text with [marks], to compare at a glance. */
const shown = (segments: Segment[]) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join("");

describe("highlighting", () => {
  it("marks words that fold to the query's, showing them as written", () => {
    expect(shown(highlight("Đảng bộ thành phố Vinh", "dang tp vinh"))).toBe("[Đảng] bộ thành phố [Vinh]");
    expect(shown(highlight("Con đường và dòng dương", "đường"))).toBe("Con [đường] và dòng [dương]");
  });

  it("marks text written in NFD as it is, and Ð (U+00D0) as Đ", () => {
    const nfd = "Quo\u0302\u0301c pho\u0300ng";
    expect(shown(highlight(nfd, "quốc phòng"))).toBe(`[Quo\u0302\u0301c] [pho\u0300ng]`);
    expect(shown(highlight("Ðà Nẵng", "da nang"))).toBe("[Ðà] [Nẵng]");
  });

  it("marks nothing for a query of no words, and keeps the text whole", () => {
    expect(highlight("Vinh <b>", "*** ()")).toEqual([{ text: "Vinh <b>", mark: false }]);
  });
});

describe("snippets", () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `từ${i}`).join(" ");

  it("shows the passage holding the most query words, cut with …", () => {
    const text = `${filler(50)} ông Đinh Bạt Văn phát biểu. ${filler(50)} Văn nghệ. ${filler(10)}`;
    const result = shown(snippet(text, "dinh bat van"));
    expect(result).toContain("[Đinh] [Bạt] [Văn]");
    expect(result.startsWith("…")).toBe(true);
    expect(result.endsWith(" …")).toBe(true);
    expect(result.split(" ").length).toBeLessThanOrEqual(40);
  });

  it("starts at the beginning when nothing matches", () => {
    expect(shown(snippet(`Mở đầu. ${filler(60)}`, "khong co")).startsWith("Mở đầu.")).toBe(true);
  });

  it("shows a short text whole, without ellipses", () => {
    expect(shown(snippet("Tổng kết công tác.", "cong tac"))).toBe("Tổng kết [công] [tác].");
  });
});
