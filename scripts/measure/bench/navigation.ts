// `npm run bench:navigation -- <base URL>`: what prefetching costs a reader on a slow phone and
// what it buys. Chromium emulating Lighthouse's mobile conditions (150 ms round trips, 1.6 Mbit/s
// down, 4× slower CPU, 412×823 touch screen) opens the seed report (or the home page); for each
// link below it prints the bytes fetched for links before any tap (three idle seconds after load)
// and the time from finger down to the next page's heading, five taps each (median), the finger
// held 100 ms as a reader's is. A measurement that prints a table; it targets a server already
// running on 127.0.0.1.
import { chromium, type Page } from "playwright";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../../tools/chromium";
import { SEED_PATH, SEED_TITLE } from "../../../tests/e2e/seed-report";
import { median } from "../../../tools/measure/lighthouse-figures";

const base = process.argv[2] ?? "http://127.0.0.1:3700";
const TAPS = 5;
const HOLD_MS = 100;

interface Target {
  name: string;
  /** The page the reader is on. */
  from: string;
  /** Where the link is, as a reader finds it. */
  link: (page: Page) => ReturnType<Page["locator"]>;
  heading: string;
}

const targets: Target[] = [
  {
    name: "report → header: Chủ đề",
    from: SEED_PATH,
    link: (page) =>
      page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Chủ đề" }),
    heading: "Chủ đề và chuyên mục",
  },
  {
    name: "report → breadcrumb: category",
    from: SEED_PATH,
    link: (page) => page.getByRole("navigation", { name: "Vị trí trang" }).getByRole("link").nth(1),
    heading: "Quốc phòng - An ninh",
  },
  {
    name: "report → header: home",
    from: SEED_PATH,
    link: (page) =>
      page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tin mới" }),
    heading: "Tin mới nhất",
  },
  {
    name: "home → the newest report",
    from: "/",
    link: (page) => page.locator(".report-card__title a").first(),
    heading: SEED_TITLE,
  },
];

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});

async function slowPhone() {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return { context, page, cdp };
}

const rows: string[] = [];
for (const target of targets) {
  const prefetched: number[] = [];
  const times: number[] = [];
  for (let tap = 0; tap < TAPS; tap++) {
    const { context, page, cdp } = await slowPhone();
    let tapped = false;
    let bytes = 0;
    page.on("requestfinished", async (request) => {
      if (tapped || !new URL(request.url()).searchParams.has("_rsc")) return;
      bytes += (await request.sizes()).responseBodySize;
    });
    await page.goto(base + target.from, { waitUntil: "load" });
    // What a reader's data plan pays before touching anything: the idle seconds after load.
    await page.waitForTimeout(3000);
    tapped = true;
    prefetched.push(bytes);
    const box = await target.link(page).boundingBox();
    if (!box) throw new Error(`${target.name}: link not on screen`);
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const start = Date.now();
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [point] });
    await page.waitForTimeout(HOLD_MS);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await page
      .getByRole("heading", { level: 1, name: target.heading, exact: true })
      .waitFor({ timeout: 30_000 });
    times.push(Date.now() - start);
    await context.close();
  }
  rows.push(
    `| ${target.name} | ${(median(prefetched) / 1024).toFixed(1)} | ${median(times)} | ${times.join(", ")} |`,
  );
}
await browser.close();
console.log(`\n## Navigation on a slow phone (${base}, ${TAPS} taps each)\n`);
console.log(
  "| link | fetched for links before any tap (KB, median) | finger down → next page's heading (ms, median) | each tap (ms) |\n|---|---:|---:|---|",
);
for (const row of rows) console.log(row);
