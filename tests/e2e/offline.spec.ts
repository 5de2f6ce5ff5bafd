import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, expect, type Page, test } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../tools/chromium";
import { type OwnServer, startOwnServer } from "./own-server";

// Reading offline (issue 29) on the production server: a reader opens the home page and a report;
// the service worker keeps it, and the newest 20 reports in the background. Offline, the report
// opens whole, a newest report never opened opens too, and any other address shows the offline
// page listing what is kept. Online again, an editor's correction shows on the next load. The
// server has 21 reports newer than the rest, so older reports are outside the newest 20.

const SEED = "ubnd-thanh-pho-vinh-tong-ket-cong-tac-quoc-phong-an-ninh";
const SEED_TITLE = "UBND thành phố Vinh tổng kết công tác quốc phòng - an ninh";
const OLDER = "phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam";
const NEWER = Array.from({ length: 21 }, (_, n) => `tin-moi-so-${n + 1}`);

const newerReport = (n: number) => `---
title: Tin mới số ${n + 1}
date: 2026-11-27T${String(n).padStart(2, "0")}:30:00+07:00
summary: Một bài mới để thử đọc ngoại tuyến.
category: Đời sống
tags: [Thành phố Vinh]
draft: false
---

Nội dung bài tin mới số ${n + 1}, đủ một đoạn văn để đọc.
`;

let own: OwnServer;
let context: BrowserContext;
let page: Page;

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  own = await startOwnServer({
    prefix: "ngoai-tuyen-",
    files: Object.fromEntries(NEWER.map((slug, n) => [`${slug}.md`, newerReport(n)])),
  });
  context = await browser.newContext();
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
  await own?.stop();
});

/** The worker's index of what it kept (the offline page's list reads the same). */
const keptPaths = (on: Page) =>
  on.evaluate(async () => {
    const response = await (await caches.open("tin-xu-nghe:chi-muc")).match("/__ngoai-tuyen/chi-muc.json");
    const index = response
      ? ((await response.json()) as { entries: Record<string, { title?: string }> })
      : null;
    return Object.keys(index?.entries ?? {}).map((key) => new URL(key).pathname + new URL(key).search);
  });

/** Every photo of the article, brought into view, has drawn. */
async function expectPhotosDrawn(on: Page) {
  const photos = on.locator("article.report img");
  const count = await photos.count();
  expect(count).toBeGreaterThan(0);
  for (let n = 0; n < count; n += 1) {
    await photos.nth(n).scrollIntoViewIfNeeded();
    await expect
      .poll(() => photos.nth(n).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
        timeout: 15_000,
      })
      .toBe(true);
  }
}

test("a report opened once reads whole offline; another address shows the offline page with it", async () => {
  await page.goto(own.at("/"));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await page.goto(own.at(`/bai-viet/${SEED}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);
  await expectPhotosDrawn(page);
  // The newest reports arrive in the background, two seconds after a page has loaded.
  await expect
    .poll(
      async () => (await keptPaths(page)).filter((kept) => kept.startsWith("/bai-viet/tin-moi-so-")).length,
      {
        timeout: 30_000,
      },
    )
    .toBe(20);
  const kept = await keptPaths(page);
  expect(kept).toContain(`/bai-viet/${SEED}`);
  expect(kept).not.toContain(`/bai-viet/${NEWER[0]}`);
  expect(kept).not.toContain(`/bai-viet/${OLDER}`);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);
  await expectPhotosDrawn(page);

  await page.goto(own.at(`/bai-viet/${NEWER[20]}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tin mới số 21");

  await page.goto(own.at(`/bai-viet/${OLDER}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không có kết nối mạng");
  const seedLink = page.locator(".offline-list").getByRole("link", { name: SEED_TITLE });
  await expect(seedLink).toHaveAttribute("href", `/bai-viet/${SEED}`);
  await seedLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);
  await context.setOffline(false);
});

test("online, a corrected title shows on the next load, not the kept copy", async () => {
  const file = path.join(own.contentDir, `${SEED}.md`);
  const corrected = `${SEED_TITLE} (đã sửa)`;
  writeFileSync(file, readFileSync(file, "utf8").replace(`title: ${SEED_TITLE}`, `title: ${corrected}`));
  // The server publishes the change from its watcher, and marks the page stale again 2 s later
  // (lib/publishing): once it has served the correction past that, the browser's next load, which
  // goes to the network first, must show it too, where a kept copy would show the old title.
  const served = async () => (await (await fetch(own.at(`/bai-viet/${SEED}`))).text()).includes(corrected);
  await expect.poll(served, { timeout: 30_000 }).toBe(true);
  await page.waitForTimeout(3000);
  await expect.poll(served, { timeout: 30_000 }).toBe(true);
  await page.goto(own.at(`/bai-viet/${SEED}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(corrected);
});

test("the editors' pages are never kept", async () => {
  await page.goto(own.at("/quan-tri/dang-nhap"));
  await expect(page.getByLabel("Tên đăng nhập")).toBeVisible();
  const keys = await page.evaluate(async () => {
    const all: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) all.push(request.url);
    }
    return all;
  });
  expect(keys.length).toBeGreaterThan(20);
  expect(keys.filter((url) => new URL(url).pathname.startsWith("/quan-tri"))).toEqual([]);
});

test("Chromium finds the site installable", async () => {
  const manifest = (await (await fetch(own.at("/manifest.webmanifest"))).json()) as Record<string, unknown>;
  expect(manifest).toMatchObject({ name: "Tin Xứ Nghệ", lang: "vi", display: "standalone", start_url: "/" });
  // Chromium never offers to install from an incognito profile, which a test's context is: a
  // profile on disk, as a phone's browser has.
  const profile = mkdtempSync(path.join(tmpdir(), "ho-so-"));
  const persistent = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const tab = persistent.pages()[0] ?? (await persistent.newPage());
    await tab.goto(own.at("/"));
    await tab.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const cdp = await persistent.newCDPSession(tab);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
  } finally {
    await persistent.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test("with SERVICE_WORKER=off the reader's worker removes itself and what it kept", async () => {
  await own.restart(0, { SERVICE_WORKER: "off" });
  // The next page's update check fetches the retiring script.
  await page.goto(own.at("/"));
  await expect
    .poll(
      () =>
        page.evaluate(async () => ({
          workers: (await navigator.serviceWorker.getRegistrations()).length,
          caches: (await caches.keys()).length,
        })),
      { timeout: 30_000 },
    )
    .toEqual({ workers: 0, caches: 0 });
});
