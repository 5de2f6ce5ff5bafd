import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SEED_PATH } from "./seed-report";

const PAGES = { "home page": "/", report: SEED_PATH, "404 page": "/bai-viet/khong-co-bai-nay" };

for (const [name, path] of Object.entries(PAGES)) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`axe finds no WCAG 2.1 AA violation on the ${name} (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual(
        [],
      );
    });
  }

  test(`the ${name} does not scroll sideways at 360 px`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
}

test("printing a report hides navigation and keeps captions", async ({ page }) => {
  await page.goto(SEED_PATH);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" })).toBeHidden();
  await expect(page.locator("footer.site-footer")).toBeHidden();
  await expect(page.locator("figcaption").first()).toBeVisible();
  await expect(page.getByRole("complementary")).toBeVisible();
});

test("the text uses the self-hosted font's two weights", async ({ page }) => {
  await page.goto(SEED_PATH);
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    const unquoted = (family: string) => family.trim().replace(/^["']|["']$/g, "");
    const first = unquoted(getComputedStyle(document.body).fontFamily.split(",")[0]);
    return [...document.fonts]
      .filter((font) => unquoted(font.family) === first && font.status === "loaded")
      .map((font) => font.weight)
      .sort();
  });
  expect(loaded).toEqual(["400", "700"]);
});

test("every letter on the report and the home page is drawn by Be Vietnam Pro, none by a fallback", async ({
  page,
}) => {
  // The fallback face (local Arial, sized to match) comes right after the font: wherever Arial is
  // installed it would draw any letter the font's files lack, ộ or ư beside the font's own.
  for (const path of [SEED_PATH, "/"]) {
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: "body *" });
    const families = new Set<string>();
    let drawn = 0;
    for (const nodeId of nodeIds) {
      // Elements without text of their own (scripts, images, wrappers) answer with no fonts.
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      for (const font of fonts) families.add(font.familyName);
      drawn += fonts.reduce((sum, font) => sum + font.glyphCount, 0);
    }
    await cdp.detach();
    expect(drawn, path).toBeGreaterThan(1000);
    expect([...families], path).toEqual(["Be Vietnam Pro"]);
  }
});
