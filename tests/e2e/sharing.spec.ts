import { expect, test, type Page } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import sharp from "sharp";
import { getNewestReports } from "@/lib/content";
import { E2E_SITE_URL } from "../../tools/e2e-build";
import { SEED_PATH, SEED_TITLE } from "./seed-report";

const SEED_URL = `${E2E_SITE_URL}${SEED_PATH}`;
const SEED_SUMMARY =
  "Sáng ngày 12/1, UBND thành phố Vinh đã tổ chức Hội nghị tổng kết công tác quốc phòng - an ninh năm 2020, triển khai nhiệm vụ năm 2021.";

async function meta(page: Page, key: string): Promise<string[]> {
  return page
    .locator(`head meta[property="${key}"], head meta[name="${key}"]`)
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("content") ?? ""));
}

type JsonObject = Record<string, unknown>;

async function jsonLd(page: Page): Promise<JsonObject[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => {
    const parsed = JSON.parse(text) as JsonObject | JsonObject[];
    return Array.isArray(parsed) ? parsed : [parsed];
  });
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * How many pixels of each box of a preview card differ clearly from its cream background: drawn
 * text or rules. A card can be 1200×630 and still lack its footer (Satori 0.63 drew it so).
 */
async function inkOfCard(png: Buffer, boxes: Record<string, Box>): Promise<Record<string, number>> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const background = [0xfb, 0xf8, 0xf3];
  const ink = (box: Box) => {
    let count = 0;
    for (let y = box.top; y < box.bottom; y += 1) {
      for (let x = box.left; x < box.right; x += 1) {
        const offset = (y * info.width + x) * 3;
        const distance = background.reduce(
          (sum, value, channel) => sum + Math.abs(data[offset + channel] - value),
          0,
        );
        if (distance > 120) count += 1;
      }
    }
    return count;
  };
  return Object.fromEntries(Object.entries(boxes).map(([name, box]) => [name, ink(box)]));
}

// Where the card's parts sit (components/og/preview-card.tsx): kicker and headline at the top,
// site name bottom left, date bottom right, nothing between.
const CARD_BOXES = {
  kicker: { left: 64, top: 60, right: 600, bottom: 110 },
  headline: { left: 64, top: 120, right: 1136, bottom: 300 },
  between: { left: 64, top: 320, right: 1136, bottom: 500 },
  siteName: { left: 64, top: 530, right: 400, bottom: 600 },
  date: { left: 900, top: 530, right: 1136, bottom: 600 },
};

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("a report's head carries every link-preview tag with absolute URLs from SITE_URL", async ({ page }) => {
  await page.goto(SEED_PATH);
  const image = `${SEED_URL}/anh-chia-se.png`;
  const expected: Record<string, string[]> = {
    description: [SEED_SUMMARY],
    "og:type": ["article"],
    "og:title": [SEED_TITLE],
    "og:description": [SEED_SUMMARY],
    "og:url": [SEED_URL],
    "og:site_name": ["Tin Xứ Nghệ"],
    "og:locale": ["vi_VN"],
    "og:image": [image],
    "og:image:width": ["1200"],
    "og:image:height": ["630"],
    "og:image:alt": [SEED_TITLE],
    "article:published_time": ["2021-01-12T08:00:00+07:00"],
    "article:section": ["Quốc phòng - An ninh"],
    "article:tag": ["Thành phố Vinh", "Quốc phòng", "An ninh", "Tổng kết năm 2020"],
    "twitter:card": ["summary_large_image"],
    "twitter:title": [SEED_TITLE],
    "twitter:description": [SEED_SUMMARY],
    "twitter:image": [image],
  };
  for (const [key, values] of Object.entries(expected)) expect(await meta(page, key), key).toEqual(values);
  expect(await meta(page, "article:modified_time")).toEqual([]);
  await expect(page).toHaveTitle(`${SEED_TITLE} | Tin Xứ Nghệ`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", SEED_URL);
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "href",
    `${E2E_SITE_URL}/feed.xml`,
  );
});

test("every page names the site, the locale, a canonical link and the feed", async ({ page }) => {
  for (const path of ["/", SEED_PATH]) {
    await page.goto(path);
    expect(await meta(page, "og:site_name")).toEqual(["Tin Xứ Nghệ"]);
    expect(await meta(page, "og:locale")).toEqual(["vi_VN"]);
    expect((await meta(page, "description"))[0].length).toBeGreaterThan(20);
    // Next.js writes the home page's canonical without its trailing slash: the same URL.
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute("href");
    expect(new URL(canonical ?? "").href).toBe(`${E2E_SITE_URL}${path}`);
    await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(1);
  }
  await page.goto("/");
  await expect(page).toHaveTitle("Tin Xứ Nghệ: tin tức Nghệ An");
  expect(await meta(page, "og:image")).toEqual([`${E2E_SITE_URL}/anh-chia-se.png`]);
});

test("the preview images answer 1200×630 PNGs with every part of the card drawn", async ({ request }) => {
  const ink: Record<string, Record<string, number>> = {};
  for (const path of [`${SEED_PATH}/anh-chia-se.png`, "/anh-chia-se.png"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const png = await response.body();
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    ink[path] = await inkOfCard(png, CARD_BOXES);
  }
  const report = ink[`${SEED_PATH}/anh-chia-se.png`];
  expect(report.kicker).toBeGreaterThan(500);
  expect(report.headline).toBeGreaterThan(5000);
  expect(report.between).toBe(0);
  expect(report.siteName).toBeGreaterThan(500);
  expect(report.date).toBeGreaterThan(500);
  // The site's card: its description as headline, the site name, no date.
  const site = ink["/anh-chia-se.png"];
  expect(site.headline).toBeGreaterThan(5000);
  expect(site.siteName).toBeGreaterThan(500);
  expect(site.date).toBe(0);
});

test("the report's JSON-LD is a NewsArticle with its people, plus a breadcrumb", async ({ page }) => {
  await page.goto(SEED_PATH);
  const [article, breadcrumb] = await jsonLd(page);
  expect(article).toMatchObject({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: SEED_TITLE,
    description: SEED_SUMMARY,
    datePublished: "2021-01-12T08:00:00+07:00",
    dateModified: "2021-01-12T08:00:00+07:00",
    inLanguage: "vi",
    mainEntityOfPage: { "@type": "WebPage", "@id": SEED_URL },
    author: { "@type": "Organization", name: "Báo Nghệ An" },
    publisher: {
      "@type": "NewsMediaOrganization",
      name: "Tin Xứ Nghệ",
      logo: { "@type": "ImageObject", url: `${E2E_SITE_URL}/logo.png` },
    },
  });
  const images = article.image as string[];
  expect(images[0]).toBe(`${SEED_URL}/anh-chia-se.png`);
  // The cover cut to Google's three ratios, then the six photos.
  expect(images.slice(1, 4)).toEqual(["1x1", "4x3", "16x9"].map((ratio) => `${SEED_URL}/anh/${ratio}.jpg`));
  expect(images).toHaveLength(10);
  // Each crop is a JPEG of its ratio, as wide as the 1200×800 placeholder allows.
  const sizes = [];
  for (const image of images.slice(1, 4)) {
    const response = await page.request.get(new URL(image).pathname);
    expect(response.headers()["content-type"]).toBe("image/jpeg");
    const { width, height } = await sharp(await response.body()).metadata();
    sizes.push([width, height]);
  }
  expect(sizes).toEqual([
    [800, 800],
    [1066, 800],
    [1200, 675],
  ]);
  expect(article.author).toEqual({ "@type": "Organization", name: "Báo Nghệ An", url: expect.any(String) });
  expect(article.mentions).toEqual([
    { "@type": "Person", name: "Nguyễn Mạnh Hùng", jobTitle: "Đại tá, Phó Giám đốc Công an tỉnh" },
    { "@type": "Person", name: "Đinh Bạt Văn", jobTitle: "Thượng tá, Phó Chỉ huy trưởng BCHQS tỉnh" },
    {
      "@type": "Person",
      name: "Nguyễn Văn Lư",
      jobTitle: "Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND thành phố",
    },
    {
      "@type": "Person",
      name: "Trần Ngọc Tú",
      jobTitle: "Phó Bí thư Thành ủy, Chủ tịch UBND thành phố Vinh",
    },
  ]);
  expect(breadcrumb).toMatchObject({
    "@type": "BreadcrumbList",
    itemListElement: [
      { position: 1, name: "Trang chủ", item: `${E2E_SITE_URL}/` },
      { position: 2, name: "Quốc phòng - An ninh", item: `${E2E_SITE_URL}/chuyen-muc/quoc-phong-an-ninh` },
      { position: 3, name: SEED_TITLE, item: SEED_URL },
    ],
  });
  const publisherLogo = await page.request.get("/logo.png");
  expect(pngSize(await publisherLogo.body())).toEqual({ width: 512, height: 512 });
});

test("the home page carries WebSite JSON-LD", async ({ page }) => {
  await page.goto("/");
  expect(await jsonLd(page)).toEqual([
    expect.objectContaining({
      "@type": "WebSite",
      name: "Tin Xứ Nghệ",
      url: `${E2E_SITE_URL}/`,
      inLanguage: "vi",
      // When the page last changed: the newest change among the reports it lists.
      hasPart: expect.objectContaining({
        "@type": "CollectionPage",
        dateModified: expect.stringMatching(/\+07:00$/),
      }),
    }),
  ]);
});

test("the sitemap and the feed list every published report with absolute URLs", async ({ request }) => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ["url", "item", "sitemap"].includes(name),
  });
  const published = getNewestReports(10_000);
  expect(published.length).toBeGreaterThan(1);

  // An index of files: the news sitemap (the last 48 hours, tests/e2e/search-engines.spec.ts),
  // the pages', then one per month of reports, then topics and people.
  const index = parser.parse(await (await request.get("/sitemap.xml")).text());
  const files = (index.sitemapindex.sitemap as Array<{ loc: string }>).map((file) => file.loc);
  expect(files.slice(0, 2)).toEqual([
    `${E2E_SITE_URL}/sitemaps/tin-moi.xml`,
    `${E2E_SITE_URL}/sitemaps/trang.xml`,
  ]);
  expect(files).toContain(`${E2E_SITE_URL}/sitemaps/bai-2021-01.xml`);
  const locations: string[] = [];
  for (const file of files.slice(1)) {
    const response = await request.get(new URL(file).pathname);
    expect(response.status(), file).toBe(200);
    const urlset = parser.parse(await response.text()).urlset;
    locations.push(...(urlset.url as Array<{ loc: string }>).map((url) => url.loc));
  }
  expect(locations[0]).toBe(`${E2E_SITE_URL}/`);

  const feedResponse = await request.get("/feed.xml");
  expect(feedResponse.headers()["content-type"]).toContain("application/rss+xml");
  const feed = parser.parse(await feedResponse.text());
  expect(feed.rss["@_version"]).toBe("2.0");
  const items = feed.rss.channel.item as Array<Record<string, unknown>>;

  for (const report of published) {
    const url = `${E2E_SITE_URL}/bai-viet/${report.slug}`;
    expect(locations).toContain(url);
    const item = items.find((entry) => entry.link === url);
    expect(item, url).toBeDefined();
    expect(item?.title).toBe(report.title);
    expect(item?.description).toBe(report.summary);
    expect(item?.guid).toMatchObject({ "#text": url, "@_isPermaLink": "true" });
    expect(String(item?.pubDate)).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0700$/,
    );
    expect(item?.["dc:creator"]).toBeTruthy();
  }
  const seed = items.find((entry) => entry.link === SEED_URL);
  expect(seed?.pubDate).toBe("Tue, 12 Jan 2021 08:00:00 +0700");

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${E2E_SITE_URL}/sitemap.xml`);
});

test("the share links carry the encoded report URL and work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(SEED_PATH);
  const bar = page.getByRole("group", { name: "Chia sẻ bài viết" });
  const encoded = encodeURIComponent(SEED_URL);
  await expect(bar.getByRole("link", { name: "Facebook" })).toHaveAttribute(
    "href",
    `https://www.facebook.com/sharer/sharer.php?u=${encoded}`,
  );
  await expect(bar.getByRole("link", { name: "X" })).toHaveAttribute(
    "href",
    `https://x.com/intent/post?url=${encoded}&text=${encodeURIComponent(SEED_TITLE)}`,
  );
  const zalo = new URL((await bar.getByRole("link", { name: "Zalo" }).getAttribute("href")) ?? "");
  expect(zalo.origin).toBe("https://button-share.zalo.me");
  expect(zalo.searchParams.get("url")).toBe(SEED_URL);
  expect(JSON.parse(Buffer.from(zalo.searchParams.get("d") ?? "", "base64").toString("utf8"))).toEqual({
    url: SEED_URL,
  });
  await expect(bar.getByRole("button")).toHaveCount(0);
  await context.close();
});

test("copy link puts the URL on the clipboard and announces it; nothing loads from elsewhere", async ({
  page,
  context,
}) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://127.0.0.1:")) foreign.push(request.url());
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(SEED_PATH);
  const bar = page.getByRole("group", { name: "Chia sẻ bài viết" });
  await bar.getByRole("button", { name: "Sao chép liên kết" }).click();
  await expect(bar.getByRole("status")).toHaveText("Đã sao chép liên kết.");
  // The site's Permissions-Policy forbids reading the clipboard, so paste it where a reader would.
  const scratch = await context.newPage();
  await scratch.setContent("<textarea aria-label='dán'></textarea>");
  await scratch.getByRole("textbox").focus();
  await scratch.keyboard.press("ControlOrMeta+V");
  await expect(scratch.getByRole("textbox")).toHaveValue(SEED_URL);
  await page.waitForLoadState("networkidle");
  expect(foreign).toEqual([]);
});

test("the share sheet button appears only where the browser has the Web Share API", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "share", {
      value: async (data: ShareData) => {
        (window as unknown as { __shared: ShareData }).__shared = data;
      },
    });
  });
  await page.goto(SEED_PATH);
  await page.getByRole("button", { name: "Chia sẻ…" }).click();
  expect(await page.evaluate(() => (window as unknown as { __shared: ShareData }).__shared)).toEqual({
    title: SEED_TITLE,
    url: SEED_URL,
  });
});
