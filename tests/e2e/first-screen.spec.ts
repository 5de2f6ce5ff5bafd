import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { SEED_PATH, SEED_TITLE } from "./seed-report";

// A reader's first screen on a phone starts with the news: the header is two short rows, search
// waits behind a button (with or without JavaScript), and the text size sits in the report's
// toolbar. The search page's filters read as one form at a phone's width and a desktop's.

const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

async function phonePage(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

// A <summary>: browsers give it a button's part (Chromium's "disclosure triangle"), Playwright's
// role query none.
const searchButton = (page: Page) => page.getByRole("banner").locator("summary", { hasText: "Tìm kiếm" });
const searchField = (page: Page) => page.getByRole("combobox", { name: "Tìm bài viết" });

test("on a 360 × 780 phone the report's headline starts within the top 200 px", async ({ browser }) => {
  const { context, page } = await phonePage(browser);
  await page.goto(SEED_PATH);
  await page.evaluate(() => document.fonts.ready);
  const headline = await page.getByRole("heading", { level: 1 }).boundingBox();
  const header = await page.getByRole("banner").boundingBox();
  console.log(`h1 top ${headline?.y} px, header ${header?.height} px high`);
  expect(headline?.y).toBeLessThan(200);
  // The sections stay one tap away, and the search form waits behind its button.
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link")).toHaveCount(3);
  await expect(searchButton(page)).toBeVisible();
  await expect(searchField(page)).toBeHidden();
  await context.close();
});

test("on a phone with JavaScript, the button opens the form with the caret in it, and it searches", async ({
  browser,
}) => {
  const { context, page } = await phonePage(browser);
  await page.goto(SEED_PATH);
  await searchButton(page).click();
  await expect(page.locator("details.header-search")).toHaveAttribute("open", "");
  await expect(searchField(page)).toBeFocused();
  await page.keyboard.type("quoc phong vinh");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/tim-kiem\?q=quoc\+phong\+vinh$/);
  await expect(page.locator(".search-result__title")).toHaveText([SEED_TITLE]);
  await context.close();
});

test("on a phone, Escape in an empty box closes the form and returns to its button", async ({ browser }) => {
  const { context, page } = await phonePage(browser);
  await page.goto("/");
  await searchButton(page).click();
  await expect(searchField(page)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(searchField(page)).toBeHidden();
  await expect(searchButton(page)).toBeFocused();
  await context.close();
});

test("on a phone without JavaScript the button still opens a form that searches", async ({ browser }) => {
  const { context, page } = await phonePage(browser, false);
  await page.goto(SEED_PATH);
  await expect(searchField(page)).toBeHidden();
  await searchButton(page).click();
  await searchField(page).fill("dinh bat van");
  await searchField(page).press("Enter");
  await expect(page).toHaveURL(/\/tim-kiem\?q=dinh\+bat\+van$/);
  await expect(page.locator(".search-result__title")).toHaveText([SEED_TITLE]);
  await context.close();
});

test("on a wide screen the form is shown in the header, without its button", async ({ browser }) => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.goto("/");
  await expect(searchField(page)).toBeVisible();
  await expect(searchButton(page)).toBeHidden();
  const header = await page.getByRole("banner").boundingBox();
  expect(header?.height).toBeLessThan(80);
  await context.close();
});

test("the text size control is in the report's toolbar only, and the chosen size holds on other pages", async ({
  page,
}) => {
  await page.goto(SEED_PATH);
  const control = page.locator(".report__toolbar").getByRole("group", { name: "Cỡ chữ" });
  await expect(control).toBeVisible();
  await expect(page.getByRole("banner").getByRole("group", { name: "Cỡ chữ" })).toHaveCount(0);
  await control.getByRole("button", { name: "A+ (chữ lớn)" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-co-chu", "lon");

  for (const path of ["/", "/chu-de", "/tim-kiem?q=vinh"]) {
    await page.goto(path);
    await expect(page.getByRole("group", { name: "Cỡ chữ" }), path).toHaveCount(0);
    await expect(page.locator("html"), path).toHaveAttribute("data-co-chu", "lon");
  }
});

/** Boxes of the filters' labels and controls, read in one pass. */
async function filterBoxes(form: Locator) {
  return form.evaluate((element) => {
    const box = (node: Element) => {
      const { top, bottom, left, right, height } = node.getBoundingClientRect();
      return { top, bottom, left, right, height };
    };
    const lineHeight = (node: Element) => parseFloat(getComputedStyle(node).lineHeight);
    // A text's own lines: a range over it has one client rect per line it takes.
    const lines = (node: Element) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    };
    return {
      form: box(element),
      fields: [...element.querySelectorAll(".search-filters__field")].map((field) => ({
        name: field.querySelector(".search-filters__label")?.textContent,
        label: box(field.querySelector(".search-filters__label")!),
        labelLines: lines(field.querySelector(".search-filters__label")!),
        control: box(field.querySelector("select")!),
      })),
      legend: { ...box(element.querySelector("legend")!), lines: lines(element.querySelector("legend")!) },
      choices: [...element.querySelectorAll(".search-filters__choice")].map((choice) => ({
        name: choice.textContent?.trim(),
        box: box(choice),
        radio: box(choice.querySelector("input")!),
        lineHeight: lineHeight(choice),
      })),
      submit: box(element.querySelector("button")!),
    };
  });
}

for (const [name, device] of Object.entries({ "360 px": PHONE, "1280 px": DESKTOP })) {
  test(`the search filters at ${name}: each label on one line above its control, targets 44 px high`, async ({
    browser,
  }) => {
    const context = await browser.newContext(device);
    const page = await context.newPage();
    await page.goto("/tim-kiem?q=vinh");
    await page.evaluate(() => document.fonts.ready);
    const form = page.getByRole("form", { name: "Lọc kết quả" });
    const boxes = await filterBoxes(form);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(device.viewport.width);

    expect(boxes.fields.map((field) => field.name)).toEqual(["Chuyên mục", "Năm"]);
    for (const field of boxes.fields) {
      expect(field.labelLines, field.name ?? "").toBe(1);
      // The label right above its control, both starting at the same left edge.
      expect(field.label.bottom, field.name ?? "").toBeLessThanOrEqual(field.control.top + 1);
      expect(field.control.top - field.label.bottom, field.name ?? "").toBeLessThan(12);
      expect(Math.abs(field.label.left - field.control.left), field.name ?? "").toBeLessThan(1);
      expect(field.control.height, field.name ?? "").toBeGreaterThanOrEqual(44);
      expect(field.control.right, field.name ?? "").toBeLessThanOrEqual(boxes.form.right);
    }
    // Category and year side by side, on one baseline.
    expect(boxes.fields[0].control.top).toBe(boxes.fields[1].control.top);

    expect(boxes.legend.lines).toBe(1);
    expect(boxes.choices.map((choice) => choice.name)).toEqual(["Liên quan nhất", "Mới nhất"]);
    for (const choice of boxes.choices) {
      // One line, the radio inside it and level with its text, the whole choice a 44 px target.
      expect(choice.box.height, choice.name ?? "").toBeGreaterThanOrEqual(44);
      expect(choice.box.height, choice.name ?? "").toBeLessThan(44 + choice.lineHeight / 2);
      expect(choice.radio.left, choice.name ?? "").toBeGreaterThanOrEqual(choice.box.left);
      const middle = (b: { top: number; bottom: number }) => (b.top + b.bottom) / 2;
      expect(Math.abs(middle(choice.radio) - middle(choice.box)), choice.name ?? "").toBeLessThan(3);
      expect(choice.box.top, choice.name ?? "").toBeGreaterThanOrEqual(boxes.legend.bottom);
    }
    // The two choices make one control: side by side, touching.
    expect(boxes.choices[0].box.top).toBe(boxes.choices[1].box.top);
    expect(Math.abs(boxes.choices[0].box.right - boxes.choices[1].box.left)).toBeLessThan(1);
    expect(boxes.submit.height).toBeGreaterThanOrEqual(44);
    expect(boxes.submit.right).toBeLessThanOrEqual(boxes.form.right);
    await context.close();
  });
}

test("the search filters work without JavaScript on a phone", async ({ browser }) => {
  const { context, page } = await phonePage(browser, false);
  await page.goto("/tim-kiem?q=vinh");
  await page.getByText("Mới nhất").click();
  await page.getByRole("button", { name: "Lọc kết quả" }).click();
  await expect(page).toHaveURL(/[?&]sap-xep=moi-nhat(&|$)/);
  await expect(page.getByLabel("Mới nhất")).toBeChecked();
  await context.close();
});
