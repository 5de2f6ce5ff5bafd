import { expect, test } from "@playwright/test";

for (const path of ["/khong-co-trang-nay", "/bai-viet/khong-co-bai-nay", "/trang/2", "/trang/abc"]) {
  test(`${path} answers 404 with a Vietnamese page and a way back`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
    await page.getByRole("link", { name: /Về trang chủ/ }).click();
    await expect(page).toHaveURL("/");
  });
}
