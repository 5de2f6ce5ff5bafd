import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadReport } from "@/lib/content/refresh";
import { searchDocument } from "@/lib/search/documents";
import { SearchIndex, type SearchDocument } from "@/lib/search/search-index";
import { REPO_CONTENT, SEED_FILE, SEED_SLUG } from "../support/paths";

let index: SearchIndex;
beforeEach(() => {
  index = new SearchIndex();
});
afterEach(() => index.close());

function seed(): SearchDocument {
  const { report, problems } = loadReport(REPO_CONTENT, SEED_FILE);
  if (!report) throw new Error(JSON.stringify(problems));
  return searchDocument(report);
}

let day = 0;
/** A made-up report: only what the test is about is given. */
function doc(slug: string, fields: Partial<SearchDocument>): SearchDocument {
  day += 1;
  return {
    slug,
    title: `Bài ${slug}`,
    date: new Date(Date.UTC(2024, 0, day)),
    category: "Thời sự",
    people: "",
    tags: "",
    text: "Nội dung.",
    ...fields,
  };
}

describe("the seed report", () => {
  beforeEach(() => {
    index.upsert(seed());
    index.upsert(doc("khac", { title: "Lễ hội đường phố ở Cửa Lò", text: "Du khách đông vui." }));
  });

  it("is found as readers type, with or without diacritics", () => {
    for (const query of [
      "quoc phong vinh",
      "quốc phòng Vinh",
      "dinh bat van",
      "Đinh Bạt Văn",
      "QUOC PHONG",
    ]) {
      expect(index.search({ text: query }).slugs, query).toEqual([SEED_SLUG]);
    }
  });

  it("is found by a person's rank and role, and by its captions", () => {
    expect(index.search({ text: "thuong ta" }).slugs).toEqual([SEED_SLUG]);
    expect(index.search({ text: "pho chi huy truong" }).slugs).toEqual([SEED_SLUG]);
  });

  it("is not found by words it does not hold", () => {
    expect(index.search({ text: "bong da" })).toEqual({ total: 0, more: false, slugs: [] });
  });
});

describe("ranking", () => {
  it("puts the marks the reader typed first: đường before dương", () => {
    index.upsert(doc("duong-a", { text: "Mở rộng con dương liễu ven biển." }));
    index.upsert(doc("duong-b", { text: "Mở rộng con đường ven biển." }));
    expect(index.search({ text: "đường" }).slugs).toEqual(["duong-b", "duong-a"]);
    expect(index.search({ text: "dương" }).slugs).toEqual(["duong-a", "duong-b"]);
    // Typed without marks, both match: neither is preferred for its marks.
    expect(index.search({ text: "duong" }).total).toBe(2);
  });

  it("puts a phrase before the same syllables apart", () => {
    index.upsert(doc("apart", { text: "Công nhân đi làm, tác phong nghiêm túc, ai cũng khen." }));
    index.upsert(doc("phrase", { text: "Tổng kết công tác năm qua." }));
    expect(index.search({ text: "cong tac" }).slugs).toEqual(["phrase", "apart"]);
  });

  it("puts syllables near each other before the same syllables far apart", () => {
    index.upsert(
      doc("far", { text: "Đinh làng được tu sửa. Sau nhiều năm, bà con góp công, Văn hội mới mở." }),
    );
    index.upsert(doc("near", { text: "Ông Đinh Văn Hùng phát biểu." }));
    expect(index.search({ text: "dinh van" }).slugs).toEqual(["near", "far"]);
  });

  it("weighs a title above a word deep in the text", () => {
    index.upsert(doc("text", { text: "Nhiều hoạt động trong năm, trong đó có diễn tập phòng cháy." }));
    index.upsert(doc("title", { title: "Diễn tập phòng cháy", text: "Nhiều hoạt động trong năm." }));
    expect(index.search({ text: "dien tap" }).slugs[0]).toBe("title");
  });
});

describe("ranking at scale", () => {
  it("ranks among the newest matches and every match with the words in a title, for common words", () => {
    const old = doc("old-title", {
      title: "Thành phố mở rộng công viên",
      date: new Date(Date.UTC(2015, 0, 1)),
    });
    const many = Array.from({ length: 700 }, (_, n) =>
      doc(`bai-${n}`, { text: "Họp ở thành phố.", date: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000) }),
    );
    index.upsert(old, ...many);
    const results = index.search({ text: "thanh pho" });
    expect(results.total).toBe(701);
    expect(results.slugs[0]).toBe("old-title");
    // Then the newest, all alike otherwise.
    expect(results.slugs.slice(1, 3)).toEqual(["bai-699", "bai-698"]);
  });

  it("finds the phrase in an old report among many newer ones holding the pair elsewhere", () => {
    const reports = Array.from({ length: 400 }, (_, n) =>
      doc(`cong-tac-${n}`, {
        text: "Tổng kết công tác năm.",
        date: new Date(Date.UTC(2022, 0, 1) + n * 3_600_000),
      }),
    );
    const phrase = doc("phrase", {
      text: "Đoàn công tác Hưng Nguyên về thăm.",
      date: new Date(Date.UTC(2010, 0, 1)),
    });
    const apart = doc("apart", {
      text: "Ở Hưng Nguyên, công nhân làm việc; tác phong tốt.",
      date: new Date(Date.UTC(2024, 0, 1)),
    });
    index.upsert(phrase, ...reports, apart);
    // Few reports hold all three words, far apart in time: the pair "cong tac" is looked up report by report.
    expect(index.search({ text: "cong tac hung nguyen" }).slugs).toEqual(["phrase", "apart"]);
  });
});

describe("keeping up with the archive", () => {
  it("replaces a report when it is saved again, and forgets one taken out", () => {
    index.upsert(doc("bai", { title: "Tiêu đề cũ" }));
    index.upsert(doc("bai", { title: "Tiêu đề mới" }));
    expect(index.search({ text: "cu" }).total).toBe(0);
    expect(index.search({ text: "moi" }).slugs).toEqual(["bai"]);
    index.remove("bai");
    expect(index.search({ text: "moi" }).total).toBe(0);
    expect(index.versions().size).toBe(0);
    index.remove("khong-co");
  });
});

describe("filters, order and pages", () => {
  beforeEach(() => {
    for (let n = 1; n <= 25; n += 1) {
      index.upsert(
        doc(`bai-${n}`, {
          text: "Họp bàn kế hoạch.",
          category: n % 2 ? "Thời sự" : "Đời sống",
          date: new Date(Date.UTC(2019 + (n % 3), 5, n)),
        }),
      );
    }
  });

  it("pages through every match once", () => {
    const pages = [1, 2, 3].map((page) => index.search({ text: "ke hoach", page, perPage: 10 }));
    expect(pages.map((page) => page.total)).toEqual([25, 25, 25]);
    expect(pages.map((page) => page.slugs.length)).toEqual([10, 10, 5]);
    expect(new Set(pages.flatMap((page) => page.slugs)).size).toBe(25);
    expect(index.search({ text: "ke hoach", page: 4 }).slugs).toEqual([]);
  });

  it("filters by category and year, and sorts by date when asked", () => {
    expect(index.search({ text: "ke hoach", category: "Đời sống" }).total).toBe(12);
    expect(index.search({ text: "ke hoach", year: 2020 }).total).toBe(9);
    const newest = index.search({ text: "ke hoach", order: "newest", perPage: 3 }).slugs;
    expect(newest).toEqual(["bai-23", "bai-20", "bai-17"]);
  });
});

describe("any query", () => {
  beforeEach(() => index.upsert(seed()));

  it.each([
    "",
    '"',
    "AND OR NOT NEAR",
    "*",
    "title:x",
    "(quoc",
    "'; DROP TABLE reports; --",
    "\u0000\u0007\u001b",
    "a".repeat(1000),
    "NEAR(quoc phong)",
  ])("%j answers without throwing, as words", (query) => {
    expect(() => index.search({ text: query })).not.toThrow();
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (query) => {
        const results = index.search({ text: query });
        expect(results.slugs.length).toBeLessThanOrEqual(results.total);
      }),
    );
  });
});
