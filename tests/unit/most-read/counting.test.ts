import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMostRead } from "@/lib/most-read";
import { ViewCounter } from "@/lib/most-read/counter";
import { RedisViewStore, SqliteViewStore, type ViewStore } from "@/lib/most-read/stores";
import {
  addUp,
  capKey,
  HOUR_MS,
  hourOf,
  isBotAgent,
  isPrefetch,
  VIEWS_PER_ADDRESS_PER_HOUR,
  WINDOWS,
} from "@/lib/most-read/views";
import { freePort } from "../../../tools/stack";
import { stubFoldersForAll } from "../support/environment";
import { REPO_CONTENT, REPO_PUBLIC, SEED_SLUG } from "../support/paths";
import { temporaryFolderForAll } from "../support/temporary-folder";

stubFoldersForAll({ content: REPO_CONTENT, public: REPO_PUBLIC });

// The middle of this hour (Redis expires keys by the real clock), so that "an hour ago" is always
// the previous bucket.
const NOW = hourOf(Date.now()) * HOUR_MS + HOUR_MS / 2;
const hoursAgo = (hours: number) => NOW - hours * HOUR_MS;

const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const COC_COC =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/136.0.0 Chrome/130.0.0.0 Safari/537.36";

describe("what counts as a reader's view", () => {
  it("a phone's or a desktop browser's agent is a reader", () => {
    for (const agent of [ANDROID_CHROME, IPHONE_SAFARI, COC_COC]) expect(isBotAgent(agent)).toBe(false);
  });

  it("crawlers, link previews, headless browsers, scripts and a missing agent are not", () => {
    for (const agent of [
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
      "Zalo-Preview/1.0",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse",
      "curl/8.5.0",
      "python-requests/2.32.3",
      "",
      undefined,
    ]) {
      expect(isBotAgent(agent), String(agent)).toBe(true);
    }
  });

  it("a prefetch or prerender, in any of the headers browsers use, is not a view", () => {
    const headers = (pairs: Record<string, string>) => (name: string) => pairs[name];
    expect(isPrefetch(headers({ "sec-purpose": "prefetch" }))).toBe(true);
    expect(isPrefetch(headers({ "sec-purpose": "prefetch;prerender" }))).toBe(true);
    expect(isPrefetch(headers({ purpose: "prefetch" }))).toBe(true);
    expect(isPrefetch(headers({ "x-moz": "prefetch" }))).toBe(true);
    expect(isPrefetch(headers({ "x-purpose": "preview" }))).toBe(true);
    expect(isPrefetch(headers({ accept: "*/*" }))).toBe(false);
  });

  it("views fall in hour buckets: the same hour shares a bucket, the next hour starts another", () => {
    expect(hourOf(Date.UTC(2026, 11, 1, 9, 0))).toBe(hourOf(Date.UTC(2026, 11, 1, 9, 59, 59, 999)));
    expect(hourOf(Date.UTC(2026, 11, 1, 10, 0))).toBe(hourOf(Date.UTC(2026, 11, 1, 9, 59)) + 1);
  });

  it("the cap's key never holds the address, and changes with the hour, the report and the secret", () => {
    const key = capKey("bí mật", "113.160.12.34", "bai-a", 100);
    expect(key).not.toContain("113");
    expect(key).toBe(capKey("bí mật", "113.160.12.34", "bai-a", 100));
    expect(
      new Set([
        key,
        capKey("bí mật", "113.160.12.34", "bai-a", 101),
        capKey("bí mật", "113.160.12.34", "bai-b", 100),
        capKey("khác", "113.160.12.34", "bai-a", 100),
      ]).size,
    ).toBe(4);
  });

  it("totals add up the hours, most viewed first, ties by address", () => {
    expect(
      addUp(
        [
          { b: 2, a: 1 },
          { a: "1", c: 5 },
        ],
        2,
      ),
    ).toEqual([
      { slug: "c", views: 5 },
      { slug: "a", views: 2 },
    ]);
  });
});

/** The counting and the lists, the same on each store. */
function countingOn(open: () => Promise<ViewStore>, { sharedCap }: { sharedCap: boolean }) {
  let store: ViewStore;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(() => store.close());

  const counted = async (store: ViewStore, views: Array<[address: string, slug: string, at: number]>) => {
    const counter = new ViewCounter(store);
    // The store's secret first: nothing is counted before it.
    await counter.flush();
    const results = views.map(([address, slug, at]) => counter.count(address, slug, at));
    await counter.flush();
    return results.filter(Boolean).length;
  };

  it("the day's list holds the last 24 hours, the week's the last 168; older views count in neither", async () => {
    await counted(store, [
      ["10.0.0.1", "bai-moi", NOW],
      ["10.0.0.2", "bai-moi", hoursAgo(1)],
      ["10.0.0.3", "bai-hom-qua", hoursAgo(WINDOWS.day - 1)],
      ["10.0.0.4", "bai-tuan-truoc", hoursAgo(WINDOWS.day)],
      ["10.0.0.5", "bai-tuan-truoc", hoursAgo(WINDOWS.week - 1)],
      ["10.0.0.6", "bai-tuan-truoc", hoursAgo(WINDOWS.week - 1)],
      ["10.0.0.7", "bai-cu", hoursAgo(WINDOWS.week)],
    ]);
    const hour = hourOf(NOW);
    const hours = await store.hours(hour - WINDOWS.week + 1, hour);
    expect(hours).toHaveLength(WINDOWS.week);
    expect(addUp(hours.slice(-WINDOWS.day), 10)).toEqual([
      { slug: "bai-moi", views: 2 },
      { slug: "bai-hom-qua", views: 1 },
    ]);
    expect(addUp(hours, 10)).toEqual([
      { slug: "bai-tuan-truoc", views: 3 },
      { slug: "bai-moi", views: 2 },
      { slug: "bai-hom-qua", views: 1 },
    ]);
  });

  it(`one address counts at most ${VIEWS_PER_ADDRESS_PER_HOUR} views of a report an hour; other addresses, reports and hours count apart`, async () => {
    const flood = Array.from({ length: 500 }, (): [string, string, number] => [
      "203.0.113.9",
      "bai-bi-don",
      NOW,
    ]);
    expect(
      await counted(store, [
        ...flood,
        ["203.0.113.9", "bai-khac", NOW],
        ["198.51.100.1", "bai-bi-don", NOW],
        ["203.0.113.9", "bai-bi-don", hoursAgo(1)],
      ]),
    ).toBe(VIEWS_PER_ADDRESS_PER_HOUR + 3);
    const hour = hourOf(NOW);
    const day = addUp(await store.hours(hour - 1, hour), 10);
    expect(day.find((total) => total.slug === "bai-bi-don")?.views).toBe(VIEWS_PER_ADDRESS_PER_HOUR + 2);
  });

  it(
    sharedCap
      ? "the cap holds across instances: a flood spread over two counters counts the cap once"
      : "the cap is each instance's own: a flood spread over two counters counts it once per counter",
    async () => {
      const first = new ViewCounter(store);
      const second = new ViewCounter(store);
      // Each takes the store's secret, as it does after its first second.
      await Promise.all([first.flush(), second.flush()]);
      expect(first.count("192.0.2.77", "bai-hai-may", NOW)).toBe(true);
      for (let i = 1; i < 100; i += 1) (i % 2 ? first : second).count("192.0.2.77", "bai-hai-may", NOW);
      await Promise.all([first.flush(), second.flush()]);
      const hour = hourOf(NOW);
      const [counts] = await store.hours(hour, hour);
      expect(Number(counts["bai-hai-may"])).toBe(VIEWS_PER_ADDRESS_PER_HOUR * (sharedCap ? 1 : 2));
    },
  );

  it("the lists name published reports only, with their titles", async () => {
    await counted(store, [
      ["10.1.0.1", SEED_SLUG, NOW],
      ["10.1.0.2", "khong-co-bai-nay", NOW],
      ["10.1.0.3", "khong-co-bai-nay", NOW],
    ]);
    const lists = await readMostRead(store, NOW);
    expect(lists.day.map((entry) => entry.report.slug)).toEqual([SEED_SLUG]);
    expect(lists.day[0].report.title).toContain("UBND thành phố Vinh");
    expect(lists.week.map((entry) => entry.report.slug)).toEqual([SEED_SLUG]);
  });
}

describe("counting in SQLite", () => {
  const folder = temporaryFolderForAll("luot-xem-");
  const file = path.join(folder, "luot-xem.sqlite");
  countingOn(async () => new SqliteViewStore(file), { sharedCap: false });

  it("a counter counts nothing until it has its store's secret, which it asks for at once", async () => {
    const store = new SqliteViewStore(path.join(folder, "moi-khoi-dong.sqlite"));
    const counter = new ViewCounter(store);
    expect(counter.count("10.2.0.1", "bai-a", NOW)).toBe(false);
    await counter.flush();
    expect(counter.count("10.2.0.1", "bai-a", NOW)).toBe(true);
    await counter.close();
  });

  it("keeps one row per report per hour: no address, no agent, no time finer than the hour", () => {
    const db = new Database(file, { readonly: true });
    const columns = (db.prepare("PRAGMA table_info(views)").all() as Array<{ name: string }>).map(
      (column) => column.name,
    );
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    db.close();
    expect(columns).toEqual(["hour", "slug", "views"]);
    expect(tables).toEqual([{ name: "views" }]);
  });
});

const REDIS_SERVER = "/usr/bin/redis-server";

describe.skipIf(!existsSync(REDIS_SERVER))("counting in Redis", () => {
  let redis: ChildProcess;
  let url = "";
  beforeAll(async () => {
    const port = await freePort();
    redis = spawn(
      REDIS_SERVER,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
    url = `redis://127.0.0.1:${port}`;
  });
  afterAll(() => {
    redis.kill();
  });

  countingOn(
    async () => {
      // Until the server answers.
      for (let attempt = 0; ; attempt += 1) {
        const store = new RedisViewStore(url);
        try {
          await store.secret();
          return store;
        } catch (error) {
          await store.close();
          if (attempt > 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    { sharedCap: true },
  );
});
