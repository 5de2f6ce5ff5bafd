import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { fill, HOSTILE_KINDS, hostileReport } from "../../tools/measure/hostile-bodies";
import { startOwnServer } from "./own-server";

// The watcher parses in a worker thread: the thread answering requests, and stop signals, never
// waits for a parse, however long the pass.

const [, nestedLists = () => ""] = HOSTILE_KINDS.find(([name]) => name.startsWith("nested lists")) ?? [];
// Sixty of the slowest bodies the limits accept (16 KB of lists ten levels deep, about 250 ms
// each): a pass of some 15 s, longer than the 10 s the server gives requests to finish.
const FILES = 60;
const STOP_LIMIT_MS = 10_000;

const passesLogged = (log: string[]) => log.join("").split("trang làm mới").length - 1;

test("a server publishing hostile bodies answers pages meanwhile and stops within 10 s of SIGTERM", async () => {
  test.setTimeout(120_000);
  const own = await startOwnServer({ prefix: "dung-khi-dang-" });
  try {
    const { child, log } = own.server;
    // The first pass, over the files the new store had not seen, ends before these are saved.
    await expect.poll(() => passesLogged(log), { timeout: 30_000 }).toBeGreaterThan(0);
    const body = fill(16 * 1024, nestedLists);
    for (let n = 1; n <= FILES; n += 1) {
      writeFileSync(path.join(own.contentDir, `danh-sach-${n}.md`), hostileReport(body, `Danh sách ${n}`));
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const asked = performance.now();
    expect((await fetch(own.at("/"))).status).toBe(200);
    expect(performance.now() - asked).toBeLessThan(2000);
    // Still parsing: a long pass publishes its first batches as it goes, but not every file yet.
    const statuses = await Promise.all(
      Array.from({ length: FILES }, (_, n) =>
        fetch(own.at(`/bai-viet/danh-sach-${n + 1}`)).then((r) => r.status),
      ),
    );
    expect(statuses.filter((status) => status === 200).length).toBeLessThan(FILES);

    const exited = new Promise<number>((resolve) => child.once("exit", () => resolve(performance.now())));
    const signalled = performance.now();
    process.kill(child.pid as number, "SIGTERM");
    const stoppedAfter = (await exited) - signalled;
    test.info().annotations.push({
      type: "thời gian",
      description: `SIGTERM → thoát: ${Math.round(stoppedAfter)} ms`,
    });
    expect(stoppedAfter).toBeLessThan(STOP_LIMIT_MS);
    expect(log.join("")).toContain("[dừng máy chủ] SIGTERM");
  } finally {
    await own.stop();
  }
});
