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

test("the text uses the self-hosted Vietnamese font", async ({ page }) => {
  await page.goto(SEED_PATH);
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.status === "loaded").map((font) => font.family);
  });
  expect(loaded.some((family) => /vietnamese/i.test(family))).toBe(true);
});

test("every letter of the headline is drawn by Be Vietnam Pro, and no fallback face comes before its Vietnamese file", async ({
  page,
}) => {
  await page.goto(SEED_PATH);
  const order = await page.evaluate(async () => {
    await document.fonts.ready;
    const unquoted = (family: string) => family.trim().replace(/^["']|["']$/g, "");
    const vietnamese = [...document.fonts].find((font) => font.unicodeRange.includes("1EA0"))?.family ?? "";
    const families = getComputedStyle(document.body).fontFamily.split(",").map(unquoted);
    return { vietnamese: unquoted(vietnamese), families };
  });
  // A fallback face is local(Arial): wherever Arial is installed it would draw ộ, ế, ư… itself.
  // First the Vietnamese file, then the Latin one, and only then any fallback face.
  expect(order.families.indexOf(order.vietnamese)).toBe(0);
  expect(order.families.slice(0, 2).some((family) => family.endsWith(" Fallback"))).toBe(false);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "h1" });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  expect(fonts.map((font) => font.familyName)).toEqual(["Be Vietnam Pro"]);
});
