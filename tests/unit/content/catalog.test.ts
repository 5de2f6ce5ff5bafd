import { rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dump } from "js-yaml";
import { describe, expect, it } from "vitest";
import {
  type Attendee,
  getMonthReports,
  getMonths,
  getPeople,
  getPerson,
  getPersonPage,
  getPersonYear,
  getRelatedReports,
  getReportPage,
  getReportSummaryBySlug,
  getTopicPage,
  getTopicYear,
  getTopics,
  getTopicLetterPage,
  topicLetterPagesFor,
  personSlug,
  sortTopics,
  topicSlug,
} from "@/lib/content";
import { readingMinutes } from "@/lib/content/load-report";
import { movedPage } from "@/lib/moved-pages";
import { pagesForChange } from "@/lib/pages";
import { archiveCatalog, archiveProblems, refreshArchive } from "@/lib/content/refresh";
import { stubFolders } from "../support/environment";
import { REPO_PUBLIC } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

// The catalog the pages query (lib/content/catalog.ts), filled from real Markdown files in a
// temporary folder by the real loaders, and kept in step as the live server's watcher does it.

interface Fields {
  title?: string;
  /** Vietnam time, "2021-01-10T08:00:00+07:00". */
  date: string;
  slug?: string;
  category?: string;
  tags?: string[];
  attendees?: Attendee[];
  draft?: boolean;
}

/** A day of 2021 at 08:00, Vietnam time; months past January as `month`. */
const day = (n: number, month = 1) =>
  `2021-${String(month).padStart(2, "0")}-${String(n).padStart(2, "0")}T08:00:00+07:00`;

/**
 * A new, empty content folder the archive reads (its first read, as a build's), and what an editor
 * does to it: `write` and `remove` files, then `publish` (the watcher's pass) to have them read.
 */
function archiveFolder() {
  const folder = temporaryFolder("danh-muc-");
  stubFolders({ content: folder, public: REPO_PUBLIC });
  expect(archiveCatalog().count()).toBe(0);
  // Each write gets its own modification time: a file rewritten within one tick is still seen.
  let mtime = 1_600_000_000;
  return {
    write(name: string, fields: Fields) {
      const file = path.join(folder, `${name}.md`);
      const frontMatter = dump({ title: `Bài ${name}`, ...fields });
      writeFileSync(file, `---\n${frontMatter}---\n\nĐoạn văn của bài ${name}.\n`);
      mtime += 10;
      utimesSync(file, mtime, mtime);
    },
    remove(name: string) {
      rmSync(path.join(folder, `${name}.md`));
    },
    publish: () => refreshArchive("all", "all"),
  };
}

const slugsOf = (reports: ReadonlyArray<{ slug: string }> | undefined) => reports?.map((report) => report.slug);
const topicCounts = (kind: "tag" | "category") => getTopics(kind).map((topic) => [topic.slug, topic.count]);
const monthCounts = () => getMonths().map((month) => [month.month, month.count]);

describe("slugs for topics and people", () => {
  it("drop Vietnamese marks and turn đ into d", () => {
    expect(topicSlug("Quốc phòng - An ninh")).toBe("quoc-phong-an-ninh");
    expect(topicSlug("Đời sống")).toBe("doi-song");
    expect(personSlug({ name: "Nguyễn Mạnh Hùng" })).toBe("nguyen-manh-hung");
    expect(personSlug({ name: "Đinh Bạt Văn" })).toBe("dinh-bat-van");
  });

  it("are the addresses of the lists a report's file puts it in", async () => {
    const archive = archiveFolder();
    archive.write("bai-mot", {
      date: day(1),
      category: "Đời sống",
      tags: ["Quốc phòng - An ninh"],
      attendees: [{ name: "Đinh Bạt Văn" }],
    });
    await archive.publish();
    expect(getTopicPage("category", "doi-song", 1)?.topic).toEqual({
      kind: "category",
      name: "Đời sống",
      slug: "doi-song",
      count: 1,
    });
    expect(slugsOf(getTopicPage("tag", "quoc-phong-an-ninh", 1)?.reports)).toEqual(["bai-mot"]);
    expect(getPerson("dinh-bat-van")).toEqual({ slug: "dinh-bat-van", name: "Đinh Bạt Văn", count: 1 });
    expect(getTopicPage("tag", "Quốc phòng - An ninh", 1)).toBeNull();
  });

  it("an id separates two people who share a name", async () => {
    expect(personSlug({ name: "Nguyễn Văn A", id: "nguyen-van-a-cong-an" })).toBe("nguyen-van-a-cong-an");
    const archive = archiveFolder();
    archive.write("cong-an", {
      date: day(1),
      attendees: [{ name: "Nguyễn Văn A", id: "nguyen-van-a-cong-an", role: "Trưởng Công an xã" }],
    });
    archive.write("nong-dan", { date: day(2), attendees: [{ name: "Nguyễn Văn A", role: "Nông dân" }] });
    await archive.publish();
    expect(getPeople().map((person) => [person.slug, person.name, person.count])).toEqual([
      ["nguyen-van-a", "Nguyễn Văn A", 1],
      ["nguyen-van-a-cong-an", "Nguyễn Văn A", 1],
    ]);
    expect(slugsOf(getPersonPage("nguyen-van-a", 1)?.items.map((item) => item.report))).toEqual(["nong-dan"]);
    expect(getPersonPage("nguyen-van-a-cong-an", 1)?.items.map((item) => [item.report.slug, item.role])).toEqual([
      ["cong-an", "Trưởng Công an xã"],
    ]);
  });
});

describe("topics and people across the archive", () => {
  it("sorts topics the Vietnamese way", () => {
    const topics = ["Đời sống", "Du lịch", "Ăn uống", "An ninh", "Ấm no"].map((name) => ({ name }));
    expect(sortTopics(topics).map((topic) => topic.name)).toEqual([
      "An ninh",
      "Ăn uống",
      "Ấm no",
      "Du lịch",
      "Đời sống",
    ]);
  });

  it("lists the tags of the archive sorted the Vietnamese way, with their counts", async () => {
    const archive = archiveFolder();
    archive.write("bai-mot", { date: day(1), tags: ["Đời sống", "Du lịch", "Ăn uống"] });
    archive.write("bai-hai", { date: day(2), tags: ["An ninh", "Ấm no", "Đời sống"] });
    await archive.publish();
    expect(getTopics("tag").map((topic) => [topic.name, topic.count])).toEqual([
      ["An ninh", 1],
      ["Ăn uống", 1],
      ["Ấm no", 1],
      ["Du lịch", 1],
      ["Đời sống", 2],
    ]);
  });

  it("gives a letter's page the topics of that letter only, đ with d and digits under 0-9, from one key range", async () => {
    const archive = archiveFolder();
    archive.write("bai-mot", { date: day(1), tags: ["Đời sống", "Du lịch", "Ăn uống", "2021", "Cầu đường"] });
    archive.write("bai-hai", { date: day(2), tags: ["Dân số", "Đê điều", "Dân số", "Đường sắt"] });
    await archive.publish();
    const names = (letter: string) => getTopicLetterPage(letter, 1)?.tags.map((topic) => topic.name);
    expect(names("d")).toEqual(["Dân số", "Du lịch", "Đê điều", "Đời sống", "Đường sắt"]);
    expect(names("a")).toEqual(["Ăn uống"]);
    expect(names("0-9")).toEqual(["2021"]);
    expect(names("e")).toEqual([]);
    expect(archiveCatalog().listsBetween("tag", "d", "e").map((list) => list.key)).toEqual([
      "dan-so",
      "de-dieu",
      "doi-song",
      "du-lich",
      "duong-sat",
    ]);
  });

  it("pages a letter of thousands of topics 200 at a time, in the order of their slugs, sections on the first page", async () => {
    const archive = archiveFolder();
    // 450 tags under "t" in three reports, one section under "t", and a tag under another letter.
    const tagsOf = (from: number) => Array.from({ length: 150 }, (_, n) => `Tổ ${String(from + n).padStart(3, "0")}`);
    archive.write("bai-mot", { date: day(1), category: "Thời sự", tags: tagsOf(0) });
    archive.write("bai-hai", { date: day(2), tags: [...tagsOf(150), "An ninh"] });
    archive.write("bai-ba", { date: day(3), tags: tagsOf(300) });
    await archive.publish();
    const first = getTopicLetterPage("t", 1);
    const third = getTopicLetterPage("t", 3);
    expect([first?.pageCount, first?.tags.length, getTopicLetterPage("t", 2)?.tags.length, third?.tags.length]).toEqual([
      3, 200, 200, 50,
    ]);
    expect(first?.tags.slice(0, 2).map((topic) => topic.name)).toEqual(["Tổ 000", "Tổ 001"]);
    expect(third?.tags.at(-1)?.name).toBe("Tổ 449");
    expect(first?.categories.map((topic) => topic.name)).toEqual(["Thời sự"]);
    expect(third?.categories).toEqual([]);
    expect(getTopicLetterPage("t", 4)).toBeNull();
    expect(getTopicLetterPage("e", 1)).toEqual({ page: 1, pageCount: 1, categories: [], tags: [] });
    expect(getTopicLetterPage("e", 2)).toBeNull();
    // What a publish refreshes: the page a tag is on; every later page of its letter too when the
    // tag itself appeared or went (each shifts by one); a section's letter is on the first page.
    const pagesFor = (key: string, appearedOrWent: boolean, kind: "tag" | "category" = "tag") =>
      topicLetterPagesFor(archiveCatalog(), kind, key, appearedOrWent);
    expect([pagesFor("to-000", false), pagesFor("to-250", false), pagesFor("to-250", true)]).toEqual([[1], [2], [2, 3]]);
    expect([pagesFor("to-100a", true), pagesFor("to-449", true), pagesFor("thoi-su", true, "category")]).toEqual([
      [1, 2, 3],
      [3],
      [1],
    ]);
  });

  it("keeps each person's rank and role as each report gave them, newest first", async () => {
    const archive = archiveFolder();
    archive.write("bai-cu", {
      date: day(1),
      attendees: [{ name: "Đinh Bạt Văn", rank: "Trung tá", role: "Phó Chỉ huy trưởng" }],
    });
    archive.write("bai-moi", {
      date: day(9),
      attendees: [{ name: "Đinh Bạt Văn", rank: "Thượng tá", role: "Chỉ huy trưởng" }],
    });
    archive.write("khong-cap-bac", { date: day(5), attendees: [{ name: "Đinh Bạt Văn" }] });
    await archive.publish();
    const page = getPersonPage("dinh-bat-van", 1);
    expect(page?.person).toEqual({ slug: "dinh-bat-van", name: "Đinh Bạt Văn", count: 3 });
    expect(page?.items.map(({ report, rank, role }) => [report.slug, rank, role])).toEqual([
      ["bai-moi", "Thượng tá", "Chỉ huy trưởng"],
      ["khong-cap-bac", null, null],
      ["bai-cu", "Trung tá", "Phó Chỉ huy trưởng"],
    ]);
    expect(getPersonPage("dinh-bat-van", 2)).toBeNull();
    expect(getPersonPage("khong-co-ai", 1)).toBeNull();
  });

  it("groups tags and categories by slug, newest first", async () => {
    const archive = archiveFolder();
    archive.write("a", { date: day(1), tags: ["Thành phố Vinh"], category: "Thời sự" });
    archive.write("b", { date: day(2), tags: ["Thành phố Vinh", "Giáo dục"], category: "Thời sự" });
    // Written differently, the same slug: the same tag.
    archive.write("c", { date: day(3), tags: ["thành phố Vinh"] });
    await archive.publish();
    const vinh = getTopicPage("tag", "thanh-pho-vinh", 1);
    expect(slugsOf(vinh?.reports)).toEqual(["c", "b", "a"]);
    expect(vinh?.total).toBe(3);
    expect(slugsOf(getTopicPage("category", "thoi-su", 1)?.reports)).toEqual(["b", "a"]);
    expect(slugsOf(getTopicPage("tag", "giao-duc", 1)?.reports)).toEqual(["b"]);
    expect(topicCounts("tag")).toEqual([
      ["giao-duc", 1],
      ["thanh-pho-vinh", 3],
    ]);
    // A tag is not a category.
    expect(getTopicPage("category", "thanh-pho-vinh", 1)).toBeNull();
  });
});

describe("related reports", () => {
  const person = (name: string): Attendee => ({ name });

  it("rank shared people above shared tags, exclude the report itself, and stop at three", async () => {
    const archive = archiveFolder();
    archive.write("chinh", { date: day(10), tags: ["An ninh"], attendees: [person("Trần Ngọc Tú")] });
    archive.write("cung-nguoi", { date: day(2), attendees: [person("Trần Ngọc Tú")] });
    archive.write("cung-the", { date: day(9), tags: ["An ninh"] });
    archive.write("ca-hai", { date: day(1), tags: ["An ninh"], attendees: [person("Trần Ngọc Tú")] });
    for (const n of [15, 16, 17]) archive.write(`them-${n}`, { date: day(n), tags: ["An ninh"] });
    archive.write("khong-lien-quan", { date: day(10), tags: ["Du lịch"] });
    // A draft sharing both is not published, so never related.
    archive.write("ban-nhap", {
      date: day(10),
      tags: ["An ninh"],
      attendees: [person("Trần Ngọc Tú")],
      draft: true,
    });
    await archive.publish();
    // Among equal scores, the report closest in time wins: cung-the (a day away) over them-15 (five).
    expect(slugsOf(getRelatedReports("chinh"))).toEqual(["ca-hai", "cung-nguoi", "cung-the"]);
    expect(getRelatedReports("khong-lien-quan")).toEqual([]);
    expect(getRelatedReports("ban-nhap")).toEqual([]);
    expect(getRelatedReports("khong-co-bai-nay")).toEqual([]);
  });
});

describe("counts and lists as files are written", () => {
  it("follow each write: a new report, a changed tag, a changed month", async () => {
    const archive = archiveFolder();
    archive.write("a", {
      date: day(10),
      tags: ["Giáo dục"],
      category: "Thời sự",
      attendees: [{ name: "Trần Ngọc Tú" }],
    });
    archive.write("b", { date: day(3, 2), tags: ["Giáo dục"] });
    await archive.publish();
    expect(topicCounts("tag")).toEqual([["giao-duc", 2]]);
    expect(topicCounts("category")).toEqual([["thoi-su", 1]]);
    expect(monthCounts()).toEqual([
      ["2021-02", 1],
      ["2021-01", 1],
    ]);
    expect(getReportPage(1)?.total).toBe(2);
    expect(getPerson("tran-ngoc-tu")?.count).toBe(1);

    // a moves to February and from one tag to another.
    archive.write("a", { date: day(20, 2), tags: ["Y tế"], category: "Thời sự" });
    await archive.publish();
    expect(topicCounts("tag")).toEqual([
      ["giao-duc", 1],
      ["y-te", 1],
    ]);
    expect(slugsOf(getTopicPage("tag", "giao-duc", 1)?.reports)).toEqual(["b"]);
    expect(monthCounts()).toEqual([["2021-02", 2]]);
    expect(getMonthReports(2021, 1)).toBeNull();
    expect(slugsOf(getMonthReports(2021, 2)?.items)).toEqual(["b", "a"]);
    // The person was dropped from a.
    expect(getPerson("tran-ngoc-tu")).toBeNull();

    archive.write("c", { date: day(1, 3), tags: ["Y tế"] });
    await archive.publish();
    expect(getReportPage(1)?.total).toBe(3);
    expect(slugsOf(getReportPage(1)?.reports)).toEqual(["c", "a", "b"]);
    expect(getTopicPage("tag", "y-te", 1)?.topic.count).toBe(2);
    expect(monthCounts()).toEqual([
      ["2021-03", 1],
      ["2021-02", 2],
    ]);
  });

  it("leave drafts out of every list and count until they are published", async () => {
    const archive = archiveFolder();
    archive.write("da-dang", { date: day(1), tags: ["Giáo dục"] });
    archive.write("nhap", {
      date: day(2),
      tags: ["Giáo dục", "Y tế"],
      category: "Thời sự",
      attendees: [{ name: "Trần Ngọc Tú" }],
      draft: true,
    });
    await archive.publish();
    const hidden = () => {
      expect(getReportSummaryBySlug("nhap")).toBeNull();
      expect(slugsOf(getReportPage(1)?.reports)).toEqual(["da-dang"]);
      expect(getReportPage(1)?.total).toBe(1);
      expect(topicCounts("tag")).toEqual([["giao-duc", 1]]);
      expect(topicCounts("category")).toEqual([]);
      expect(getPerson("tran-ngoc-tu")).toBeNull();
      expect(monthCounts()).toEqual([["2021-01", 1]]);
    };
    hidden();

    archive.write("nhap", {
      date: day(2),
      tags: ["Giáo dục", "Y tế"],
      category: "Thời sự",
      attendees: [{ name: "Trần Ngọc Tú" }],
    });
    await archive.publish();
    expect(getReportSummaryBySlug("nhap")?.draft).toBe(false);
    expect(getReportPage(1)?.total).toBe(2);
    expect(topicCounts("tag")).toEqual([
      ["giao-duc", 2],
      ["y-te", 1],
    ]);
    expect(topicCounts("category")).toEqual([["thoi-su", 1]]);
    expect(getPerson("tran-ngoc-tu")?.count).toBe(1);
    expect(monthCounts()).toEqual([["2021-01", 2]]);

    // Back to a draft: out of everything again.
    archive.write("nhap", { date: day(2), tags: ["Giáo dục", "Y tế"], draft: true });
    await archive.publish();
    hidden();
  });

  it("a file removed leaves its lists and counts", async () => {
    const archive = archiveFolder();
    archive.write("a", {
      date: day(1),
      tags: ["Giáo dục"],
      category: "Thời sự",
      attendees: [{ name: "Trần Ngọc Tú" }],
    });
    archive.write("b", { date: day(2, 2), tags: ["Giáo dục"], attendees: [{ name: "Trần Ngọc Tú" }] });
    await archive.publish();
    expect(slugsOf(getRelatedReports("b"))).toEqual(["a"]);

    archive.remove("a");
    await archive.publish();
    expect(getReportSummaryBySlug("a")).toBeNull();
    expect(getReportPage(1)?.total).toBe(1);
    expect(slugsOf(getTopicPage("tag", "giao-duc", 1)?.reports)).toEqual(["b"]);
    expect(topicCounts("tag")).toEqual([["giao-duc", 1]]);
    expect(topicCounts("category")).toEqual([]);
    expect(getTopicPage("category", "thoi-su", 1)).toBeNull();
    expect(getPersonPage("tran-ngoc-tu", 1)?.items.map((item) => item.report.slug)).toEqual(["b"]);
    expect(getPerson("tran-ngoc-tu")?.count).toBe(1);
    expect(monthCounts()).toEqual([["2021-02", 1]]);
    expect(getMonthReports(2021, 1)).toBeNull();
    expect(getRelatedReports("b")).toEqual([]);

    archive.remove("b");
    await archive.publish();
    expect(getReportPage(1)).toEqual({ reports: [], page: 1, pageCount: 1, total: 0 });
    expect([topicCounts("tag"), monthCounts(), getPeople()]).toEqual([[], [], []]);
  });

  it("of two files claiming one slug, the earlier read keeps it; the other shows when the first is removed", async () => {
    const archive = archiveFolder();
    // The file read first keeps the address, whatever the order of the names.
    archive.write("z-ban-goc", { title: "Bản gốc", slug: "dia-chi-chung", date: day(1), tags: ["Giáo dục"] });
    await archive.publish();
    archive.write("a-ban-sao", { title: "Bản sao", slug: "dia-chi-chung", date: day(3, 2), tags: ["Y tế"] });
    expect(await archive.publish()).toEqual([]);

    expect(getReportSummaryBySlug("dia-chi-chung")?.title).toBe("Bản gốc");
    expect(getReportPage(1)?.total).toBe(1);
    expect(topicCounts("tag")).toEqual([["giao-duc", 1]]);
    expect(monthCounts()).toEqual([["2021-01", 1]]);
    const duplicate = archiveProblems().problems;
    expect(duplicate).toEqual([expect.objectContaining({ file: "a-ban-sao.md", field: "slug" })]);
    expect(duplicate[0].message).toContain("z-ban-goc.md");

    archive.remove("z-ban-goc");
    const changes = await archive.publish();
    expect(
      changes.map(({ slug, before, after }) => [slug, before?.report.title, after?.report.title]),
    ).toEqual([["dia-chi-chung", "Bản gốc", "Bản sao"]]);
    expect(getReportSummaryBySlug("dia-chi-chung")?.title).toBe("Bản sao");
    expect(getReportPage(1)?.total).toBe(1);
    expect(topicCounts("tag")).toEqual([["y-te", 1]]);
    expect(monthCounts()).toEqual([["2021-02", 1]]);
    expect(archiveProblems().problems).toEqual([]);
  });
});

describe("a broken edit and a changed slug", () => {
  it("a file that breaks keeps its last good version in its lists until it is fixed", async () => {
    const archive = archiveFolder();
    archive.write("a", { title: "Bản đầu", date: day(1), tags: ["Giáo dục"] });
    await archive.publish();
    // The date no longer parses: readers keep the last good version, and its lists.
    archive.write("a", { title: "Bản hỏng", date: "32/13/2021", tags: ["Y tế"] });
    expect(await archive.publish()).toEqual([]);
    expect(getReportSummaryBySlug("a")?.title).toBe("Bản đầu");
    expect(topicCounts("tag")).toEqual([["giao-duc", 1]]);
    expect(archiveProblems().online).toEqual(new Set(["a.md"]));

    archive.write("a", { title: "Bản sửa", date: day(2), tags: ["Y tế"] });
    await archive.publish();
    expect(getReportSummaryBySlug("a")?.title).toBe("Bản sửa");
    expect(topicCounts("tag")).toEqual([["y-te", 1]]);
    expect(archiveProblems().problems).toEqual([]);
  });

  it("a report that takes another slug gives its old one to the file that also claimed it", async () => {
    const archive = archiveFolder();
    archive.write("z-ban-goc", { title: "Bản gốc", slug: "dia-chi-chung", date: day(1) });
    await archive.publish();
    archive.write("a-ban-sao", { title: "Bản sao", slug: "dia-chi-chung", date: day(2) });
    await archive.publish();
    archive.write("z-ban-goc", { title: "Bản gốc", slug: "dia-chi-moi", date: day(1) });
    await archive.publish();
    expect(getReportSummaryBySlug("dia-chi-chung")?.title).toBe("Bản sao");
    expect(getReportSummaryBySlug("dia-chi-moi")?.title).toBe("Bản gốc");
    expect(slugsOf(getReportPage(1)?.reports)).toEqual(["dia-chi-chung", "dia-chi-moi"]);
    expect(archiveProblems().problems).toEqual([]);
  });
});

describe("reading time", () => {
  it("is at least one minute, at about 220 words a minute", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(650)).toBe(3);
    expect(readingMinutes(1000)).toBe(5);
  });
});

describe("a month's and a list's year, in pages that keep their reports", () => {
  const MARCH = 230;
  /** Report n of March 2021: one every three hours from the 1st, in order. */
  const march = (n: number) => {
    const at = new Date(Date.UTC(2021, 2, 1, 1) + n * 3 * 3_600_000);
    return at.toISOString().replace(".000Z", "Z");
  };
  const fill = async () => {
    const archive = archiveFolder();
    for (let n = 0; n < MARCH; n += 1) {
      archive.write(`thang-ba-${String(n).padStart(3, "0")}`, {
        date: march(n),
        category: "Thời sự",
        tags: ["Quốc phòng"],
        attendees: [{ name: "Trần Ngọc Tú" }],
      });
    }
    await archive.publish();
    return archive;
  };

  it("are read oldest first, 100 to a page, the last page holding the rest", async () => {
    await fill();
    const pages = [1, 2, 3].map((page) => getMonthReports(2021, 3, page));
    expect(pages.map((page) => page?.items.length)).toEqual([100, 100, 30]);
    expect(pages.map((page) => page?.hasNext)).toEqual([true, true, false]);
    expect(pages[0]?.items[0].slug).toBe("thang-ba-000");
    expect(pages[2]?.items.at(-1)?.slug).toBe("thang-ba-229");
    const dates = pages.flatMap((page) => page?.items ?? []).map((report) => report.date.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(getMonthReports(2021, 3, 4)).toBeNull();
    expect(getMonthReports(2021, 3, 0)).toBeNull();

    expect(getTopicYear("tag", "quoc-phong", 2021, 3)?.reports.items).toHaveLength(30);
    expect(getPersonYear("tran-ngoc-tu", 2021, 2)?.items.items[0].report.slug).toBe("thang-ba-100");
    expect(getTopicPage("category", "thoi-su", 1)?.years).toEqual([{ year: 2021, count: MARCH }]);
    expect(getTopicYear("tag", "quoc-phong", 2020)).toBeNull();
  });

  it("a numbered page past the cap moves to the page of the month or year holding its first report", async () => {
    await fill();
    // /trang/11 opened with the 201st newest, index 29 of March oldest first: page 1.
    expect(movedPage("/trang/11")).toBe("/luu-tru/2021/03");
    // A list's /trang/4 opened with its 61st newest, index 169: the year's page 2.
    expect(movedPage("/chu-de/quoc-phong/trang/4")).toBe("/chu-de/quoc-phong/nam/2021/trang/2");
    expect(movedPage("/nguoi/tran-ngoc-tu/trang/12")).toBe("/nguoi/tran-ngoc-tu/nam/2021");
    expect(movedPage("/trang/3")).toBeNull();
  });

  it("a new report at the end of the month refreshes the period's last page, not the others", async () => {
    const archive = await fill();
    archive.write("thang-ba-moi", { date: "2021-03-31T20:00:00+07:00", category: "Thời sự", tags: ["Quốc phòng"] });
    const [change] = await archive.publish();
    const stale = pagesForChange(change).filter((path) => /\/nam\/|\/luu-tru\/\d/.test(path));
    expect(stale.sort()).toEqual([
      "/chu-de/quoc-phong/nam/2021/trang/3",
      "/chuyen-muc/thoi-su/nam/2021/trang/3",
      "/luu-tru/2021/03/trang/3",
    ]);
  });

  it("one that opens a new page refreshes the page before too; one backdated, every page from its own", async () => {
    const archive = await fill();
    // 70 more between the first ones: three full pages.
    for (let n = 0; n < 70; n += 1)
      archive.write(`them-${n}`, { date: march(n).replace(/T(\d\d):00/, "T$1:30"), category: "Thời sự" });
    await archive.publish();
    archive.write("trang-bon", { date: "2021-03-31T23:00:00+07:00", category: "Thời sự" });
    const [added] = await archive.publish();
    expect(pagesForChange(added).filter((path) => path.startsWith("/luu-tru/2021/03")).sort()).toEqual([
      "/luu-tru/2021/03/trang/3",
      "/luu-tru/2021/03/trang/4",
    ]);
    archive.write("dau-thang", { date: "2021-03-01T07:00:00+07:00", category: "Thời sự" });
    const [backdated] = await archive.publish();
    expect(pagesForChange(backdated).filter((path) => path.startsWith("/luu-tru/2021/03")).sort()).toEqual([
      "/luu-tru/2021/03",
      "/luu-tru/2021/03/trang/2",
      "/luu-tru/2021/03/trang/3",
      "/luu-tru/2021/03/trang/4",
    ]);
  });
});
