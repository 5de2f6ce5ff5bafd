import { describe, expect, it } from "vitest";
import type { Attendee, Report } from "@/lib/content";
import { buildIndexes, personSlug, sortTopics, topicSlug } from "@/lib/content/indexes";
import { readingMinutes } from "@/lib/content/load-report";

let counter = 0;
function report(partial: {
  tags?: string[];
  attendees?: Attendee[];
  day?: number;
  category?: string;
}): Report {
  counter += 1;
  return {
    slug: `bai-${counter}`,
    file: `bai-${counter}.md`,
    title: `Bài ${counter}`,
    date: new Date(Date.UTC(2021, 0, partial.day ?? counter)),
    updated: null,
    summary: "",
    hasOwnSummary: false,
    category: partial.category ?? null,
    tags: partial.tags ?? [],
    location: null,
    author: null,
    source: null,
    cover: null,
    draft: false,
    attendees: partial.attendees ?? [],
    attendeeGroups: [],
    body: [],
    figures: [],
    abbreviations: [],
    readingMinutes: 1,
    text: "",
  };
}
const newestFirst = (reports: Report[]) => [...reports].sort((a, b) => b.date.getTime() - a.date.getTime());

describe("slugs for topics and people", () => {
  it("drop Vietnamese marks and turn đ into d", () => {
    expect(topicSlug("Quốc phòng - An ninh")).toBe("quoc-phong-an-ninh");
    expect(topicSlug("Đời sống")).toBe("doi-song");
    expect(personSlug({ name: "Nguyễn Mạnh Hùng" })).toBe("nguyen-manh-hung");
    expect(personSlug({ name: "Đinh Bạt Văn" })).toBe("dinh-bat-van");
  });

  it("an id separates two people who share a name", () => {
    expect(personSlug({ name: "Nguyễn Văn A", id: "nguyen-van-a-cong-an" })).toBe("nguyen-van-a-cong-an");
  });
});

describe("topics and people across the archive", () => {
  it("sorts topics the Vietnamese way", () => {
    const topics = ["Đời sống", "Du lịch", "Ăn uống", "An ninh", "Ấm no"].map((name) => ({
      kind: "tag" as const,
      name,
      slug: topicSlug(name),
      reports: [],
    }));
    expect(sortTopics(topics).map((topic) => topic.name)).toEqual([
      "An ninh",
      "Ăn uống",
      "Ấm no",
      "Du lịch",
      "Đời sống",
    ]);
  });

  it("keeps each person's rank and role as each report gave them, newest first", () => {
    const older = report({
      day: 1,
      attendees: [{ name: "Đinh Bạt Văn", rank: "Trung tá", role: "Phó Chỉ huy trưởng" }],
    });
    const newer = report({
      day: 9,
      attendees: [{ name: "Đinh Bạt Văn", rank: "Thượng tá", role: "Chỉ huy trưởng" }],
    });
    const { people } = buildIndexes(newestFirst([older, newer]));
    expect(
      people.get("dinh-bat-van")?.appearances.map(({ report: r, rank, role }) => [r.slug, rank, role]),
    ).toEqual([
      [newer.slug, "Thượng tá", "Chỉ huy trưởng"],
      [older.slug, "Trung tá", "Phó Chỉ huy trưởng"],
    ]);
  });

  it("groups tags and categories by slug, newest first", () => {
    const a = report({ day: 1, tags: ["Thành phố Vinh"], category: "Thời sự" });
    const b = report({ day: 2, tags: ["Thành phố Vinh", "Giáo dục"], category: "Thời sự" });
    const { tags, categories } = buildIndexes(newestFirst([a, b]));
    expect(tags.get("thanh-pho-vinh")?.reports.map((r) => r.slug)).toEqual([b.slug, a.slug]);
    expect(categories.get("thoi-su")?.reports).toHaveLength(2);
  });
});

describe("related reports", () => {
  const person = (name: string): Attendee => ({ name });

  it("rank shared people above shared tags, exclude the report itself, and stop at three", () => {
    const subject = report({ day: 10, tags: ["An ninh"], attendees: [person("Trần Ngọc Tú")] });
    const samePerson = report({ day: 2, attendees: [person("Trần Ngọc Tú")] });
    const sameTag = report({ day: 9, tags: ["An ninh"] });
    const both = report({ day: 1, tags: ["An ninh"], attendees: [person("Trần Ngọc Tú")] });
    const fillers = [15, 16, 17].map((day) => report({ day, tags: ["An ninh"] }));
    const unrelated = report({ day: 10, tags: ["Du lịch"] });
    const { related } = buildIndexes(
      newestFirst([subject, samePerson, sameTag, both, unrelated, ...fillers]),
    );
    const picks = related(subject);
    expect(picks).toHaveLength(3);
    expect(picks[0]).toBe(both);
    expect(picks[1]).toBe(samePerson);
    // Among equal scores, the report closest in time wins.
    expect(picks[2]).toBe(sameTag);
    expect(picks).not.toContain(subject);
    expect(picks).not.toContain(unrelated);
  });
});

describe("reading time", () => {
  it("is at least one minute, at about 220 words a minute", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(650)).toBe(3);
    expect(readingMinutes(1000)).toBe(5);
  });
});
