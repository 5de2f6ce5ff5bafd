import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type OwnServer, startOwnServer } from "./own-server";
import { SEED_PATH, SEED_TITLE } from "./seed-report";
import { within } from "./within";

/** The newest report of the test content (tests/fixtures/e2e-content). */
const NEWEST_TITLE = "Phường Hưng Dũng ra quân dọn vệ sinh đầu năm";

test("the newest list at /tin-moi shows the report with its date, summary and cover, and links to it", async ({
  page,
}) => {
  const response = await page.goto("/tin-moi");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tin mới nhất");

  const card = page.getByRole("listitem").filter({ hasText: SEED_TITLE });
  await expect(card.locator("time")).toHaveAttribute("datetime", "2021-01-12T08:00:00+07:00");
  await expect(card.locator("time")).toHaveText("Thứ Ba, 12/01/2021, 08:00 (GMT+7)");
  await expect(card).toContainText("Sáng ngày 12/1, UBND thành phố Vinh đã tổ chức Hội nghị");
  const cover = card.getByRole("img");
  await expect(cover).toHaveJSProperty("complete", true);
  expect(await cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await card.getByRole("link", { name: SEED_TITLE }).click();
  await expect(page).toHaveURL(SEED_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);
});

test("the front page leads with the newest report and lists the others as top stories; the header's “Tin mới” opens the list", async ({
  page,
}) => {
  await page.goto("/");
  const lead = page.getByRole("region", { name: "Tin chính" }).locator(".front-story--lead");
  await expect(lead.getByRole("heading", { level: 2 })).toHaveText(NEWEST_TITLE);
  const top = page.getByRole("list", { name: "Tin nổi bật" });
  await expect(top.getByRole("listitem").first()).toContainText(SEED_TITLE);
  // The seed's photo, loaded.
  const cover = top.getByRole("listitem").first().getByRole("img");
  await expect(cover).toHaveJSProperty("complete", true);
  await page.getByRole("link", { name: "Xem tất cả tin mới" }).click();
  await expect(page).toHaveURL("/tin-moi");
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Tin mới" })
    .click();
  await expect(page).toHaveURL("/tin-moi");
});

test.describe("an editor's choice", () => {
  let own: OwnServer;
  test.beforeAll(async () => {
    own = await startOwnServer({ prefix: "trang-nhat-" });
  });
  test.afterAll(async () => {
    await own?.stop();
  });

  test("a report marked `featured: tin-chinh` leads the front page within seconds; the newest list keeps time order", async ({
    page,
  }) => {
    const file = path.join(own.contentDir, `${SEED_PATH.split("/").pop()}.md`);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^date: /m, "featured: tin-chinh\ndate: "));
    const leadTitle = async () =>
      (await (await fetch(own.at("/"))).text()).match(
        /front-story--lead[\s\S]*?<h2 class="front-story__title"><a [^>]*>([^<]+)</,
      )?.[1];
    await within("tin chính đổi", async () => (await leadTitle()) === SEED_TITLE);
    await page.goto(own.at("/tin-moi"));
    await expect(page.locator(".report-card__title").first()).toHaveText(NEWEST_TITLE);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(own.at("/"));
      await expect(page.locator(".front-story--lead h2")).toHaveText(SEED_TITLE);
      await page.screenshot({ path: test.info().outputPath(`trang-nhat-${width}.png`), fullPage: true });
    }
  });
});

test("the header links home and a skip link jumps to the main content", async ({ page }) => {
  await page.goto(SEED_PATH);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Bỏ qua, đến nội dung chính" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.getByRole("banner").getByRole("link", { name: "Tin Xứ Nghệ" }).click();
  await expect(page).toHaveURL("/");
});
