import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { type OwnServer, startOwnServer } from "./own-server";
import { SEED_PATH, SEED_TITLE } from "./seed-report";

// The archive pages that take over from numbered pages: the months calendar and a month's page,
// the topics index by letter, and (on a server of their own, with 230 more reports) the year pages
// of a topic and a person and the permanent moves from numbered pages past the cap.

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 360, height: 740 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBe(0);
}

const trail = (page: Page) => page.getByRole("navigation", { name: "Vị trí trang" }).getByRole("listitem");

test("the months calendar links January 2021, whose page lists the seed report under its day", async ({
  page,
}) => {
  await page.goto("/luu-tru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lưu trữ theo tháng");
  const year = page.getByRole("region", { name: "Năm 2021" });
  await expect(year.getByRole("listitem")).toHaveCount(12);
  // A month without reports is shown, not linked.
  await expect(year.getByRole("listitem").nth(1)).toHaveText("Tháng 2");
  await expect(year.getByRole("listitem").nth(1).getByRole("link")).toHaveCount(0);
  const january = year.getByRole("link", { name: "Tháng 1 1 bài" });
  await expect(january).toHaveAttribute("href", "/luu-tru/2021/01");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  await page.setViewportSize({ width: 1280, height: 720 });
  await january.click();
  await expect(page).toHaveURL("/luu-tru/2021/01");
  await expect(trail(page)).toHaveText(["Trang chủ", "Lưu trữ", "Tháng 1/2021"]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lưu trữ tháng 1/2021");
  const day = page.getByRole("region", { name: "Thứ Ba, 12/01/2021" });
  await expect(day.getByRole("listitem")).toHaveText(`${SEED_TITLE} 08:00`);
  // The neighbouring months that have reports: June 2020 before, November 2026 after.
  const months = page.getByRole("navigation", { name: "Các tháng khác" });
  await expect(months.getByRole("link", { name: "← Tháng 6/2020" })).toHaveAttribute(
    "href",
    "/luu-tru/2020/06",
  );
  await expect(months.getByRole("link", { name: "Tháng 11/2026 →" })).toHaveAttribute(
    "href",
    "/luu-tru/2026/11",
  );
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await day.getByRole("link", { name: SEED_TITLE }).click();
  await expect(page).toHaveURL(SEED_PATH);
});

test("the header links the archive; the home page has no archive link while its pages hold every report", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Các bài cũ hơn: xem lưu trữ theo tháng" })).toHaveCount(0);
  await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .getByRole("link", { name: "Lưu trữ" })
    .click();
  await expect(page).toHaveURL("/luu-tru");
});

for (const path of [
  "/luu-tru/2021/13",
  "/luu-tru/2021/1",
  "/luu-tru/2021/abc",
  "/luu-tru/21/01",
  "/luu-tru/2021/02",
]) {
  test(`${path} is a 404`, async ({ request }) => {
    expect((await request.get(path)).status()).toBe(404);
  });
}

test("the topics index has a letter bar; a letter's page lists its topics the Vietnamese way, with counts", async ({
  page,
}) => {
  await page.goto("/chu-de");
  const letters = page.getByRole("navigation", { name: "Chủ đề theo chữ cái" }).getByRole("link");
  await expect(letters).toHaveCount(27);
  await expect(letters.last()).toHaveText("0–9");
  await letters.filter({ hasText: /^T$/ }).click();
  await expect(page).toHaveURL("/chu-de/theo-van/t");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chủ đề bắt đầu bằng chữ T");
  await expect(trail(page)).toHaveText(["Trang chủ", "Chủ đề", "T"]);
  const tags = page.locator(".topic-list").last();
  const names = await tags.getByRole("link").allTextContents();
  expect(names).toEqual(expect.arrayContaining(["Thành phố Vinh", "Tổng kết năm 2020"]));
  expect(names).toEqual([...names].sort(new Intl.Collator("vi").compare));
  await expect(tags.getByRole("listitem").filter({ hasText: "Thành phố Vinh" })).toContainText("(2 bài)");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
});

test("a letter without topics says so; an unknown letter or page is a 404", async ({ page, request }) => {
  const response = await page.goto("/chu-de/theo-van/y");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Chưa có chủ đề nào bắt đầu bằng Y.")).toBeVisible();
  // A letter of 200 topics or fewer is one page: no /trang/1 twin, no page past it.
  for (const path of [
    "/chu-de/theo-van/ab",
    "/chu-de/theo-van/A",
    "/chu-de/theo-van/%C4%91",
    "/chu-de/theo-van/t/trang/1",
    "/chu-de/theo-van/t/trang/2",
    "/chu-de/theo-van/t/trang/02",
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test("a short list has no year pages and no numbered pages past its first", async ({ request }) => {
  for (const path of [
    "/chu-de/thanh-pho-vinh/nam/2021",
    "/chuyen-muc/quoc-phong-an-ninh/nam/2021",
    "/nguoi/tran-ngoc-tu/nam/2021",
    "/nguoi/tran-ngoc-tu/trang/1",
    "/nguoi/tran-ngoc-tu/trang/2",
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test.describe("an archive longer than its numbered pages", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  // 230 bulletins, every third day back from 28 December 2019: older than every e2e report, so the
  // site's list is the four e2e reports, then bulletin 1, 2 … One tag, category and person each;
  // more than a page of them in 2019. Each also has a tag of its own under X (“Xóm 001” …): more
  // topics than a letter's page holds.
  const COUNT = 230;
  const E2E_REPORTS = 4;
  const DAY_MS = 86_400_000;
  const dateOf = (n: number) => new Date(Date.UTC(2019, 11, 28, 2) - (n - 1) * 3 * DAY_MS);
  const ymd = (n: number) => dateOf(n).toISOString().slice(0, 10);
  /** The bulletin at a 0-based position of a newest-first list of bulletins. */
  const nthBulletin = (position: number) => position + 1;

  function bulletin(n: number): string {
    return `---
title: "Bản tin lưu trữ số ${n}"
date: ${ymd(n)}T09:00:00+07:00
summary: Bản tin thử lưu trữ, số ${n}.
category: Thời sự
tags: [Lưu trữ thử nghiệm, Xóm ${String(n).padStart(3, "0")}]
attendees:
  - name: Hoàng Văn Thử
    rank: Thiếu tá
    role: Trưởng ban số ${n}
---

Bản tin này chỉ dùng cho kiểm thử các trang lưu trữ.
`;
  }

  let own: OwnServer;
  const EDITOR_PASSWORD = "mật khẩu thử nghiệm đủ dài";

  test.beforeAll(async () => {
    // Starting a server of its own: a hook's limit is not the describe block's.
    test.setTimeout(240_000);
    const files = Object.fromEntries(
      Array.from({ length: COUNT }, (_, i) => [`ban-tin-luu-tru-so-${i + 1}.md`, bulletin(i + 1)]),
    );
    own = await startOwnServer({ prefix: "luu-tru-", files, editors: { "bt-thu": EDITOR_PASSWORD } });
    // The server reads the files after it starts, newest first: wait until search (answered per
    // request, never cached) finds every bulletin, so no page is first rendered without them.
    await expect
      .poll(async () => (await fetch(own.at("/tim-kiem?q=ban+tin+luu+tru"))).text(), { timeout: 150_000 })
      .toContain(`${COUNT} kết quả`);
  });

  test.afterAll(async () => {
    await own?.stop();
  });

  /** Where a permanent move points. */
  async function movedTo(request: APIRequestContext, path: string): Promise<string> {
    const response = await request.get(own.at(path), { maxRedirects: 0 });
    expect(response.status(), path).toBe(308);
    // One Location header: the proxy answers, not a page (whose first redirect Next sends with two,
    // vercel/next.js#82117).
    const locations = response
      .headersArray()
      .filter(({ name }) => name.toLowerCase() === "location")
      .map(({ value }) => new URL(value, own.at("/")).pathname);
    expect(locations, path).toHaveLength(1);
    return locations[0];
  }

  test("the site's numbered pages end at 10, with a link to the months; past them, 308 to the month", async ({
    page,
    request,
  }) => {
    await page.goto(own.at("/trang/10"));
    await expect(page.getByRole("navigation", { name: "Phân trang" })).toContainText("Trang 10/10");
    await expect(page.getByRole("link", { name: "Trang sau →" })).toHaveCount(0);
    await page.getByRole("link", { name: "Các bài cũ hơn: xem lưu trữ theo tháng" }).click();
    await expect(page).toHaveURL(own.at("/luu-tru"));

    // /trang/11 would open with the 201st report: bulletin 197.
    for (const [listingPage, position] of [
      [11, 200],
      [12, 220],
    ]) {
      const month = ymd(nthBulletin(position - E2E_REPORTS))
        .slice(0, 7)
        .replace("-", "/");
      expect(await movedTo(request, `/trang/${listingPage}`)).toBe(`/luu-tru/${month}`);
    }
    // 234 reports: no 13th page to move.
    expect((await request.get(own.at("/trang/13"), { maxRedirects: 0 })).status()).toBe(404);
  });

  test("a month page of the bulletins lists them by day, time beside each", async ({ page }) => {
    const n = nthBulletin(196);
    const [year, month, day] = ymd(n).split("-");
    await page.goto(own.at(`/luu-tru/${year}/${month}`));
    const heading = page.getByRole("heading", { level: 2, name: new RegExp(`, ${day}/${month}/${year}$`) });
    await expect(heading).toHaveCount(1);
    const row = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: `Bản tin lưu trữ số ${n}`, exact: true }) });
    await expect(row.locator("time")).toHaveText("09:00");
  });

  test("a topic's first page links its years; past its third page, 308 to the year; the year page by month", async ({
    page,
    request,
  }) => {
    await page.goto(own.at("/chu-de/luu-tru-thu-nghiem"));
    await expect(page.getByRole("navigation", { name: "Phân trang" })).toContainText("Trang 1/3");
    const years = page.getByRole("navigation", { name: "Lưu trữ theo năm" });
    const yearCounts = new Map<number, number>();
    for (let n = 1; n <= COUNT; n += 1) {
      const year = dateOf(n).getUTCFullYear();
      yearCounts.set(year, (yearCounts.get(year) ?? 0) + 1);
    }
    await expect(years.getByRole("link")).toHaveText(
      [...yearCounts].map(([year, count]) => `${year} (${count} bài)`),
    );

    // A year's pages hold 100 bulletins each, oldest first: /trang/4 opens with bulletin 61, on
    // the page of its year that holds it.
    const moved = nthBulletin(60);
    const year = dateOf(moved).getUTCFullYear();
    const olderInYear = Array.from({ length: COUNT }, (_, i) => i + 1).filter(
      (n) => n > moved && dateOf(n).getUTCFullYear() === year,
    ).length;
    const yearPage = Math.floor(olderInYear / 100) + 1;
    const suffix = yearPage === 1 ? "" : `/trang/${yearPage}`;
    expect(await movedTo(request, "/chu-de/luu-tru-thu-nghiem/trang/4")).toBe(
      `/chu-de/luu-tru-thu-nghiem/nam/${year}${suffix}`,
    );
    expect(await movedTo(request, "/chuyen-muc/thoi-su/trang/4")).toBe(
      `/chuyen-muc/thoi-su/nam/${year}${suffix}`,
    );

    const count2019 = yearCounts.get(2019) ?? 0;
    expect(count2019).toBeGreaterThan(100);
    await years.getByRole("link", { name: `2019 (${count2019} bài)` }).click();
    await expect(page).toHaveURL(own.at("/chu-de/luu-tru-thu-nghiem/nam/2019"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lưu trữ thử nghiệm, năm 2019");
    await expect(trail(page)).toHaveText(["Trang chủ", "Chủ đề", "Lưu trữ thử nghiệm", "Năm 2019"]);
    const items = page.locator(".compact-list__item");
    await expect(items).toHaveCount(100);
    // Oldest first: the earliest bulletin of 2019 opens the year.
    const oldest2019 = Math.max(
      ...Array.from({ length: COUNT }, (_, i) => i + 1).filter((n) => dateOf(n).getUTCFullYear() === 2019),
    );
    await expect(items.first().getByRole("link")).toHaveText(`Bản tin lưu trữ số ${oldest2019}`);
    await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(
      `Tháng ${dateOf(oldest2019).getUTCMonth() + 1}/2019`,
    );
    await expect(years.locator("[aria-current=page]")).toHaveText(`2019 (${count2019} bài)`);
    const yearPages = page.getByRole("navigation", { name: "Các trang của năm" });
    await yearPages.getByRole("link", { name: "Trang sau →" }).click();
    await expect(page).toHaveURL(own.at("/chu-de/luu-tru-thu-nghiem/nam/2019/trang/2"));
    await expect(items).toHaveCount(count2019 - 100);
    await expect(items.last().getByRole("link")).toHaveText("Bản tin lưu trữ số 1");
    await expect(yearPages.getByRole("link", { name: "Trang sau →" })).toHaveCount(0);
    await expect(page).toHaveTitle(/Lưu trữ thử nghiệm, năm 2019, trang 2/);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    for (const path of [
      "/chu-de/luu-tru-thu-nghiem/nam/19",
      "/chu-de/luu-tru-thu-nghiem/nam/2030",
      "/chu-de/luu-tru-thu-nghiem/nam/2019/trang/1",
      "/chu-de/luu-tru-thu-nghiem/nam/2019/trang/3",
      "/luu-tru/2019/12/trang/2",
    ]) {
      expect((await request.get(own.at(path))).status(), path).toBe(404);
    }
  });

  test("a person's appearances, 20 a page with rank and role; past the third page, 308 to the year page", async ({
    page,
    request,
  }) => {
    await page.goto(own.at("/nguoi/hoang-van-thu"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hoàng Văn Thử");
    await expect(page.getByText(`Tham dự ${COUNT} sự kiện được đưa tin.`)).toBeVisible();
    await expect(page.locator(".appearance")).toHaveCount(20);
    await expect(page.locator(".appearance").first()).toContainText("Thiếu tá, Trưởng ban số 1");
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
    );
    expect(jsonLd).toMatchObject({
      "@type": "Person",
      name: "Hoàng Văn Thử",
      jobTitle: "Thiếu tá, Trưởng ban số 1",
    });
    expect(jsonLd.subjectOf).toHaveLength(20);

    await page.getByRole("link", { name: "Trang sau →" }).click();
    await expect(page).toHaveURL(own.at("/nguoi/hoang-van-thu/trang/2"));
    await expect(page.locator(".appearance").first()).toContainText("Bản tin lưu trữ số 21");
    expect((await request.get(own.at("/nguoi/hoang-van-thu/trang/1"))).status()).toBe(404);

    const n = nthBulletin(60);
    const year = dateOf(n).getUTCFullYear();
    expect(await movedTo(request, "/nguoi/hoang-van-thu/trang/4")).toBe(`/nguoi/hoang-van-thu/nam/${year}`);
    await page.goto(own.at(`/nguoi/hoang-van-thu/nam/${year}`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hoàng Văn Thử, năm ${year}`);
    await expect(trail(page)).toHaveText(["Trang chủ", "Hoàng Văn Thử", `Năm ${year}`]);
    await expect(page.locator(".appearance").filter({ hasText: `Bản tin lưu trữ số ${n}` })).toContainText(
      `Thiếu tá, Trưởng ban số ${n}`,
    );
    await expectNoAxeViolations(page);
  });

  test("a letter of more than 200 topics: 200 on its first page, in order, the rest on the next", async ({
    page,
    request,
  }) => {
    await page.goto(own.at("/chu-de/theo-van/x"));
    const tags = page.locator(".topic-list").last().getByRole("link");
    await expect(tags).toHaveCount(200);
    await expect(tags.first()).toHaveText("Xóm 001");
    await expect(tags.last()).toHaveText("Xóm 200");
    await expect(page.getByRole("navigation", { name: "Phân trang" })).toContainText("Trang 1/2");
    await page.getByRole("link", { name: "Trang sau →" }).click();
    await expect(page).toHaveURL(own.at("/chu-de/theo-van/x/trang/2"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chủ đề bắt đầu bằng chữ X, trang 2");
    expect(await tags.allTextContents()).toEqual(
      Array.from({ length: 30 }, (_, i) => `Xóm ${String(201 + i).padStart(3, "0")}`),
    );
    await expect(page.getByRole("link", { name: "← Trang trước" })).toHaveAttribute(
      "href",
      "/chu-de/theo-van/x",
    );
    expect((await request.get(own.at("/chu-de/theo-van/x/trang/3"))).status()).toBe(404);
  });

  test("the editors' list shows 50 reports a page, newest first, with the next page and a filter", async ({
    page,
  }) => {
    await page.goto(own.at("/quan-tri/dang-nhap"));
    await page.getByLabel("Tên đăng nhập").fill("bt-thu");
    await page.getByLabel("Mật khẩu").fill(EDITOR_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(own.at("/quan-tri"));
    const titleLinks = page.locator(".admin-table tbody tr td:first-child > a:first-child");
    const titles = () => titleLinks.allTextContents();
    const first = await titles();
    expect(first).toHaveLength(50);
    await expect(page.getByText(/^\d+ bài · trang 1$/)).toBeVisible();
    // The bulletins come after the e2e reports, newest (number 1) first.
    const bulletins = (list: string[]) =>
      list.flatMap((title) => /^Bản tin lưu trữ số (\d+)$/.exec(title)?.[1] ?? []).map(Number);
    const onFirst = bulletins(first);
    expect(onFirst).toEqual(Array.from({ length: onFirst.length }, (_, i) => i + 1));

    await page.getByRole("link", { name: "Trang sau →" }).click();
    await expect(page).toHaveURL(own.at("/quan-tri?trang=2"));
    const second = bulletins(await titles());
    expect(second).toEqual(Array.from({ length: 50 }, (_, i) => onFirst.length + 1 + i));
    await expect(page.getByRole("link", { name: "← Trang trước" })).toHaveAttribute("href", "/quan-tri");

    await page.getByLabel("Lọc theo tiêu đề").fill("ban tin luu tru so 229");
    await page.getByRole("button", { name: "Lọc" }).click();
    // Retried until the filtered page has loaded: read at once, the list can be the one leaving.
    await expect(titleLinks).toHaveText(["Bản tin lưu trữ số 229"]);
    await expect(page.getByText("1 bài", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Trang sau →" })).toHaveCount(0);
  });
});
