import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getReportSummaryBySlug } from "@/lib/content";
import {
  dueReportFiles,
  refreshArchive,
  scheduledReportFiles,
  startLiveArchive,
} from "@/lib/content/refresh";
import { stalePaths } from "@/lib/publishing/stale-paths";
import { stubFoldersForAll } from "../support/environment";
import { REPO_PUBLIC } from "../support/paths";
import { temporaryFolderForAll } from "../support/temporary-folder";

// Scheduled publishing (issue 27) through the real loader and store: a released report dated
// later is hidden until its time, then read again and published like a new one; on a server whose
// own time zone is not Vietnam's, and after a restart that came when the time had passed.

const folder = temporaryFolderForAll("hen-gio-");
stubFoldersForAll({ content: folder, public: REPO_PUBLIC });

const NOW = new Date("2026-12-06T03:00:00Z");
const write = (slug: string, date: string, extra = "") =>
  writeFileSync(
    path.join(folder, `${slug}.md`),
    `---\ntitle: "Bài ${slug}"\ndate: ${date}\ncategory: Thời sự\n${extra}---\n\nĐoạn văn của bài ${slug}.\n`,
  );
const at = (iso: string) => vi.setSystemTime(new Date(iso));
const shown = (slug: string) => getReportSummaryBySlug(slug) !== null;

beforeAll(async () => {
  // Dates without a zone are Vietnam's, whatever the server's.
  vi.stubEnv("TZ", "America/Los_Angeles");
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  write("da-dang-tu-truoc", "2026-12-05T08:00");
  // 10:30 in Vietnam is 03:30 UTC.
  write("hen-gio", "2026-12-06T10:30", "status: da-dang\n");
  write("hen-gio-ban-nhap", "2026-12-06T10:30", "draft: true\n");
  startLiveArchive();
  await refreshArchive("all", new Set());
});

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("a report dated later", () => {
  it("is hidden and listed as scheduled, at its time in Vietnam", () => {
    expect(shown("da-dang-tu-truoc")).toBe(true);
    expect(shown("hen-gio")).toBe(false);
    expect(scheduledReportFiles()).toEqual([{ file: "hen-gio.md", due: new Date("2026-12-06T03:30:00Z") }]);
    expect(dueReportFiles(10)).toEqual([]);
  });

  it("is not due a second early, is due at its time, and is then published like a new report", async () => {
    at("2026-12-06T03:29:59Z");
    expect(dueReportFiles(10)).toEqual([]);
    at("2026-12-06T03:30:00Z");
    expect(dueReportFiles(10)).toEqual(["hen-gio.md"]);
    const changes = await refreshArchive(new Set(dueReportFiles(10)), new Set());
    expect(changes.map((change) => change.slug)).toEqual(["hen-gio"]);
    expect(stalePaths(changes)).toEqual(expect.arrayContaining(["/", "/bai-viet/hen-gio", "/feed.xml"]));
    expect(shown("hen-gio")).toBe(true);
    expect(dueReportFiles(10)).toEqual([]);
    expect(scheduledReportFiles()).toEqual([]);
    // A draft dated then stays a draft.
    expect(shown("hen-gio-ban-nhap")).toBe(false);
  });

  it("is published by the first look at the folder after a start that came once its time had passed", async () => {
    at("2026-12-06T04:00:00Z");
    write("hen-gio-luc-tat-may", "2026-12-06T11:15", "status: da-dang\n");
    await refreshArchive("all", new Set());
    expect(shown("hen-gio-luc-tat-may")).toBe(false);
    // Every server stopped meanwhile: the time passes, then a start looks at the whole folder.
    at("2026-12-06T05:00:00Z");
    const changes = await refreshArchive("all", new Set());
    expect(changes.map((change) => change.slug)).toEqual(["hen-gio-luc-tat-may"]);
    expect(shown("hen-gio-luc-tat-may")).toBe(true);
  });
});
