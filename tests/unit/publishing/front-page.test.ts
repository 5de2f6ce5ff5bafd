import { describe, expect, it } from "vitest";
import type { FrontPagePlace, ReportSummary, Topic } from "@/lib/content";
import { arrangeFrontPage, FRONT_PAGE } from "@/lib/front-page";

// The front page's arrangement, on summaries made here: which report leads, which are top
// stories, what each section shows.

const report = (n: number, featured: FrontPagePlace | null = null, category = "Thời sự") =>
  ({ slug: `bai-${n}`, title: `Bài ${n}`, featured, category }) as unknown as ReportSummary;
const newest = (count: number) => Array.from({ length: count }, (_, n) => report(n));
const topic = (name: string, slug: string): Topic => ({ kind: "category", name, slug, count: 10 });
const slugs = (reports: readonly ReportSummary[]) => reports.map((entry) => entry.slug);

describe("the front page", () => {
  it("without a choice, the newest leads and the next four are the top stories", () => {
    const page = arrangeFrontPage(newest(10), []);
    expect(page.lead?.slug).toBe("bai-0");
    expect(slugs(page.top)).toEqual(["bai-1", "bai-2", "bai-3", "bai-4"]);
    expect(FRONT_PAGE.topStories).toBe(4);
  });

  it("an editor's lead leads, and the chosen top stories come before the newest", () => {
    const reports = newest(12);
    reports[9] = report(9, "tin-chinh");
    reports[7] = report(7, "noi-bat");
    reports[11] = report(11, "noi-bat");
    const page = arrangeFrontPage(reports, []);
    expect(page.lead?.slug).toBe("bai-9");
    expect(slugs(page.top)).toEqual(["bai-7", "bai-11", "bai-0", "bai-1"]);
  });

  it("of two leads chosen, the newer leads; the other is a top story no more than any other", () => {
    const reports = [report(0), report(1, "tin-chinh"), report(2, "tin-chinh"), report(3)];
    const page = arrangeFrontPage(reports, []);
    expect(page.lead?.slug).toBe("bai-1");
    expect(slugs(page.top)).toEqual(["bai-0", "bai-2", "bai-3"]);
  });

  it("shows each report once: a section leaves out what is above it, and an emptied section goes", () => {
    const reports = newest(6);
    const page = arrangeFrontPage(reports, [
      {
        topic: topic("Thời sự", "thoi-su"),
        newest: [report(0), report(2), report(5), report(20), report(21), report(22)],
      },
      { topic: topic("Văn hóa", "van-hoa"), newest: [report(1), report(3)] },
    ]);
    expect(page.sections).toHaveLength(1);
    expect(page.sections[0].topic.slug).toBe("thoi-su");
    expect(slugs(page.sections[0].reports)).toEqual(["bai-5", "bai-20", "bai-21", "bai-22"]);
  });

  it("is empty for an empty archive", () => {
    expect(arrangeFrontPage([], [])).toEqual({ lead: null, top: [], sections: [] });
  });
});
