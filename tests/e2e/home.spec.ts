import { expect, test } from "@playwright/test";
import { SEED_PATH, SEED_TITLE } from "./seed-report";

test("the home page lists the report with its date, summary and cover, and links to it", async ({ page }) => {
  const response = await page.goto("/");
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
