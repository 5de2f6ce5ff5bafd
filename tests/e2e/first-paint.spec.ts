import { expect, test, type Request } from "@playwright/test";
import { SEED_PATH } from "./seed-report";

// A reader's first seconds on a phone: what the first paint waits for, whether anything
// moves once JavaScript runs, and what the page fetches for links the reader has not reached for.
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};
test.use(PHONE);

const routePayload = (request: Request) => new URL(request.url()).searchParams.has("_rsc");

test("the page preloads its two font files, and nothing but the lead photo comes before its stylesheet", async ({
  page,
}) => {
  const started: string[] = [];
  page.on("request", (request) => started.push(request.resourceType()));
  await page.goto(SEED_PATH);
  const preloads = await page
    .locator('head link[rel="preload"][as="font"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(preloads).toHaveLength(2);
  const head = await page
    .locator("head link")
    .evaluateAll((links) =>
      links.map((link) => `${link.getAttribute("rel")} ${link.getAttribute("as") ?? ""}`.trim()),
    );
  // Two fonts, the lead photo and the stylesheet: four of the six connections a browser opens to a
  // host over HTTP/1.1, so the stylesheet never waits for one (four subset files did).
  expect(head.slice(0, head.indexOf("stylesheet"))).toEqual([
    "preload font",
    "preload font",
    "preload image",
  ]);
  expect(started.filter((type) => type === "font")).toHaveLength(2);
});

test("the share bar keeps its size when JavaScript adds its buttons, so the report below never moves", async ({
  browser,
}) => {
  async function measure(javaScriptEnabled: boolean) {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled });
    const page = await context.newPage();
    // A phone's browser: with JavaScript, the share sheet button appears too.
    await page.addInitScript(() =>
      Object.defineProperty(navigator, "share", { value: async () => undefined }),
    );
    await page.goto(SEED_PATH);
    const bar = page.getByRole("group", { name: "Chia sẻ bài viết" });
    if (javaScriptEnabled) await expect(bar.getByRole("button", { name: "Chia sẻ…" })).toBeVisible();
    else await expect(bar.getByRole("button")).toHaveCount(0);
    await page.evaluate(() => document.fonts.ready);
    const box = await bar.boundingBox();
    const firstParagraph = await page.locator(".report-body p").first().boundingBox();
    await context.close();
    return { bar: box?.height, paragraph: firstParagraph?.y };
  }
  const before = await measure(false);
  const after = await measure(true);
  expect(before.bar).toBeGreaterThan(0);
  expect(after).toEqual(before);
});

test("links in the header and the breadcrumbs are fetched ahead only when the reader reaches for them", async ({
  page,
}) => {
  const payloads: string[] = [];
  page.on("request", (request) => {
    if (routePayload(request)) payloads.push(new URL(request.url()).pathname);
  });
  await page.goto(SEED_PATH);
  await page.waitForLoadState("networkidle");
  expect(payloads).toEqual([]);

  const topics = page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Chủ đề" });
  const prefetch = page.waitForRequest(
    (request) => routePayload(request) && new URL(request.url()).pathname === "/chu-de",
  );
  await topics.dispatchEvent("touchstart");
  await prefetch;

  // The tap is a client-side navigation: the page's own state survives it.
  await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
  await topics.tap();
  await expect(page).toHaveURL(/\/chu-de$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
});

test("links to reports are still fetched ahead as soon as they are on screen", async ({ page }) => {
  const report = page.waitForRequest(
    (request) => routePayload(request) && new URL(request.url()).pathname.startsWith("/bai-viet/"),
  );
  await page.goto("/");
  await report;
});
