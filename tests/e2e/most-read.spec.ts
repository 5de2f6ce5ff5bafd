import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, expect, type Page, type Request, test } from "@playwright/test";
import { beaconUrl } from "../../lib/most-read/beacon-address";
import { E2E_CONTENT_DIR, E2E_DIST_DIR } from "../../tools/e2e-build";
import { freePort, type Stack, startStack } from "../../tools/stack";
import { SEED_PATH, SEED_TITLE } from "./seed-report";

// "Đọc nhiều" through the production stack (nginx, two instances, Redis): nginx answers the
// beacon and hands it to an instance, the counts land in Redis, and a page rendered afterwards
// lists the most-read report.
// The stack's Redis starts empty, so each page here is rendered on its first request, after the
// counts it should show.

const SEED_SLUG = SEED_PATH.split("/").pop() as string;
const OTHER_PATH = "/bai-viet/phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam";
// A phone's browser: Playwright's own agent says HeadlessChrome, which is not counted.
const PHONE =
  "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

let work: string;
let stack: Stack;
const log: string[] = [];
/** When the instances had last read the lists at the latest (see beforeAll). */
let listsReadBy = 0;

test.describe.configure({ mode: "serial", timeout: 270_000 });

test.beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "doc-nhieu-"));
  const content = path.join(work, "content");
  cpSync(E2E_CONTENT_DIR, content, { recursive: true });
  const data = path.join(work, "data");
  mkdirSync(data);
  stack = await startStack({
    distDir: E2E_DIST_DIR,
    copyIn: work,
    port: await freePort(),
    host: "127.0.0.1",
    appPorts: [await freePort(), await freePort()],
    redisPort: await freePort(),
    contentDir: content,
    publicDir: path.resolve("public"),
    store: path.join(work, "content-store.sqlite"),
    env: { EDITOR_DATA_DIR: data },
    log: (line) => log.push(line),
  });
  // The stack asked each instance for the home page to know it was up: an instance whose copy
  // was stale rendered it then, reading the lists (empty) that it keeps for a minute.
  listsReadBy = Date.now();
  // Each instance's first pass marks every page stale (the store starts empty), so that the next
  // request renders it afresh, after the counts. nginx answers beacons at once, without waiting
  // for an instance: a page asked for before that pass ends would be the build's copy, which nginx
  // then keeps for five minutes.
  const firstPassDone = (instance: string) =>
    log.some((line) => line.startsWith(`[${instance}]`) && line.includes("đã đọc lại thư mục khi khởi động"));
  await expect.poll(() => firstPassDone("app 1") && firstPassDone("app 2"), { timeout: 60_000 }).toBe(true);
});

test.afterAll(async () => {
  await stack?.stop();
  rmSync(work, { recursive: true, force: true });
});

const contexts: BrowserContext[] = [];
async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ userAgent: PHONE });
  contexts.push(context);
  return context.newPage();
}
test.afterEach(async ({}, testInfo) => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach("stack log", { body: log.join("\n") });
});

/** The beacons a page sends while `action` runs and for a second after. */
async function beaconsDuring(page: Page, action: () => Promise<unknown>): Promise<Request[]> {
  const sent: Request[] = [];
  const listener = (request: Request) => {
    if (new URL(request.url()).pathname === "/api/luot-xem") sent.push(request);
  };
  page.on("request", listener);
  await action();
  await page.waitForTimeout(1_000);
  page.off("request", listener);
  return sent;
}

test("views counted through nginx put the most-read report first on a page rendered afterwards", async ({
  browser,
  request,
}) => {
  // Three readers' views of the seed report and one of another, as their pages would send them.
  const beacon = (slug: string) =>
    request.post(`${stack.origin}${beaconUrl(slug)}`, { headers: { "user-agent": PHONE } });
  for (const response of await Promise.all([
    beacon(SEED_SLUG),
    beacon(SEED_SLUG),
    beacon(SEED_SLUG),
    beacon(OTHER_PATH.split("/").pop() as string),
  ])) {
    expect(response.status()).toBe(204);
    expect(response.headers()["cache-control"]).toBe("no-store");
  }
  // Counts reach Redis within a second; the page below must be rendered once the lists each
  // instance read at its start have expired (a minute), or it shows them empty for five minutes,
  // as nginx and Next keep a report page.
  await new Promise((resolve) => setTimeout(resolve, Math.max(1_500, listsReadBy + 61_000 - Date.now())));

  const page = await phone(browser);
  const list = page.getByRole("complementary", { name: "Đọc nhiều" });
  const day = list.getByRole("region", { name: "24 giờ qua" });
  // A page is re-rendered in the background after a reader gets its older copy: a reader sees the
  // lists on a load within seconds.
  await expect(async () => {
    await page.goto(`${stack.origin}${OTHER_PATH}`);
    await expect(day.getByRole("listitem").first()).toHaveText(SEED_TITLE, { timeout: 1_000 });
  }).toPass({ intervals: [2_000], timeout: 90_000 });
  await expect(day.getByRole("link", { name: SEED_TITLE })).toHaveAttribute("href", SEED_PATH);
  await expect(list.getByRole("region", { name: "7 ngày qua" }).getByRole("listitem").first()).toHaveText(
    SEED_TITLE,
  );
  // Beside a report, that report is left out of its own list.
  await expect(list.getByRole("link", { name: /Phường Hưng Dũng/ })).toHaveCount(0);
});

test("opening a report sends one beacon per browser session; a reload in that session sends none", async ({
  browser,
}) => {
  const page = await phone(browser);
  const first = await beaconsDuring(page, () => page.goto(`${stack.origin}${SEED_PATH}`));
  expect(first).toHaveLength(1);
  expect(first[0].method()).toBe("POST");
  expect(new URL(first[0].url()).searchParams.get("bai")).toBe(SEED_SLUG);
  expect((await first[0].response())?.status()).toBe(204);

  expect(await beaconsDuring(page, () => page.reload())).toHaveLength(0);
  // Another report in the same session is a view of its own; back to the first, nothing more.
  expect(await beaconsDuring(page, () => page.goto(`${stack.origin}${OTHER_PATH}`))).toHaveLength(1);
  expect(await beaconsDuring(page, () => page.goto(`${stack.origin}${SEED_PATH}`))).toHaveLength(0);

  // A new session (another tab's or a later visit's) counts again.
  const later = await phone(browser);
  expect(await beaconsDuring(later, () => later.goto(`${stack.origin}${SEED_PATH}`))).toHaveLength(1);
});

test("a report reached by a link inside the site sends its beacon too", async ({ browser }) => {
  const page = await phone(browser);
  expect(await beaconsDuring(page, () => page.goto(`${stack.origin}${OTHER_PATH}`))).toHaveLength(1);
  const list = page.getByRole("complementary", { name: "Đọc nhiều" });
  const sent = await beaconsDuring(page, async () => {
    await list.getByRole("link", { name: SEED_TITLE }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);
  });
  expect(sent.map((beacon) => new URL(beacon.url()).searchParams.get("bai"))).toEqual([SEED_SLUG]);
});
