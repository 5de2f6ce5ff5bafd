import { XMLParser } from "fast-xml-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NEWS_SITEMAP_LIMIT, NEWS_WINDOW_MS, newsSitemapReports, newsSitemapXml } from "@/lib/news-sitemap";

const parser = new XMLParser({ isArray: (name) => name === "url" });
const NOW = Date.parse("2026-12-06T10:00:00+07:00");
const MINUTE = 60_000;
const report = (slug: string, date: number, title = `Bài ${slug}`) => ({ slug, title, date: new Date(date) });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the news sitemap's window", () => {
  it("is 48 hours", () => {
    expect(NEWS_WINDOW_MS).toBe(48 * 60 * MINUTE);
  });

  it("keeps a report of 47 h 59 min ago and leaves out one of 48 h 01 min ago", () => {
    const newest = [
      report("vua-dang", NOW - MINUTE),
      report("gan-het-han", NOW - NEWS_WINDOW_MS + MINUTE),
      report("vua-het-han", NOW - NEWS_WINDOW_MS - MINUTE),
      report("bai-2021", Date.parse("2021-01-12T08:00:00+07:00")),
    ];
    expect(newsSitemapReports(newest, NOW).map((entry) => entry.slug)).toEqual(["vua-dang", "gan-het-han"]);
  });

  it("keeps a report dated a little ahead of this machine's clock", () => {
    expect(newsSitemapReports([report("som", NOW + 30_000)], NOW)).toHaveLength(1);
  });

  it("is the same on a server in another time zone, and writes dates in +07:00", () => {
    const newest = [report("a", NOW - 47 * 60 * MINUTE), report("b", NOW - 49 * 60 * MINUTE)];
    const inVietnam = newsSitemapXml(newsSitemapReports(newest, NOW));
    for (const zone of ["America/Los_Angeles", "Pacific/Kiritimati", "UTC"]) {
      vi.stubEnv("TZ", zone);
      expect(new Date(NOW).getTimezoneOffset()).not.toBe(-420);
      expect(newsSitemapXml(newsSitemapReports(newest, NOW))).toBe(inVietnam);
    }
    const [entry] = parser.parse(inVietnam).urlset.url;
    // 47 hours before 10:00 on 6 December, Vietnam time.
    expect(entry["news:news"]["news:publication_date"]).toBe("2026-12-04T11:00:00+07:00");
  });

  it("holds at most 1,000 reports, the newest", () => {
    const newest = Array.from({ length: 1500 }, (_, n) => report(`bai-${n}`, NOW - n * MINUTE));
    const listed = newsSitemapReports(newest, NOW);
    expect(NEWS_SITEMAP_LIMIT).toBe(1000);
    expect(listed).toHaveLength(1000);
    expect(listed[0].slug).toBe("bai-0");
    expect(listed[999].slug).toBe("bai-999");
  });
});

describe("the news sitemap's XML", () => {
  it("names the publication, its language, the date and the title of each report", () => {
    const xml = newsSitemapXml([report("hoi-nghi", Date.parse("2026-12-06T08:30:00+07:00"), "Hội nghị")]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).toContain(
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    );
    expect(parser.parse(xml).urlset.url).toEqual([
      {
        loc: "http://localhost:3000/bai-viet/hoi-nghi",
        "news:news": {
          "news:publication": { "news:name": "Tin Xứ Nghệ", "news:language": "vi" },
          "news:publication_date": "2026-12-06T08:30:00+07:00",
          "news:title": "Hội nghị",
        },
      },
    ]);
  });

  it("keeps a hostile title as text", () => {
    const hostile = `</news:title></news:news><script>alert("x")</script> & ]]> <![CDATA[ \u0000\u001Fhết`;
    const xml = newsSitemapXml([report("doc-hai", NOW, hostile)]);
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("</news:title></news:news><script>");
    expect(xml).toContain("&lt;/news:title&gt;&lt;/news:news&gt;&lt;script&gt;");
    const [entry] = parser.parse(xml).urlset.url;
    // Read back, it is the title itself, less the two characters XML cannot carry.
    expect(entry["news:news"]["news:title"]).toBe(hostile.replace(/[\u0000\u001F]/g, ""));
  });
});
