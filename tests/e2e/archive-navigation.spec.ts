import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_SITE_URL } from "../../tools/e2e-build";
import { SEED_PATH, SEED_TITLE } from "./seed-report";
import { sitemapText } from "./sitemap-text";

const NEW_REPORT_TITLE = "Phường Hưng Dũng ra quân dọn vệ sinh đầu năm";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

test("report → topic → another report of that topic, with breadcrumbs and reading time", async ({ page }) => {
  await page.goto(SEED_PATH);
  const trail = page.getByRole("navigation", { name: "Vị trí trang" });
  await expect(trail.getByRole("listitem")).toHaveText(["Trang chủ", "Quốc phòng - An ninh", SEED_TITLE]);
  await expect(page.locator(".report__reading-time")).toHaveText(/^\d+ phút đọc$/);

  await page
    .getByRole("navigation", { name: "Chủ đề của bài" })
    .getByRole("link", { name: "Thành phố Vinh" })
    .click();
  await expect(page).toHaveURL("/chu-de/thanh-pho-vinh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thành phố Vinh");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: NEW_REPORT_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEW_REPORT_TITLE);
});

test("the category in the breadcrumbs leads to its page", async ({ page }) => {
  await page.goto(SEED_PATH);
  await page
    .getByRole("navigation", { name: "Vị trí trang" })
    .getByRole("link", { name: "Quốc phòng - An ninh" })
    .click();
  await expect(page).toHaveURL("/chuyen-muc/quoc-phong-an-ninh");
  await expect(page.getByRole("link", { name: SEED_TITLE })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("report → person → another report that person attended, each with its own role", async ({ page }) => {
  await page.goto(SEED_PATH);
  await page
    .getByRole("complementary", { name: "Thành phần tham dự" })
    .getByRole("link", { name: "Trần Ngọc Tú" })
    .click();
  await expect(page).toHaveURL("/nguoi/tran-ngoc-tu");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trần Ngọc Tú");
  const appearances = page.locator(".appearance");
  await expect(appearances).toHaveCount(2);
  await expect(appearances.filter({ hasText: SEED_TITLE })).toContainText(
    "Phó Bí thư Thành ủy, Chủ tịch UBND thành phố Vinh",
  );
  await expect(appearances.filter({ hasText: NEW_REPORT_TITLE })).toContainText(
    "Chủ tịch UBND thành phố Vinh",
  );
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ "@type": "Person", name: "Trần Ngọc Tú" });
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: NEW_REPORT_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEW_REPORT_TITLE);
});

test("people and topics are in the sitemap", async ({ request }) => {
  const sitemap = await sitemapText(async (path) => (await request.get(path)).text());
  for (const path of [
    "/nguoi/tran-ngoc-tu",
    "/chu-de/thanh-pho-vinh",
    "/chuyen-muc/quoc-phong-an-ninh",
    "/chu-de",
  ]) {
    expect(sitemap).toContain(`<loc>${E2E_SITE_URL}${path}</loc>`);
  }
});

test("the topics page lists every topic, sorted the Vietnamese way, with counts", async ({ page }) => {
  await page.goto("/chu-de");
  const tags = await page.locator(".topic-list").nth(1).locator("a").allTextContents();
  expect(tags).toEqual([...tags].sort(new Intl.Collator("vi").compare));
  await expect(
    page.locator(".topic-list").nth(1).getByRole("listitem").filter({ hasText: "Thành phố Vinh" }),
  ).toContainText("(2 bài)");
  await expectNoAxeViolations(page);
});

test("the seed report explains every abbreviation in a box, the first use of each as <abbr>", async ({
  page,
}) => {
  await page.goto(SEED_PATH);
  const box = page.getByRole("region", { name: "Chữ viết tắt trong bài" });
  await expect(box.locator("dt")).toHaveText([
    "UBND",
    "BCHQS",
    "HĐND",
    "ANTT",
    "TTATXH",
    "QP - AN",
    "QPTD",
    "ANND",
    "ANTQ",
    "ANCT",
    "ATLC",
    "CHQS",
    "TP",
  ]);
  await expect(box.locator("dd").first()).toHaveText("Ủy ban nhân dân");
  await expect(box.locator("dd").nth(5)).toHaveText("Quốc phòng - An ninh");
  await expect(page.locator("article abbr")).toHaveCount(13);
  await expect(page.locator('article abbr[title="Ủy ban nhân dân"]')).toHaveText("UBND");
});

test("related reports appear under the report", async ({ page }) => {
  await page.goto(SEED_PATH);
  await expect(
    page.getByRole("region", { name: "Bài liên quan" }).getByRole("link", { name: NEW_REPORT_TITLE }),
  ).toBeVisible();
});

test("the text size control works by keyboard, is announced, and is remembered before the first paint", async ({
  page,
}) => {
  await page.goto(SEED_PATH);
  const control = page.getByRole("group", { name: "Cỡ chữ" });
  const larger = control.getByRole("button", { name: "A+ (chữ lớn)" });
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await larger.focus();
  await page.keyboard.press("Enter");
  await expect(larger).toHaveAttribute("aria-pressed", "true");
  await expect(control.getByRole("status")).toHaveText("Đã chọn cỡ chữ: chữ lớn.");
  const bigger = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(bigger).toBeGreaterThan(base);

  // After a reload the size is on <html> before any React code runs: record it at the first paint.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { __sizeAtFirstPaint: string | null }).__sizeAtFirstPaint =
        document.documentElement.getAttribute("data-co-chu");
    });
  });
  await page.reload();
  expect(
    await page.evaluate(
      () => (window as unknown as { __sizeAtFirstPaint: string | null }).__sizeAtFirstPaint,
    ),
  ).toBe("lon");
  await expect(larger).toHaveAttribute("aria-pressed", "true");
});

test("with JavaScript off every page still reads fully, without the text size buttons", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(SEED_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);
  await expect(page.locator(".report-body p")).toHaveCount(7);
  await expect(page.getByRole("group", { name: "Cỡ chữ" })).toBeHidden();
  await context.close();
});
