import { type ChildProcess, spawn } from "node:child_process";
import { createSocket, type Socket } from "node:dgram";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { beaconUrl } from "@/lib/most-read/beacon-address";
import { SqliteViewStore } from "@/lib/most-read/stores";
import { beaconFromLogLine } from "@/lib/most-read/view-log";
import { hourOf } from "@/lib/most-read/views";
import { receiveViewLog } from "@/lib/server/view-log-receiver";
import { freePort, nginxPrefixFor } from "../../../tools/stack";
import { stubFoldersForAll } from "../support/environment";
import { REPO_CONTENT, REPO_PUBLIC, SEED_SLUG } from "../support/paths";
import { temporaryFolderForAll } from "../support/temporary-folder";

// The view beacons nginx answers itself and hands on as log lines over loopback UDP
// (lib/most-read/view-log.ts): the line nginx really writes, what is read from it, and the
// receiving instance counting it in its store.

const NGINX = "/usr/sbin/nginx";
/** Each test here waits on a real nginx, socket or counter: at most a third of these on this machine. */
const HOOK_TIMEOUT_MS = 30_000;
const TEST_TIMEOUT_MS = 15_000;
const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

/** A line as nginx frames it: syslog priority, time, tag, then our JSON. */
const line = (fields: Record<string, string>) =>
  `<190>Dec  6 21:04:05 luot_xem: ${JSON.stringify({
    bai: "",
    ua: ANDROID_CHROME,
    dia_chi: "203.0.113.9",
    sec_purpose: "",
    purpose: "",
    x_purpose: "",
    x_moz: "",
    ...fields,
  })}`;

describe("a view beacon's log line", () => {
  it("gives the report, the agent and the address", () => {
    const beacon = beaconFromLogLine(line({ bai: "ubnd-vinh-tong-ket" }));
    expect(beacon?.slug).toBe("ubnd-vinh-tong-ket");
    expect(beacon?.userAgent).toBe(ANDROID_CHROME);
    expect(beacon?.address).toBe("203.0.113.9");
    expect(beacon?.header("Sec-Purpose")).toBe("");
  });

  it("decodes the slug as the page encoded it, and a broken encoding names no report", () => {
    const query = new URL(beaconUrl("bài viết"), "http://localhost").search.slice("?bai=".length);
    expect(beaconFromLogLine(line({ bai: query }))?.slug).toBe("bài viết");
    expect(beaconFromLogLine(line({ bai: "%E0%A4%A" }))?.slug).toBe("");
  });

  it("carries the prefetch headers through to the same check a posted beacon gets", () => {
    const beacon = beaconFromLogLine(line({ bai: "a", sec_purpose: "prefetch;prerender" }));
    expect(beacon?.header("sec-purpose")).toBe("prefetch;prerender");
  });

  it("is nothing when it is not one of ours: no JSON, no address, a JSON that is not an object", () => {
    expect(beaconFromLogLine("<190>Dec  6 21:04:05 luot_xem: hello")).toBeNull();
    expect(beaconFromLogLine(line({ dia_chi: "" }))).toBeNull();
    expect(beaconFromLogLine('<190>x: {"bai":')).toBeNull();
    expect(beaconFromLogLine("{}")).toBeNull();
  });
});

function receiveOne(socket: Socket, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off("message", take);
      resolve(null);
    }, timeoutMs);
    const take = (message: Buffer) => {
      clearTimeout(timer);
      resolve(message.toString("utf8"));
    };
    socket.once("message", take);
  });
}

describe.skipIf(!existsSync(NGINX))(
  "nginx answers the beacon and sends its line (deploy/nginx/nginx.conf)",
  () => {
    let nginx: ChildProcess;
    let socket: Socket;
    let origin = "";
    const prefix = mkdtempSync(path.join(tmpdir(), "nginx-view-log-"));

    beforeAll(async () => {
      socket = createSocket("udp4");
      await new Promise<void>((resolve) => socket.bind({ address: "127.0.0.1", port: 0 }, resolve));
      const port = await freePort();
      // No instance listens on the upstream's port: the beacon must not need one.
      const args = nginxPrefixFor(prefix, {
        port,
        host: "127.0.0.1",
        appPorts: [await freePort()],
        viewLogPort: socket.address().port,
      });
      nginx = spawn(NGINX, [...args, "-g", "daemon off;"], { stdio: "ignore" });
      origin = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 10_000;
      while (
        !(await fetch(`${origin}/api/luot-xem`).then(
          () => true,
          () => false,
        ))
      ) {
        if (Date.now() > deadline) throw new Error("nginx did not answer within 10 s");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }, HOOK_TIMEOUT_MS);

    afterAll(() => {
      nginx?.kill();
      socket?.close();
      rmSync(prefix, { recursive: true, force: true });
    });

    it("204 with no instance behind it, and one line that reads back as the beacon", async () => {
      const received = receiveOne(socket, 5_000);
      const response = await fetch(`${origin}${beaconUrl(SEED_SLUG)}`, {
        method: "POST",
        headers: { "User-Agent": `${ANDROID_CHROME} "quoted"`, "Sec-Purpose": "prefetch" },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const text = await received;
      expect(text).toMatch(/^<\d+>.*luot_xem: \{/);
      const beacon = beaconFromLogLine(text ?? "");
      expect(beacon?.slug).toBe(SEED_SLUG);
      expect(beacon?.userAgent).toBe(`${ANDROID_CHROME} "quoted"`);
      expect(beacon?.address).toBe("127.0.0.1");
      expect(beacon?.header("sec-purpose")).toBe("prefetch");
    });

    it(
      "a GET is refused (405) and sends no line",
      async () => {
        const received = receiveOne(socket, 1_000);
        expect((await fetch(`${origin}${beaconUrl(SEED_SLUG)}`)).status).toBe(405);
        expect(await received).toBeNull();
      },
      TEST_TIMEOUT_MS,
    );
  },
);

describe("the counting instance", () => {
  const data = temporaryFolderForAll("luot-xem-udp-");
  stubFoldersForAll({ content: REPO_CONTENT, public: REPO_PUBLIC, editorData: data });

  it(
    "counts each line it receives as a view of a published report, at most the cap per address",
    async () => {
      vi.stubEnv("REDIS_URL", undefined);
      const receiver = await receiveViewLog(0);
      const sender = createSocket("udp4");
      const send = (text: string) =>
        new Promise<void>((resolve, reject) =>
          sender.send(text, receiver.port, "127.0.0.1", (error) => (error ? reject(error) : resolve())),
        );
      try {
        // The counter takes its store's secret first; until then it counts nothing.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        for (let i = 0; i < 3; i += 1) await send(line({ bai: SEED_SLUG, dia_chi: `198.51.100.${i}` }));
        for (let i = 0; i < 30; i += 1) await send(line({ bai: SEED_SLUG, dia_chi: "198.51.100.200" }));
        await send(line({ bai: SEED_SLUG, ua: "Googlebot/2.1 (+http://www.google.com/bot.html)" }));
        await send(line({ bai: "khong-co-bai-nay" }));
        await send("not a line of ours");
        const store = new SqliteViewStore(path.join(data, "luot-xem.sqlite"));
        const hour = hourOf(Date.now());
        const deadline = Date.now() + 10_000;
        let counts: Record<string, number | string> = {};
        while (Date.now() < deadline) {
          [counts] = await store.hours(hour, hour);
          if (Number(counts[SEED_SLUG] ?? 0) >= 13) break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        // 3 readers, then one address's 30 capped at 10; the bot and the unknown report not at all.
        expect(Object.keys(counts)).toEqual([SEED_SLUG]);
        expect(Number(counts[SEED_SLUG])).toBe(13);
      } finally {
        sender.close();
        await receiver.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
