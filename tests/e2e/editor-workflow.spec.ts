import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_SITE_URL } from "../../tools/e2e-build";
import { sitemapText } from "./sitemap-text";

// Both files sit in tests/fixtures/e2e-content, copied beside the real content before the build.
const NEW_REPORT = {
  slug: "phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam",
  title: "Phường Hưng Dũng ra quân dọn vệ sinh đầu năm",
};
const DRAFT = { slug: "ban-nhap-chua-dang", title: "Bản nháp chưa được đăng" };

async function text(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.text();
}

test("a report added as a Markdown file is on the home page, at its URL, in the sitemap and the feed", async ({
  page,
  request,
}) => {
  await page.goto("/");
  // Once on the front page; it may also be in "Đọc nhiều", from other tests' views.
  await page.getByRole("region", { name: "Tin chính" }).getByRole("link", { name: NEW_REPORT.title }).click();
  await expect(page).toHaveURL(`/bai-viet/${NEW_REPORT.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEW_REPORT.title);
  await expect(page.locator(".draft-banner")).toHaveCount(0);

  const url = `${E2E_SITE_URL}/bai-viet/${NEW_REPORT.slug}`;
  expect(await sitemapText((path) => text(request, path))).toContain(`<loc>${url}</loc>`);
  expect(await text(request, "/feed.xml")).toContain(`<link>${url}</link>`);
});

test("a draft beside it is on no page, no URL, not in the sitemap and not in the feed", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await expect(page.getByText(DRAFT.title)).toHaveCount(0);
  const response = await page.goto(`/bai-viet/${DRAFT.slug}`);
  expect(response?.status()).toBe(404);
  expect((await request.get(`/bai-viet/${DRAFT.slug}/anh-chia-se.png`)).status()).toBe(404);
  for (const body of [await sitemapText((path) => text(request, path)), await text(request, "/feed.xml")]) {
    expect(body).not.toContain(DRAFT.slug);
    expect(body).not.toContain(DRAFT.title);
  }
});
