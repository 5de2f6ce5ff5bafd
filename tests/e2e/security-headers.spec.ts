import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { SEED_PATH, SEED_TITLE } from "./seed-report";

const PHOTO = "/images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg";

/** A script and a font of the home page: hashed files under /_next/static. */
async function staticAssets(request: APIRequestContext): Promise<{ script: string; font: string }> {
  const html = await (await request.get("/")).text();
  const script = html.match(/\/_next\/static\/chunks\/[^"\\]+\.js/)?.[0];
  const stylesheet = html.match(/\/_next\/static\/chunks\/[^"\\]+\.css/)?.[0];
  if (!script || !stylesheet)
    throw new Error("the home page links no script or no stylesheet under /_next/static");
  // The stylesheet names the fonts, relative to itself: the font is found through it.
  const css = await (await request.get(stylesheet)).text();
  const relative = css.match(/url\(([^)]+\.woff2)\)/)?.[1];
  if (!relative) throw new Error("the stylesheet names no font");
  const font = new URL(relative.replace(/^["']|["']$/g, ""), `http://x${stylesheet}`).pathname;
  return { script, font };
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

test("every kind of response carries the security headers", async ({ request }) => {
  const { script, font } = await staticAssets(request);
  const paths = [
    "/",
    SEED_PATH,
    "/bai-viet/khong-co-bai-nay",
    script,
    font,
    PHOTO,
    "/feed.xml",
    "/sitemap.xml",
    "/anh-chia-se.png",
    `${SEED_PATH}/anh-chia-se.png`,
  ];
  for (const path of paths) {
    const headers = (await request.get(path)).headers();
    const csp = directives(headers["content-security-policy"] ?? "");
    expect(Object.fromEntries(csp), path).toMatchObject({
      "default-src": ["'self'"],
      "script-src": ["'self'", "'unsafe-inline'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "frame-ancestors": ["'none'"],
      "form-action": ["'self'"],
      "img-src": ["'self'", "data:"],
    });
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    const permissions = (headers["permissions-policy"] ?? "").split(/,\s*/);
    for (const denied of ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]) {
      expect(permissions, path).toContain(denied);
    }
    expect(permissions, path).toContain("clipboard-write=(self)");
    expect(permissions, path).toContain("web-share=(self)");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

function cacheDirectives(value: string | undefined): Record<string, number | true> {
  const entries = (value ?? "").split(",").map((part) => {
    const [name, seconds] = part.trim().split("=");
    return [name, seconds === undefined ? true : Number(seconds)] as const;
  });
  return Object.fromEntries(entries);
}

test("pages, feed and sitemap can be cached by a CDN and are revalidated by browsers", async ({
  request,
}) => {
  // The front page's "Đọc nhiều" changes by the minute: it is kept a minute, the others five.
  const seconds: Record<string, number> = {
    "/": 60,
    [SEED_PATH]: 300,
    "/feed.xml": 300,
    "/sitemap.xml": 300,
  };
  for (const [path, sMaxAge] of Object.entries(seconds)) {
    const response = await request.get(path);
    const cache = cacheDirectives(response.headers()["cache-control"]);
    // Pages take Next's header (s-maxage from their revalidation time); no browser keeps them fresh.
    expect(cache.private, path).toBeUndefined();
    expect(cache["max-age"] ?? 0, path).toBe(0);
    expect(cache["s-maxage"], path).toBe(sMaxAge);
    // Served stale while revalidated for up to a day after that.
    expect(Number(cache["s-maxage"]) + Number(cache["stale-while-revalidate"]), path).toBe(300 + 86_400);
  }
  // For a page, revalidating costs a 304 without a body.
  for (const path of ["/", SEED_PATH]) {
    const etag = (await request.get(path)).headers().etag;
    expect(etag, path).toBeTruthy();
    const again = await request.get(path, { headers: { "if-none-match": etag } });
    expect(again.status(), path).toBe(304);
  }
});

test("photos and preview images are cached for a while but never marked immutable", async ({ request }) => {
  for (const path of [PHOTO, "/logo.png", "/anh-chia-se.png", `${SEED_PATH}/anh-chia-se.png`]) {
    const cache = cacheDirectives((await request.get(path)).headers()["cache-control"]);
    expect(cache, path).toMatchObject({ public: true });
    expect(cache["max-age"], path).toBeGreaterThan(0);
    expect(cache["s-maxage"], path).toBeGreaterThanOrEqual(Number(cache["max-age"]));
    expect(cache.immutable, path).toBeUndefined();
  }
});

test("hashed scripts and fonts are immutable, and a 404 is kept by no browser", async ({ request }) => {
  const { script, font } = await staticAssets(request);
  for (const path of [script, font]) {
    expect((await request.get(path)).headers()["cache-control"], path).toBe(
      "public, max-age=31536000, immutable",
    );
  }
  for (const path of [
    "/khong-co-trang-nay",
    "/_next/static/chunks/khong-co.js",
    "/images/khong-co/anh.jpg",
    "/bai-viet/khong-co-bai-nay/anh-chia-se.png",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(cacheDirectives(response.headers()["cache-control"]), path).toMatchObject({
      private: true,
      "no-store": true,
    });
  }
  // A made-up report address is cached by a CDN no longer than a page is (docs/van-hanh/deployment.md),
  // by no browser, and by the server not at all (tests/e2e/publishing.spec.ts).
  const response = await request.get("/bai-viet/khong-co-bai-nay");
  expect(response.status()).toBe(404);
  const cache = cacheDirectives(response.headers()["cache-control"]);
  expect(cache["max-age"] ?? 0).toBe(0);
  expect(cache["s-maxage"]).toBeLessThanOrEqual(300);
});

/** Records what the browser reports: CSP violations (from inside the page) and console errors. */
async function watchForComplaints(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener("securitypolicyviolation", (event) => {
      violations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile})`,
      );
    });
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)),
    ...consoleErrors,
  ];
}

test("the home page runs under the policy without a violation or a console error", async ({ page }) => {
  const complaints = await watchForComplaints(page);
  await page.goto("/");
  await expect(page.locator(".front-story__cover").first()).toHaveJSProperty("complete", true);
  await page.waitForLoadState("networkidle");
  expect(await complaints()).toEqual([]);
});

test("a report hydrates and copies its link under the policy without a violation", async ({
  page,
  context,
}) => {
  const complaints = await watchForComplaints(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(SEED_PATH);
  // The copy button exists only once React has hydrated: Next's inline scripts ran.
  const bar = page.getByRole("group", { name: "Chia sẻ bài viết" });
  await bar.getByRole("button", { name: "Sao chép liên kết" }).click();
  await expect(bar.getByRole("status")).toHaveText("Đã sao chép liên kết.");
  await page.locator("article figure").last().scrollIntoViewIfNeeded();
  await page.waitForLoadState("networkidle");
  expect(await complaints()).toEqual([]);
});

test("the watcher does report a violation when the policy blocks something", async ({ page }) => {
  const complaints = await watchForComplaints(page);
  await page.goto("/");
  await page.evaluate(() => {
    const image = document.createElement("img");
    image.src = "https://anh.example/theo-doi.png";
    document.body.append(image);
  });
  await expect
    .poll(async () => (await complaints()).join("\n"))
    .toContain("img-src blocked https://anh.example");
});

test("no page, not even one of the site's own, can put a page in a frame", async ({ page, baseURL }) => {
  // A page on the same origin: one on another origin would also be stopped by Chromium's own
  // local-network checks, which would prove nothing about the header.
  const framer = `${baseURL}/__khung`;
  await page.route(framer, (route) =>
    route.fulfill({ contentType: "text/html", body: `<iframe src="${baseURL}${SEED_PATH}"></iframe>` }),
  );
  const refusal = page.waitForEvent("console", (message) =>
    message.text().includes("frame-ancestors 'none'"),
  );
  await page.goto(framer);
  await refusal;
  await expect(page.frameLocator("iframe").getByText(SEED_TITLE)).toHaveCount(0);
});
