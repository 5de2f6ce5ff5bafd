import { expect, test } from "@playwright/test";
import { getReportBySlug } from "@/lib/content";

const SLUG = "tieu-de-co-ky-tu-nguy-hiem";

test("HTML and </script> in front matter stay text in the page, the meta tags and the JSON-LD", async ({
  page,
}) => {
  const report = getReportBySlug(SLUG);
  expect(report?.title).toContain("</script>");
  if (!report) return;

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/bai-viet/${SLUG}`);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(report.title);
  await expect(page).toHaveTitle(`${report.title} | Tin Xứ Nghệ`);
  await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute("content", report.title);
  await expect(page.locator('head meta[name="description"]')).toHaveAttribute("content", report.summary);
  await expect(page.locator('head meta[name="twitter:title"]')).toHaveAttribute("content", report.title);
  await expect(page.getByRole("complementary")).toContainText(report.attendees[0].name);
  await expect(page.locator("figcaption")).toContainText("</figcaption><script>");

  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks).toHaveLength(1);
  const [article] = JSON.parse(blocks[0]) as Array<{ headline: string; description: string }>;
  expect(article.headline).toBe(report.title);
  expect(article.description).toBe(report.summary);
  expect(blocks[0]).not.toContain("</script");

  expect(
    await page.evaluate(() => (window as unknown as { __injected?: string }).__injected),
  ).toBeUndefined();
  await expect(page.locator("b, img[onerror], i")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
