import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AddressChange, PublishedVersion } from "@/lib/content/refresh";
import { startAnnouncing } from "@/lib/notify/announcer";
import { AnnouncementClaims } from "@/lib/notify/claims";
import { indexNowKey } from "@/lib/notify/indexnow-key";
import { keyFileText } from "@/lib/notify/key-file";
import { indexNowEndpoint, webSubHub } from "@/lib/notify/settings";
import { type StandInReceiver, startStandInReceiver } from "@/tools/stand-in-receiver";
import { stubFolders } from "../support/environment";
import { temporaryFolder } from "../support/temporary-folder";

// Two "instances" sharing the editors' data folder announce the same publishing pass to a real
// HTTP server on 127.0.0.1 standing in for IndexNow and the hub: one of each request arrives.

let standIn: StandInReceiver;
let origin = "";
const received = () => standIn.received;

beforeAll(async () => {
  standIn = await startStandInReceiver();
  origin = standIn.origin;
});
afterAll(async () => {
  await standIn.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const version = (slug: string, number: number): PublishedVersion => ({
  version: number,
  report: { slug, title: slug, date: new Date() } as PublishedVersion["report"],
});

describe("announcing a publishing pass", () => {
  it("is off on a site that is not https, unless an address is given; “off” turns it off", () => {
    expect(indexNowEndpoint({})).toBeNull();
    expect(webSubHub({})).toBeNull();
    expect(indexNowEndpoint({ INDEXNOW_ENDPOINT: "http://127.0.0.1:9/indexnow" })).toBe(
      "http://127.0.0.1:9/indexnow",
    );
    expect(webSubHub({ WEBSUB_HUB: "off" })).toBeNull();
    expect(() => indexNowEndpoint({ INDEXNOW_ENDPOINT: "ftp://x" })).toThrow(/INDEXNOW_ENDPOINT/);
  });

  it("sends one IndexNow submission and one hub ping, whichever instance saw the change first", async () => {
    const data = temporaryFolder("thong-bao-");
    stubFolders({ editorData: data });
    vi.stubEnv("INDEXNOW_ENDPOINT", `${origin}/indexnow`);
    vi.stubEnv("WEBSUB_HUB", `${origin}/hub`);
    const lines: string[] = [];
    const first = startAnnouncing((line) => lines.push(line), { claims: new AnnouncementClaims() });
    const second = startAnnouncing((line) => lines.push(line), { claims: new AnnouncementClaims() });
    const changes: AddressChange[] = [
      { slug: "bai-moi", before: null, after: version("bai-moi", 7) },
      { slug: "bai-sua", before: version("bai-sua", 3), after: version("bai-sua", 8) },
      { slug: "bai-xoa", before: version("bai-xoa", 4), after: null },
    ];
    first?.announce(changes, ["/", "/feed.xml"], "kho-1");
    second?.announce(changes, ["/", "/feed.xml"], "kho-1");
    // A change the pass did not touch the feed with: IndexNow only.
    first?.announce(
      [{ slug: "bai-cu", before: version("bai-cu", 1), after: version("bai-cu", 9) }],
      ["/bai-viet/bai-cu"],
      "kho-1",
    );
    await Promise.all([first?.idle(), second?.idle()]);

    const key = readFileSync(path.join(data, "indexnow-key.txt"), "utf8");
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(received().map(({ path: at, contentType }) => [at, contentType])).toEqual([
      ["/indexnow", "application/json; charset=utf-8"],
      ["/hub", "application/x-www-form-urlencoded"],
    ]);
    expect(JSON.parse(received()[0].body)).toEqual({
      host: "localhost:3000",
      key,
      keyLocation: `http://localhost:3000/${key}.txt`,
      urlList: [
        "http://localhost:3000/bai-viet/bai-moi",
        "http://localhost:3000/bai-viet/bai-sua",
        "http://localhost:3000/bai-viet/bai-xoa",
        "http://localhost:3000/bai-viet/bai-cu",
      ],
    });
    expect(received()[1].body).toBe("hub.mode=publish&hub.url=http%3A%2F%2Flocalhost%3A3000%2Ffeed.xml");
    expect(lines.filter((line) => line.includes("lần"))).toEqual([
      `IndexNow ${origin}/indexnow: 4 địa chỉ, lần 1: nhận (200)`,
      `WebSub ${origin}/hub: 1 địa chỉ, lần 1: nhận (204)`,
    ]);
    // The same change again (an instance catching up late) is not announced twice.
    received().length = 0;
    first?.announce(changes, ["/feed.xml"], "kho-1");
    await first?.idle();
    expect(received()).toEqual([]);
  });

  it("serves the key file only at the key's own address, and only while IndexNow is on", () => {
    stubFolders({ editorData: temporaryFolder("khoa-") });
    vi.stubEnv("INDEXNOW_KEY", "khoa-cua-tin-xu-nghe-2026");
    expect(keyFileText("/khoa-cua-tin-xu-nghe-2026.txt")).toBeNull();
    vi.stubEnv("INDEXNOW_ENDPOINT", "http://127.0.0.1:9/indexnow");
    expect(keyFileText("/khoa-cua-tin-xu-nghe-2026.txt")).toBe("khoa-cua-tin-xu-nghe-2026");
    expect(keyFileText("/khoa-khac-hoan-toan.txt")).toBeNull();
    expect(keyFileText("/robots.txt")).toBeNull();
    vi.stubEnv("INDEXNOW_KEY", "ngắn");
    expect(() => indexNowKey()).toThrow(/INDEXNOW_KEY/);
  });

  it("makes a key once and keeps it", () => {
    const data = temporaryFolder("khoa-moi-");
    stubFolders({ editorData: data });
    const made = indexNowKey({});
    expect(indexNowKey({})).toBe(made);
    expect(readFileSync(path.join(data, "indexnow-key.txt"), "utf8")).toBe(made);
  });
});
