import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { toVietnamIso } from "../../lib/dates";
import { type OwnServer, startOwnServer } from "./own-server";
import { sitemapText } from "./sitemap-text";

// Scheduled publishing (issue 27) on the production server (`npm start`): an editor schedules a
// report 20 s ahead; before its time no page shows it; after, its page, the home page, the feed,
// the sitemap and search do, with no reader's request needed. And a report whose time passed
// while the server was stopped is published by the start. The times after the due second are
// recorded on the test (the budget is 10 s); the deadline leaves room for a slow machine.

let own: OwnServer;
const PASSWORD = "mật khẩu thử nghiệm đủ dài";
const DEADLINE_MS = 40_000;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  own = await startOwnServer({
    prefix: "hen-gio-",
    editors: { tongbientap: PASSWORD, "bt-hung": { password: PASSWORD, role: "bien-tap" } },
  });
});

test.afterAll(async () => {
  await own?.stop();
});

const get = async (pathname: string) => {
  const response = await fetch(own.at(pathname));
  return { status: response.status, text: await response.text() };
};

/** Polls until `check` holds, and records how long after `due` it did. */
async function seenAfter(what: string, due: number, check: () => Promise<boolean>): Promise<number> {
  for (;;) {
    if (await check()) break;
    if (Date.now() > due + DEADLINE_MS)
      throw new Error(`${what}: not within ${DEADLINE_MS / 1000} s of its time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const late = Date.now() - due;
  test.info().annotations.push({ type: "thời gian", description: `${what}: ${late} ms sau giờ hẹn` });
  return late;
}

async function signIn(page: Page, name: string) {
  await page.goto(own.at("/quan-tri/dang-nhap"));
  await page.getByLabel("Tên đăng nhập").fill(name);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(own.at("/quan-tri"));
}

test("an editor schedules a report 20 s ahead: no page shows it before, every listed page after", async ({
  page,
}) => {
  const title = "Thành phố Vinh khai trương tuyến xe buýt điện";
  const slug = "thanh-pho-vinh-khai-truong-tuyen-xe-buyt-dien";
  await signIn(page, "bt-hung");
  await page.goto(own.at("/quan-tri/moi"));
  await page.getByLabel("Tiêu đề *").fill(title);
  await page.getByLabel("Tóm tắt").fill("Tuyến xe buýt điện đầu tiên nối trung tâm với biển Cửa Lò.");
  await page.getByLabel("Chuyên mục").fill("Thời sự");
  await page.getByLabel("Nội dung (Markdown)").fill("Sáng nay, tuyến xe buýt điện đầu tiên khai trương.\n");
  const due = Math.ceil((Date.now() + 20_000) / 1000) * 1000;
  await page.getByLabel("Ngày giờ *").fill(toVietnamIso(new Date(due)));
  await page.getByRole("button", { name: "Hẹn giờ đăng" }).click();
  await expect(page.getByText("Trạng thái: Đã lên lịch")).toBeVisible();
  await expect(page.getByText("tự đăng lúc")).toBeVisible();
  await page.goto(own.at("/quan-tri?trang-thai=da-len-lich"));
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  expect(Date.now()).toBeLessThan(due);
  expect((await get(`/bai-viet/${slug}`)).status).toBe(404);
  expect((await get("/")).text).not.toContain(slug);
  expect((await get("/feed.xml")).text).not.toContain(slug);

  await seenAfter("trang bài", due, async () => (await get(`/bai-viet/${slug}`)).status === 200);
  await seenAfter("trang chủ", due, async () => (await get("/")).text.includes(`/bai-viet/${slug}"`));
  await seenAfter("RSS", due, async () => (await get("/feed.xml")).text.includes(`/bai-viet/${slug}`));
  await seenAfter("sitemap", due, async () =>
    (await sitemapText(async (pathname) => (await get(pathname)).text)).includes(`/bai-viet/${slug}`),
  );
  await seenAfter("tìm kiếm", due, async () =>
    (await get(`/tim-kiem?q=${encodeURIComponent("xe buýt điện")}`)).text.includes(`/bai-viet/${slug}"`),
  );
  await page.goto(own.at(`/quan-tri/sua/${slug}`));
  await expect(page.getByText("Trạng thái: Đã đăng")).toBeVisible();
});

test("a report whose time passed while the server was stopped is published by the start", async () => {
  const slug = "hen-gio-luc-may-chu-tat";
  const due = Math.ceil((Date.now() + 6_000) / 1000) * 1000;
  writeFileSync(
    path.join(own.contentDir, `${slug}.md`),
    `---\ntitle: Bài hẹn giờ lúc máy chủ tắt\ndate: ${toVietnamIso(new Date(due))}\nsummary: Đăng khi máy chủ chạy lại.\n---\n\nNội dung.\n`,
  );
  expect((await get(`/bai-viet/${slug}`)).status).toBe(404);
  // Stopped until two seconds past its time, then started again.
  await own.restart(Math.max(0, due + 2_000 - Date.now()));
  const started = Date.now();
  await seenAfter(
    "trang bài sau khi chạy lại",
    due,
    async () => (await get(`/bai-viet/${slug}`)).status === 200,
  );
  test.info().annotations.push({
    type: "thời gian",
    description: `từ lúc chạy lại đến khi bài lên: ${own.server.readyMs + Date.now() - started} ms (máy chủ sẵn sàng sau ${own.server.readyMs} ms)`,
  });
  expect((await get("/")).text).toContain(`/bai-viet/${slug}"`);
});
