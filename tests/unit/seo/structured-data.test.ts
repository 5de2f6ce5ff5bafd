import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "@/lib/content";
import { loadReport } from "@/lib/content/refresh";
import { homePageJsonLd, newsArticleJsonLd } from "@/lib/seo/structured-data";
import { stubFoldersForAll } from "../support/environment";
import { REPO_CONTENT, REPO_PUBLIC, SEED_FILE, SEED_SLUG } from "../support/paths";

const SITE = "http://localhost:3000";
const SEED_URL = `${SITE}/bai-viet/${SEED_SLUG}`;
const PHOTOS = `${SITE}/images/ubnd-vinh-tong-ket-qp-an-2020`;

let seed: Report;
stubFoldersForAll({ content: REPO_CONTENT, public: REPO_PUBLIC });
beforeAll(() => {
  const { report } = loadReport(REPO_CONTENT, SEED_FILE);
  if (!report) throw new Error("the seed report does not load");
  seed = report;
});

describe("the NewsArticle's images", () => {
  it("the seed (photos 1200 px wide): its card, its cover in 1×1, 4×3 and 16×9, then each photo once", () => {
    expect(newsArticleJsonLd(seed).image).toEqual([
      `${SEED_URL}/anh-chia-se.png`,
      `${SEED_URL}/anh/1x1.jpg`,
      `${SEED_URL}/anh/4x3.jpg`,
      `${SEED_URL}/anh/16x9.jpg`,
      ...[1, 2, 3, 4, 5, 6].map((n) => `${PHOTOS}/anh-${n}.jpg`),
    ]);
  });

  it("a cover too small to cut is listed as it is, once", () => {
    const [first] = seed.figures;
    const small = { ...seed, cover: { ...first, width: 1000 }, figures: [{ ...first, width: 1000 }] };
    expect(newsArticleJsonLd(small).image).toEqual([`${SEED_URL}/anh-chia-se.png`, `${PHOTOS}/anh-1.jpg`]);
  });
});

describe("the NewsArticle's author has an address", () => {
  it("the source paper, for a report taken from it without a byline", () => {
    expect(newsArticleJsonLd(seed).author).toEqual({
      "@type": "Organization",
      name: "Báo Nghệ An",
      url: "https://baonghean.vn",
    });
  });

  it("a reporter: the paper they write for, the source's or this site's", () => {
    const byline = { ...seed, author: "Thanh Hà" };
    expect(newsArticleJsonLd(byline).author).toEqual({
      "@type": "Person",
      name: "Thanh Hà",
      url: "https://baonghean.vn",
    });
    expect(newsArticleJsonLd({ ...byline, source: null }).author).toEqual({
      "@type": "Person",
      name: "Thanh Hà",
      url: `${SITE}/`,
    });
  });

  it("neither: the site itself", () => {
    expect(newsArticleJsonLd({ ...seed, source: null }).author).toEqual({
      "@type": "Organization",
      name: "Tin Xứ Nghệ",
      url: `${SITE}/`,
    });
  });
});

describe("the home page's JSON-LD", () => {
  it("the site, holding the home page with the newest change among its reports", () => {
    const reports = [
      { ...seed, slug: "moi", date: new Date("2026-12-06T01:00:00Z"), updated: null },
      {
        ...seed,
        slug: "cu",
        date: new Date("2026-12-05T01:00:00Z"),
        updated: new Date("2026-12-06T02:30:00Z"),
      },
    ];
    expect(homePageJsonLd(reports)).toMatchObject({
      "@type": "WebSite",
      url: `${SITE}/`,
      hasPart: { "@type": "CollectionPage", url: `${SITE}/`, dateModified: "2026-12-06T09:30:00+07:00" },
    });
  });

  it("no date for a site without reports", () => {
    expect(homePageJsonLd([]).hasPart).toEqual({
      "@type": "CollectionPage",
      url: `${SITE}/`,
      inLanguage: "vi",
    });
  });
});
