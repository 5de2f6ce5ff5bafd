import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type OwnServer, startOwnServer } from "./own-server";
import { SEED_PATH } from "./seed-report";
import { within } from "./within";

// Several machines in step (issue 26), on this one machine: two production servers, each with its
// own content folder, and one bare origin (CONTENT_GIT_REMOTE). Each server exchanges with the
// origin every 3 s; the times are recorded on the test, and the deadline leaves room for a slow
// machine (the budget, 10 s, is read off the annotations, not asserted).

const DEADLINE_MS = 40_000;
const PASSWORD = "mật khẩu thử nghiệm đủ dài";
let work: string;
let origin: string;
let machineA: OwnServer;
let machineB: OwnServer;

test.describe.configure({ mode: "serial", timeout: 180_000 });

/** A browser context of the test's own, closed when the test ends. */
const contexts: BrowserContext[] = [];
async function opened(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  contexts.push(context);
  return context;
}
test.afterEach(async ({}, testInfo) => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  // What each machine printed and committed, where CI shows it: a failure here is about timing.
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const [name, machine] of [
    ["A", machineA],
    ["B", machineB],
  ] as const) {
    const history = spawnSync("git", ["-C", machine.contentDir, "log", "--format=%h %ci %s", "-8", "--all"], {
      encoding: "utf8",
    }).stdout;
    console.log(`--- máy ${name}: nhật ký\n${machine.server.log.join("").split("\n").slice(-60).join("\n")}`);
    console.log(`--- máy ${name}: lịch sử\n${history}`);
  }
});

test.beforeAll(async () => {
  test.setTimeout(180_000);
  work = mkdtempSync(path.join(tmpdir(), "hai-may-"));
  origin = path.join(work, "kho-chung.git");
  spawnSync("git", ["init", "--quiet", "--bare", "--initial-branch=main", origin]);
  machineA = await startOwnServer({
    prefix: "may-a-",
    editors: { bientap: PASSWORD },
    env: { CONTENT_GIT_REMOTE: origin },
  });
  // Machine B asks machine A for the photos its reports name and it lacks.
  machineB = await startOwnServer({
    prefix: "may-b-",
    editors: { bientap: PASSWORD },
    env: { CONTENT_GIT_REMOTE: origin, PHOTO_PEERS: machineA.at("") },
  });
});

test.afterAll(async () => {
  await machineA?.stop();
  await machineB?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Polls until `check` holds, with room for a machine three times slower; the time is recorded. */
const until = (what: string, check: () => Promise<boolean>) => within(what, check, DEADLINE_MS);

const report = (title: string) =>
  `---\ntitle: ${title}\ndate: 2026-12-06T09:00:00+07:00\nsummary: Bài thử hai máy.\n---\n\nNội dung ${title}.\n`;
const serves = (machine: OwnServer, slug: string) => async () =>
  (await fetch(machine.at(`/bai-viet/${slug}`), { signal: AbortSignal.timeout(5000) })).status === 200;
const originHasHistory = async () =>
  spawnSync("git", ["--git-dir", origin, "rev-parse", "--verify", "--quiet", "main"]).status === 0;

test("a report saved on one machine is served by the other, and two at once by both", async () => {
  await until("kho chung có lịch sử", originHasHistory);
  writeFileSync(path.join(machineA.contentDir, "bai-tu-may-a.md"), report("Bài từ máy A"));
  await until("máy A → máy B", serves(machineB, "bai-tu-may-a"));

  writeFileSync(path.join(machineA.contentDir, "cung-luc-a.md"), report("Cùng lúc A"));
  writeFileSync(path.join(machineB.contentDir, "cung-luc-b.md"), report("Cùng lúc B"));
  await until("hai bài cùng lúc, trên cả hai máy", async () => {
    const checks = [machineA, machineB].flatMap((machine) =>
      ["cung-luc-a", "cung-luc-b"].map((slug) => serves(machine, slug)()),
    );
    return (await Promise.all(checks)).every(Boolean);
  });
});

test("with the origin gone a machine still publishes its own saves, and the other gets them when it returns", async () => {
  renameSync(origin, `${origin}-mat`);
  writeFileSync(path.join(machineA.contentDir, "luc-mat-lien-lac.md"), report("Lúc mất liên lạc"));
  await until("máy A đăng khi mất kho chung", serves(machineA, "luc-mat-lien-lac"));
  await until("máy A ghi lịch sử dù mất kho chung", async () =>
    spawnSync("git", ["-C", machineA.contentDir, "log", "--format=%s", "-1"], {
      encoding: "utf8",
    }).stdout.includes("luc-mat-lien-lac.md"),
  );
  // Two exchanges' time: nothing can have reached the other machine.
  await new Promise((resolve) => setTimeout(resolve, 6000));
  expect((await fetch(machineB.at("/bai-viet/luc-mat-lien-lac"))).status).toBe(404);

  renameSync(`${origin}-mat`, origin);
  await until("kho chung trở lại → máy B", serves(machineB, "luc-mat-lien-lac"));
  const originLog = spawnSync("git", ["--git-dir", origin, "log", "--format=%s", "main"], {
    encoding: "utf8",
  }).stdout;
  expect(originLog).toContain("thêm luc-mat-lien-lac.md");
});

test("a photo uploaded on one machine is served by the other with its report", async () => {
  const folder = path.join(machineA.publicDir, "images", "bai-co-anh-moi");
  mkdirSync(folder, { recursive: true });
  copyFileSync(
    path.join("public", "images", "ubnd-vinh-tong-ket-qp-an-2020", "anh-2.jpg"),
    path.join(folder, "anh-1.jpg"),
  );
  writeFileSync(
    path.join(machineA.contentDir, "bai-co-anh-moi.md"),
    report("Bài có ảnh mới").replace(
      "\n\nNội dung",
      "\n\n![Ảnh chụp tại máy A](/images/bai-co-anh-moi/anh-1.jpg)\n\nNội dung",
    ),
  );
  await until("ảnh và bài từ máy A → máy B", serves(machineB, "bai-co-anh-moi"));
  const photo = await fetch(machineB.at("/images/bai-co-anh-moi/anh-1.jpg"));
  expect(photo.status).toBe(200);
  expect(Buffer.from(await photo.arrayBuffer()).equals(readFileSync(path.join(folder, "anh-1.jpg")))).toBe(
    true,
  );
  expect(
    readFileSync(path.join(machineB.publicDir, "images", "bai-co-anh-moi", "anh-1.jpg")).length,
  ).toBeGreaterThan(0);
});

/** Signs in on `machine` and opens the seed report's form there. */
async function openSeed(page: Page, machine: OwnServer) {
  await page.goto(machine.at("/quan-tri/dang-nhap"));
  await page.getByLabel("Tên đăng nhập").fill("bientap");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(machine.at("/quan-tri"));
  await page.goto(machine.at(`/quan-tri/sua/${SEED_PATH.split("/").at(-1)}`));
}

test("one report saved on both machines from the same version: one wins, the other editor is told and keeps the text", async ({
  browser,
}) => {
  const editorA = await (await opened(browser)).newPage();
  const editorB = await (await opened(browser)).newPage();
  await openSeed(editorA, machineA);
  await openSeed(editorB, machineB);
  const summary = (page: Page) => page.getByLabel("Tóm tắt");
  await summary(editorA).fill("Tóm tắt sửa trên máy A.");
  await summary(editorB).fill("Tóm tắt sửa trên máy B.");

  await editorA.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(editorA.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  await until("bản sửa trên máy A tới máy B", async () =>
    (await (await fetch(machineB.at(SEED_PATH))).text()).includes("Tóm tắt sửa trên máy A."),
  );

  await editorB.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(editorB.getByText("Bài đã được sửa (hoặc xóa) ở nơi khác sau khi bạn mở.")).toBeVisible();
  await expect(summary(editorB)).toHaveValue("Tóm tắt sửa trên máy B.");
  for (const machine of [machineA, machineB]) {
    const page = await (await fetch(machine.at(SEED_PATH))).text();
    expect(page).toContain("Tóm tắt sửa trên máy A.");
    expect(page).not.toContain("Tóm tắt sửa trên máy B.");
  }
});
