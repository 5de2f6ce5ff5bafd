import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import fc from "fast-check";
import { type OwnServer, startOwnServer } from "./own-server";
import { SEED_PATH, SEED_TITLE } from "./seed-report";

// Searching the archive on the production build: the e2e content and 24 more reports
// (enough for pages and filters), served by a server of their own.

let own: OwnServer;

/** Bulletins of two wards over six years: "ban tin" finds all 24. */
function bulletin(n: number): string {
  const year = 2019 + (n % 6);
  const category = n % 2 ? "Thời sự" : "Đời sống";
  return `---
title: "Bản tin phường số ${n}"
date: ${year}-03-${String((n % 27) + 1).padStart(2, "0")}T08:00:00+07:00
summary: Bản tin hằng tháng của phường, số ${n}.
category: ${category}
tags: [Bản tin]
---

Bản tin tháng này điểm lại công việc của phường: vệ sinh đường phố, tiêm chủng và họp tổ dân phố.
`;
}

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  // Starting a server of its own: a hook's limit is not the describe block's.
  test.setTimeout(120_000);
  const files = Object.fromEntries(
    Array.from({ length: 24 }, (_, i) => [`ban-tin-phuong-so-${i + 1}.md`, bulletin(i + 1)]),
  );
  own = await startOwnServer({ prefix: "tim-kiem-", files });
});

test.afterAll(async () => {
  await own?.stop();
});

const at = (pathname: string) => own.at(pathname);

async function resultTitles(page: Page): Promise<string[]> {
  return page.locator(".search-result__title").allInnerTexts();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's form finds the seed report typed without diacritics, with the words marked", async ({
    page,
  }) => {
    await page.goto(at(SEED_PATH));
    const box = page.getByRole("combobox", { name: "Tìm bài viết" });
    await box.fill("quoc phong vinh");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/tim-kiem\?q=quoc\+phong\+vinh$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả tìm kiếm “quoc phong vinh”");
    expect(await resultTitles(page)).toEqual([SEED_TITLE]);
    await expect(page.locator(".search-page__count")).toHaveText("1 kết quả");
    const marks = await page.locator(".search-result mark").allInnerTexts();
    expect(marks).toEqual(expect.arrayContaining(["quốc", "phòng", "Vinh"]));
    await page.getByRole("link", { name: SEED_TITLE }).click();
    await expect(page).toHaveURL(at(SEED_PATH));
  });

  test("a person's name finds the report they attended, shown with its diacritics", async ({ page }) => {
    await page.goto(at("/tim-kiem?q=dinh+bat+van"));
    expect(await resultTitles(page)).toEqual([SEED_TITLE]);
    await expect(page.locator(".search-result__snippet")).toContainText("Thượng tá Đinh Bạt Văn");
    expect(await page.locator(".search-result__snippet mark").allInnerTexts()).toEqual(
      expect.arrayContaining(["Đinh", "Bạt", "Văn"]),
    );
  });

  test("pages through the results, and filters by category and year", async ({ page }) => {
    await page.goto(at("/tim-kiem?q=ban+tin"));
    await expect(page.locator(".search-page__count")).toHaveText("24 kết quả, trang 1/3");
    await expect(page.locator(".search-result")).toHaveCount(10);
    await page.getByRole("link", { name: "Trang sau →" }).click();
    await expect(page).toHaveURL(/trang=2/);
    await expect(page.locator(".search-result")).toHaveCount(10);
    await page.getByRole("link", { name: "Trang sau →" }).click();
    await expect(page.locator(".search-result")).toHaveCount(4);

    await page.getByLabel("Chuyên mục").selectOption({ label: "Đời sống" });
    await page.getByLabel("Năm").selectOption("2020");
    await page.getByLabel("Mới nhất").check();
    await page.getByRole("button", { name: "Lọc kết quả" }).click();
    await expect(page).toHaveURL(/chuyen-muc=doi-song&nam=2020&sap-xep=moi-nhat/);
    // Bulletin n is of 2019 + n % 6 and in "Đời sống" when n is even: those of 2020 (n = 1, 7, 13,
    // 19) are all in "Thời sự"; those of 2021 (n = 2, 8, 14, 20) all in "Đời sống".
    await expect(page.locator(".search-page__count")).toContainText("Không tìm thấy");
    await page.getByLabel("Năm").selectOption("2021");
    await page.getByRole("button", { name: "Lọc kết quả" }).click();
    // Waits for the new page: the button's answer replaces the one above.
    await expect(page).toHaveURL(/nam=2021/);
    await expect(page.locator(".search-result__title")).toHaveText([
      "Bản tin phường số 20",
      "Bản tin phường số 14",
      "Bản tin phường số 8",
      "Bản tin phường số 2",
    ]);
  });
});

test.describe("with JavaScript", () => {
  test("suggestions as the reader types, chosen with the keyboard and announced", async ({ page }) => {
    await page.goto(at("/"));
    const box = page.getByRole("combobox", { name: "Tìm bài viết" });
    await box.pressSequentially("dinh b", { delay: 30 });
    const list = page.getByRole("listbox", { name: "Gợi ý" });
    await expect(list.getByRole("option", { name: /Đinh Bạt Văn/ })).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("status").filter({ hasText: "gợi ý" })).toContainText("1 gợi ý");
    await box.press("ArrowDown");
    const option = list.getByRole("option", { name: /Đinh Bạt Văn/ });
    await expect(option).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id")) ?? "");
    await box.press("Enter");
    await expect(page).toHaveURL(at("/nguoi/dinh-bat-van"));
  });

  /** The header's box with "quoc ph" typed and its suggestions closed by one Escape. */
  async function typedThenEscaped(page: Page) {
    await page.goto(at("/"));
    const box = page.getByRole("combobox", { name: "Tìm bài viết" });
    await box.pressSequentially("quoc ph", { delay: 30 });
    await expect(page.getByRole("listbox", { name: "Gợi ý" })).toBeVisible();
    await box.press("Escape");
    await expect(page.getByRole("listbox", { name: "Gợi ý" })).toBeHidden();
    return box;
  }

  test("Escape closes the suggestions; Enter then searches what was typed", async ({ page }) => {
    const box = await typedThenEscaped(page);
    await box.press("Enter");
    await expect(page).toHaveURL(/\/tim-kiem\?q=quoc\+ph$/);
  });

  test("a second Escape empties the box, as a search input's own does", async ({ page }) => {
    const box = await typedThenEscaped(page);
    await expect(box).toHaveValue("quoc ph");
    await box.press("Escape");
    await expect(box).toHaveValue("");
  });

  test("the results page passes axe", async ({ page }) => {
    await page.goto(at("/tim-kiem?q=ban+tin"));
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
  });
});

test("results are noindex, briefly cacheable, and out of the sitemap; browsers can add the site", async () => {
  const response = await fetch(at("/tim-kiem?q=vinh"));
  expect(response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=3");
  expect(await response.text()).toContain('<meta name="robots" content="noindex, follow"/>');
  expect(await (await fetch(at("/sitemap.xml"))).text()).not.toContain("tim-kiem");
  const home = await (await fetch(at("/"))).text();
  expect(home).toContain(
    '<link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml"',
  );
  expect(home).toContain('"@type":"SearchAction"');
  const description = await fetch(at("/opensearch.xml"));
  expect(description.headers.get("content-type")).toContain("application/opensearchdescription+xml");
  expect(await description.text()).toContain("/tim-kiem?q={searchTerms}");
});

test("a draft is never found, nor suggested", async () => {
  const page = await (await fetch(at("/tim-kiem?q=ban+nhap+chua+duoc+dang"))).text();
  expect(page).toContain("Không tìm thấy bài viết nào");
  expect(page).not.toContain("ban-nhap-chua-dang");
  expect(await (await fetch(at("/tim-kiem/goi-y?q=ban+nhap"))).json()).toEqual([]);
});

test("no query string makes the page fail: hostile ones answer 200 with a page", async () => {
  const hostile = [
    "",
    "%",
    "%E0%A4%A",
    "%22",
    "AND%20OR%20NOT%20NEAR",
    "*",
    "title:x",
    "(a",
    "%00%01%1F",
    "1'%20OR%201=1;--",
    "a".repeat(1000),
    "NEAR(a%20b,%202)",
    "%F0%9F%98%80",
  ];
  for (const q of hostile) {
    const response = await fetch(at(`/tim-kiem?q=${q}&trang=99999999999999999999`));
    expect(response.status, q).toBe(200);
    expect(await response.text(), q).toContain("<h1");
  }
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: "binary", maxLength: 60 }), async (text) => {
      const response = await fetch(at(`/tim-kiem?q=${encodeURIComponent(text)}`));
      expect(response.status).toBe(200);
      const suggestions = await fetch(at(`/tim-kiem/goi-y?q=${encodeURIComponent(text)}`));
      expect(suggestions.status).toBe(200);
    }),
    { numRuns: 40 },
  );
});
