import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { SITEMAP_LIMIT, type SitemapEntry, sitemapIndexXml, urlsetXml } from "@/lib/sitemap";

const parser = new XMLParser({ isArray: (name) => ["url", "sitemap"].includes(name) });
const entries = (count: number): SitemapEntry[] =>
  Array.from({ length: count }, (_, index) => ({
    url: `http://localhost:3000/bai-viet/bai-${index}?a=1&b=<2>`,
    lastModified: "2021-01-12T08:00:00+07:00",
  }));

// Building and parsing 50,000 URLs takes 1–2 s here: room for a machine three times slower.
describe("a sitemap file", { timeout: 20_000 }, () => {
  it("holds the protocol's limit of 50,000 URLs", () => {
    expect(SITEMAP_LIMIT).toBe(50_000);
  });

  it("is one urlset of up to 50,000 URLs, with every text escaped", () => {
    const xml = urlsetXml(entries(SITEMAP_LIMIT));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).toContain("&amp;b=&lt;2&gt;");
    expect(xml).not.toContain("b=<2>");
    const parsed = parser.parse(xml);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(parsed.urlset.url).toHaveLength(SITEMAP_LIMIT);
    expect(parsed.urlset.url[0]).toEqual({
      loc: "http://localhost:3000/bai-viet/bai-0?a=1&b=<2>",
      lastmod: "2021-01-12T08:00:00+07:00",
    });
    expect(parsed.urlset.url[SITEMAP_LIMIT - 1].loc).toBe(
      `http://localhost:3000/bai-viet/bai-${SITEMAP_LIMIT - 1}?a=1&b=<2>`,
    );
  });

  it("leaves out lastmod for an entry without a modification time", () => {
    const parsed = parser.parse(urlsetXml([{ url: "http://localhost:3000/chu-de" }]));
    expect(parsed.urlset.url).toEqual([{ loc: "http://localhost:3000/chu-de" }]);
  });

  it("is a valid, empty urlset without entries", () => {
    const xml = urlsetXml([]);
    expect(xml).toContain("<urlset");
    expect(xml).not.toContain("<url>");
  });
});

describe("/sitemap.xml", () => {
  it("is an index naming each sitemap file by its address, in the order given", () => {
    const xml = sitemapIndexXml(["trang", "bai-2021-01", "chu-de-1", "nguoi-1"]);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const index = parser.parse(xml);
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      "http://localhost:3000/sitemaps/trang.xml",
      "http://localhost:3000/sitemaps/bai-2021-01.xml",
      "http://localhost:3000/sitemaps/chu-de-1.xml",
      "http://localhost:3000/sitemaps/nguoi-1.xml",
    ]);
    expect(index.urlset).toBeUndefined();
  });

  it("escapes an address's text, like every other", () => {
    const xml = sitemapIndexXml(["a&b"]);
    expect(xml).toContain("<loc>http://localhost:3000/sitemaps/a&amp;b.xml</loc>");
  });
});
