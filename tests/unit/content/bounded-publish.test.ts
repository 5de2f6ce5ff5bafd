import { describe, expect, it } from "vitest";
import { relatedReports } from "@/lib/content/related";
import { ContentStore } from "@/lib/content/store";
import type { AddressChange } from "@/lib/content/refresh";
import type { Report, ReportSummary } from "@/lib/content/types";
import { pagesForChange } from "@/lib/pages";

// What one publish revalidates must not grow with the archive: the same change to the same recent
// reports gives the same list of pages in an archive of 1,000 reports and in one of 20,000, whose
// extra 19,000 are older reports in the same topics and with the same people. Reports go straight
// into the store (the loaders are tested elsewhere): 20,000 Markdown files would take a minute.

const TAGS = ["Quốc phòng", "An ninh", "Thành phố Vinh", "Kinh tế", "Giáo dục"];
const PEOPLE = ["Trần Ngọc Tú", "Hồ Văn Xa", "Lê Thị Hoa", "Nguyễn Văn An"];
const CATEGORIES = ["Thời sự", "Quốc phòng - An ninh"];
const RECENT = 1000;
const HOUR = 3_600_000;
const RECENT_START = Date.UTC(2024, 0, 1);

function summary(n: number, dateMs: number, overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    slug: `bai-${n}`,
    file: `bai-${n}.md`,
    title: `Bài ${n}`,
    date: new Date(dateMs),
    updated: null,
    corrections: [],
    summary: `Tóm tắt ${n}.`,
    hasOwnSummary: true,
    category: CATEGORIES[n % CATEGORIES.length],
    tags: [TAGS[n % TAGS.length], TAGS[(n + 2) % TAGS.length]],
    location: null,
    author: null,
    source: null,
    cover: null,
    featured: null,
    draft: false,
    workflow: { status: null, owner: null, review: null, returned: null, scheduledFor: null },
    // The "mayor" is in every tenth report.
    attendees: n % 10 === 0 ? [{ name: PEOPLE[0] }] : [{ name: PEOPLE[1 + (n % 3)] }],
    attendeeGroups: [],
    readingMinutes: 1,
    ...overrides,
  };
}

let mtime = 0;
function put(store: ContentStore, report: ReportSummary): void {
  mtime += 1;
  const whole: Report = { ...report, body: [], figures: [], abbreviations: [], text: "" };
  store.write(
    { file: report.file, mtimeMs: mtime, size: 1, glossary: "none", photos: [], problems: [], warnings: [] },
    whole,
    report,
  );
}

/** Recent reports 1–1,000 (2024, one every 5 hours), and older ones (2009–2023) numbered after them. */
function archive(size: number): ContentStore {
  const store = new ContentStore(null, { contentDirectory: "/noi-dung", publicDirectory: "/public", loader: "t" });
  store.transaction(() => {
    for (let n = 1; n <= RECENT; n += 1) put(store, summary(n, RECENT_START + n * 5 * HOUR));
    // All before 2024 in Vietnam time (UTC+7): the recent reports' year pages are the same in both.
    const span = RECENT_START - 7 * HOUR - Date.UTC(2009, 0, 1);
    for (let n = RECENT + 1; n <= size; n += 1) {
      put(store, summary(n, Date.UTC(2009, 0, 1) + Math.floor(((n - RECENT) * span) / (size - RECENT + 1))));
    }
  });
  // The recent reports' pages have been shown: each one's related list is remembered.
  for (let n = 1; n <= RECENT; n += 1) relatedReports(store.catalog, `bai-${n}`);
  return store;
}

/** A change to one address: the slug, and what writes it into the store. */
type Change = { name: string; slug: string; apply: (store: ContentStore) => void };

const at = (n: number, extraMs = 0) => RECENT_START + n * 5 * HOUR + extraMs;

const CHANGES: Change[] = [
  { name: "a new report at the top", slug: "bai-900001", apply: (store) => put(store, summary(900_001, Date.UTC(2024, 11, 31))) },
  { name: "a title edited", slug: "bai-500", apply: (store) => put(store, summary(500, at(500), { title: "Tiêu đề mới" })) },
  {
    name: "a report's date moved by two months",
    slug: "bai-400",
    apply: (store) => put(store, summary(400, at(400, 60 * 24 * HOUR))),
  },
  {
    name: "a topic added and another removed",
    slug: "bai-600",
    apply: (store) => put(store, summary(600, at(600), { tags: ["Kinh tế", "Du lịch"] })),
  },
  {
    name: "a person renamed",
    slug: "bai-700",
    apply: (store) => put(store, summary(700, at(700), { attendees: [{ name: "Trần Ngọc Tú (Bí thư)" }] })),
  },
  { name: "a report made a draft", slug: "bai-800", apply: (store) => put(store, summary(800, at(800), { draft: true })) },
  { name: "a report deleted", slug: "bai-300", apply: (store) => store.remove("bai-300.md") },
];

function stalePages(store: ContentStore, change: Change): string[] {
  const version = () => {
    const found = store.catalog.bySlug(change.slug);
    return found && { report: found.report, version: found.version };
  };
  const before = version();
  change.apply(store);
  const addressChange: AddressChange = { slug: change.slug, before, after: version() };
  return pagesForChange(addressChange, store.catalog).sort();
}

describe("what a publish revalidates, at 1,000 and at 20,000 reports", () => {
  const small = archive(RECENT);
  const large = archive(20_000);

  it("the large archive is large: the mayor's list and each tag's run into the thousands", () => {
    expect(large.catalog.count()).toBe(20_000);
    expect(large.catalog.list("person", "tran-ngoc-tu")?.count).toBe(2000);
    expect(large.catalog.list("tag", "quoc-phong")?.count).toBeGreaterThan(7000);
  });

  for (const change of CHANGES) {
    it(`${change.name}: the same pages, at most 50`, () => {
      const atSmall = stalePages(small, change);
      const atLarge = stalePages(large, change);
      expect(atLarge).toEqual(atSmall);
      expect(atSmall.length).toBeGreaterThan(0);
      expect(atSmall.length).toBeLessThanOrEqual(50);
    });
  }
});
