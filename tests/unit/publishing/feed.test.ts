import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { GET } from "@/app/feed.xml/route";
import type { ReportSummary } from "@/lib/content";
import { loadReport } from "@/lib/content/refresh";
import { buildRssFeed, toRfc822 } from "@/lib/feed";
import { stubFolders, stubFoldersForAll } from "../support/environment";
import { REPO_CONTENT, REPO_PUBLIC, SEED_FILE } from "../support/paths";

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["item", "atom:link"].includes(name),
});

interface Channel {
  lastBuildDate: string;
  "atom:link": Array<{ "@_href": string; "@_rel": string }>;
  item?: unknown[];
}
const channelOf = (xml: string) => (parser.parse(xml) as { rss: { channel: Channel } }).rss.channel;

let seed: ReportSummary;
stubFoldersForAll({ content: REPO_CONTENT, public: REPO_PUBLIC });
beforeAll(() => {
  const { report } = loadReport(REPO_CONTENT, SEED_FILE);
  if (!report) throw new Error("the seed report does not load");
  seed = report;
});

/** The seed under another address and dates: what the feed reads of a report. */
const report = (slug: string, date: string, updated: string | null = null): ReportSummary => ({
  ...seed,
  slug,
  date: new Date(date),
  updated: updated ? new Date(updated) : null,
});

describe("the feed's lastBuildDate follows the newest change", () => {
  it("an older report updated since the newest one was published", () => {
    const feed = buildRssFeed([
      report("moi-nhat", "2026-12-06T08:00:00+07:00"),
      report("cu-hon", "2026-12-05T08:00:00+07:00", "2026-12-06T09:30:00+07:00"),
    ]);
    expect(channelOf(feed).lastBuildDate).toBe("Sun, 06 Dec 2026 09:30:00 +0700");
  });

  it("the newest report's date when no report was updated since", () => {
    const feed = buildRssFeed([
      report("moi-nhat", "2026-12-06T08:00:00+07:00"),
      report("cu-hon", "2026-12-04T08:00:00+07:00", "2026-12-05T10:00:00+07:00"),
    ]);
    expect(channelOf(feed).lastBuildDate).toBe("Sun, 06 Dec 2026 08:00:00 +0700");
  });

  it("only the reports it lists count, and with none, when it was built", () => {
    const listed = Array.from({ length: 50 }, (_, n) => report(`bai-${n}`, "2026-12-01T08:00:00+07:00"));
    const unlisted = report("bai-ngoai", "2026-11-01T08:00:00+07:00", "2026-12-06T12:00:00+07:00");
    expect(channelOf(buildRssFeed([...listed, unlisted])).lastBuildDate).toBe(
      "Tue, 01 Dec 2026 08:00:00 +0700",
    );
    const now = new Date("2026-12-06T03:00:00Z");
    expect(channelOf(buildRssFeed([], { now })).lastBuildDate).toBe(toRfc822(now));
  });
});

describe("the feed names its WebSub hub", () => {
  it("as an atom:link rel=hub beside rel=self, its address escaped", () => {
    const hub = "https://hub.example/publish?topic=tin&lang=vi";
    const feed = buildRssFeed([report("bai", "2026-12-06T08:00:00+07:00")], { hub });
    expect(feed).toContain('href="https://hub.example/publish?topic=tin&amp;lang=vi" rel="hub"');
    expect(channelOf(feed)["atom:link"]).toEqual([
      expect.objectContaining({ "@_rel": "self", "@_href": "http://localhost:3000/feed.xml" }),
      { "@_href": hub, "@_rel": "hub" },
    ]);
  });

  it("no hub link when there is none", () => {
    const feed = buildRssFeed([report("bai", "2026-12-06T08:00:00+07:00")]);
    expect(channelOf(feed)["atom:link"].map((link) => link["@_rel"])).toEqual(["self"]);
  });

  it("the feed route takes the hub WEBSUB_HUB sets, and leaves it out when it is off", async () => {
    stubFolders({ content: REPO_CONTENT, public: REPO_PUBLIC });
    const before = process.env.WEBSUB_HUB;
    onTestFinished(() => void vi.stubEnv("WEBSUB_HUB", before));
    vi.stubEnv("WEBSUB_HUB", "https://hub.example/");
    const named = channelOf(await GET().text());
    expect(named["atom:link"]).toContainEqual({ "@_href": "https://hub.example/", "@_rel": "hub" });
    expect(named.item).toHaveLength(1);
    vi.stubEnv("WEBSUB_HUB", "off");
    expect(channelOf(await GET().text())["atom:link"].map((link) => link["@_rel"])).toEqual(["self"]);
  });
});
