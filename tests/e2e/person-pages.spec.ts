import { expect, test } from "@playwright/test";
import { type OwnServer, startOwnServer } from "./own-server";

// A person named in more reports than a page holds: their page is paginated like a topic's,
// served by a server of its own with the e2e content and 23 more reports.

let own: OwnServer;

const PERSON = "Nguyễn Thị Hằng";
const PERSON_PATH = "/nguoi/nguyen-thi-hang";

/** Meeting n, dated day n of January 2020: meeting 23 is the newest. */
function meeting(n: number): string {
  return `---
title: "Phiên họp thường kỳ số ${n}"
date: 2020-01-${String(n).padStart(2, "0")}T08:00:00+07:00
category: Thời sự
attendees:
  - name: ${PERSON}
    role: Chủ tịch UBND phường
---

Phiên họp thường kỳ của phường, số ${n}.
`;
}

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  const files = Object.fromEntries(
    Array.from({ length: 23 }, (_, i) => [`phien-hop-so-${i + 1}.md`, meeting(i + 1)]),
  );
  own = await startOwnServer({ prefix: "nguoi-", files });
});

test.afterAll(async () => {
  await own?.stop();
});

const at = (pathname: string) => own.at(pathname);

test("a person's first page shows a page of appearances and leads to the next page", async ({ page }) => {
  await page.goto(at(PERSON_PATH));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PERSON);
  await expect(page.locator(".appearance")).toHaveCount(20);
  await expect(page.locator(".appearance__title").first()).toHaveText("Phiên họp thường kỳ số 23");
  const pagination = page.getByRole("navigation", { name: "Phân trang" });
  await expect(pagination).toContainText("Trang 1/2");
  await pagination.getByRole("link", { name: "Trang sau →" }).click();

  await expect(page).toHaveURL(at(`${PERSON_PATH}/trang/2`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${PERSON}, trang 2`);
  await expect(page.locator(".appearance__title")).toHaveText([
    "Phiên họp thường kỳ số 3",
    "Phiên họp thường kỳ số 2",
    "Phiên họp thường kỳ số 1",
  ]);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    /\/nguoi\/nguyen-thi-hang\/trang\/2$/,
  );
  await page.getByRole("link", { name: "← Trang trước" }).click();
  await expect(page).toHaveURL(at(PERSON_PATH));
});

test("only the first page is in the sitemap", async ({ request }) => {
  const sitemap = await (await request.get(at("/sitemap.xml"))).text();
  expect(sitemap).toContain(`${PERSON_PATH}</loc>`);
  expect(sitemap).not.toContain(`${PERSON_PATH}/trang/2`);
});

for (const path of [`${PERSON_PATH}/trang/1`, `${PERSON_PATH}/trang/3`, `${PERSON_PATH}/trang/abc`]) {
  test(`${path} answers 404`, async ({ request }) => {
    expect((await request.get(at(path))).status()).toBe(404);
  });
}
