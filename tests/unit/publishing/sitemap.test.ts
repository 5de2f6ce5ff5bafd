import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  rootSitemapXml,
  SITEMAP_LIMIT,
  sitemapChunkCount,
  sitemapChunkXml,
  type SitemapEntry,
} from "@/lib/sitemap";

const parser = new XMLParser({ isArray: (name) => ["url", "sitemap"].includes(name) });
const entries = (count: number): SitemapEntry[] =>
  Array.from({ length: count }, (_, index) => ({
    url: `http://localhost:3000/bai-viet/bai-${index}?a=1&b=<2>`,
    lastModified: "2021-01-12T08:00:00+07:00",
  }));

// Building and parsing 50,000 URLs takes 1–2 s here: room for a machine three times slower.
describe("the sitemap at any size", { timeout: 20_000 }, () => {
  it("is one urlset up to 50,000 URLs, with every text escaped", () => {
    const xml = rootSitemapXml(entries(SITEMAP_LIMIT));
    expect(xml).toContain("&amp;b=&lt;2&gt;");
    const parsed = parser.parse(xml);
    expect(parsed.urlset.url).toHaveLength(SITEMAP_LIMIT);
    expect(parsed.urlset.url[0]).toEqual({
      loc: "http://localhost:3000/bai-viet/bai-0?a=1&b=<2>",
      lastmod: "2021-01-12T08:00:00+07:00",
    });
  });

  it("becomes an index of files of at most 50,000 URLs past that", () => {
    const all = entries(120_001);
    expect(sitemapChunkCount(all)).toBe(3);
    const index = parser.parse(rootSitemapXml(all));
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      "http://localhost:3000/sitemaps/1.xml",
      "http://localhost:3000/sitemaps/2.xml",
      "http://localhost:3000/sitemaps/3.xml",
    ]);
    // The first test parses a full file; here counting the entries is enough.
    const chunks = [1, 2, 3].map((chunk) => sitemapChunkXml(all, chunk));
    expect(chunks.map((xml) => xml.match(/<\/url>/g)?.length)).toEqual([50_000, 50_000, 20_001]);
    expect(chunks[2]).toContain("<loc>http://localhost:3000/bai-viet/bai-120000?a=1&amp;b=&lt;2&gt;</loc>");
  });
});
