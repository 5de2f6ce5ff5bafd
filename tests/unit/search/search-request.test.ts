import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PAGE, MAX_QUERY_CHARACTERS, readSearchRequest, searchHref } from "@/lib/search/search-request";

describe("reading a search from the address", () => {
  it("reads the query, filters, order and page", () => {
    expect(
      readSearchRequest({
        q: "  quốc   phòng ",
        "chuyen-muc": "thoi-su",
        nam: "2021",
        "sap-xep": "moi-nhat",
        trang: "3",
      }),
    ).toEqual({ text: "quốc phòng", category: "thoi-su", year: 2021, order: "newest", page: 3, notices: [] });
  });

  it("takes NFD input as NFC, and control characters as spaces", () => {
    expect(readSearchRequest({ q: "quo\u0302\u0301c\u0000pho\u0300ng" }).text).toBe("quốc phòng");
    expect(readSearchRequest({ q: "a\u200bb\nc" }).text).toBe("a b c");
  });

  it("cuts a long query at a word and says so", () => {
    const request = readSearchRequest({ q: "quốc phòng ".repeat(100) });
    expect(request.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARACTERS);
    expect(request.text.endsWith("phòng")).toBe(true);
    expect(request.notices.join(" ")).toContain("dài quá");
  });

  it("says when words beyond the twelfth are ignored", () => {
    expect(readSearchRequest({ q: "a b c d e f g h i j k l m" }).notices.join(" ")).toContain("12 từ đầu");
  });

  it("refuses pages out of bounds, odd years and odd categories, with a notice", () => {
    for (const trang of ["0", "-1", String(MAX_PAGE + 1), "1e3", "abc", "999999999999"]) {
      const request = readSearchRequest({ q: "vinh", trang });
      expect(request.page, trang).toBe(1);
      expect(request.notices.length, trang).toBe(1);
    }
    expect(readSearchRequest({ q: "vinh", nam: "20211" })).toMatchObject({ year: null });
    expect(readSearchRequest({ q: "vinh", "chuyen-muc": "../../etc" })).toMatchObject({ category: null });
  });

  it("takes the first of repeated parameters", () => {
    expect(readSearchRequest({ q: ["vinh", "hue"] }).text).toBe("vinh");
  });

  it("builds addresses that read back the same", () => {
    const request = {
      text: "đường & dương",
      category: "thoi-su",
      year: 2020,
      order: "newest" as const,
      page: 2,
    };
    const href = searchHref(request);
    expect(href.startsWith("/tim-kiem?q=")).toBe(true);
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(readSearchRequest(params)).toEqual({ ...request, notices: [] });
  });

  it("never throws, and bounds what it returns, whatever the address holds", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("q", "trang", "nam", "chuyen-muc", "sap-xep"), fc.string()),
        (params) => {
          const request = readSearchRequest(params);
          expect(request.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARACTERS);
          expect(request.page).toBeGreaterThanOrEqual(1);
          expect(request.page).toBeLessThanOrEqual(MAX_PAGE);
        },
      ),
    );
  });
});
