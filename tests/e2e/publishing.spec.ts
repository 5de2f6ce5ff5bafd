import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { loadReport, formatProblem } from "../../lib/content/refresh";
import { PROBLEMS_FILE } from "../../lib/publishing/problem-report";
import { SECRET_HEADER } from "../../lib/publishing/secret";
import { E2E_CONTENT_DIR, E2E_DIST_DIR, E2E_SITE_URL } from "../../tools/e2e-build";
import { type LiveServer, startLiveServer } from "../../tools/live-server";
import { within } from "./within";
import { SEED_PATH } from "./seed-report";
import { sitemapText } from "./sitemap-text";

// An editor saves files into the folder of a running production server (the e2e build, served by
// its standalone server.js, as `npm start` does) and readers see them within seconds: no rebuild,
// no restart. The server has its own copy of the build, content, photos and store.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const MEDIA_CACHE = "public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800";

let work: string;
let content: string;
let photos: string;
let server: LiveServer;

test.describe.configure({ mode: "serial", timeout: 120_000 });

// Another address in the server's environment than at build: pages it renders must still use the build's.
const serverOptions = () => ({
  distDir: E2E_DIST_DIR,
  workDir: work,
  contentDir: content,
  publicDir: photos,
  port: PORT,
  env: { SITE_URL: "https://dia-chi-khac.example.vn" },
});

test.beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "dang-bai-"));
  content = path.join(work, "content");
  photos = path.join(work, "public");
  cpSync(E2E_CONTENT_DIR, content, { recursive: true });
  cpSync("public", photos, { recursive: true });
  server = await startLiveServer(serverOptions());
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

interface Draft {
  title: string;
  draft?: boolean;
  attendees?: string[];
  photo?: string;
  caption?: string;
}

/** A report as an editor writes it, dated now so it is the newest. */
function reportText({
  title,
  draft = false,
  attendees = ["Trần Ngọc Tú", "Nguyễn Mạnh Hùng"],
  photo,
  caption,
}: Draft) {
  const figure = photo
    ? `\n![Người dân dọn vệ sinh](${photo} "${caption ?? "Chú thích ảnh."} Ảnh: Thành Cường")\n`
    : "";
  return `---
title: "${title}"
date: 2026-11-27T08:00:00+07:00
summary: Tóm tắt của bài thử đăng không cần build.
category: Đời sống
tags: [Thành phố Vinh, Tin mới đăng]
attendees:
${attendees.map((name) => `  - name: ${name}`).join("\n")}
draft: ${draft}
---

Đoạn đầu tiên của bài, viết khi máy chủ đang chạy.
${figure}`;
}

function save(file: string, text: string) {
  // As editors' tools do: a temporary file, then a rename over the report.
  const temporary = path.join(content, `.${file}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, path.join(content, file));
}

async function get(pathname: string) {
  const response = await fetch(`${server.origin}${pathname}`);
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

async function html(pathname: string): Promise<string> {
  const response = await get(pathname);
  expect(response.status, pathname).toBe(200);
  return response.body.toString();
}

const statusIs = (pathname: string, status: number) => async () => (await get(pathname)).status === status;
const shows = (pathname: string, text: string) => async () => {
  const response = await get(pathname);
  return response.status === 200 && response.body.toString().includes(text);
};

const SLUG = "tin-moi-dang";
const FILE = `${SLUG}.md`;
const PAGE = `/bai-viet/${SLUG}`;
const URL_IN_FEEDS = `${E2E_SITE_URL}${PAGE}`;
/** The month page of its date (the e2e archive has another report that month). */
const MONTH = "/luu-tru/2026/11";
/** Every page a published report appears on, besides its own. */
const LISTS = [
  "/",
  MONTH,
  "/chuyen-muc/doi-song",
  "/chu-de/tin-moi-dang",
  "/chu-de/thanh-pho-vinh",
  "/nguoi/tran-ngoc-tu",
];

test("a new report is live within seconds on every page that should show it", async () => {
  expect((await get(PAGE)).status).toBe(404);
  // Its month's page, rendered and cached before: the publish refreshes it.
  expect(await html(MONTH)).not.toContain(`href="${PAGE}"`);
  save(FILE, reportText({ title: "Tin mới đăng khi máy chủ đang chạy" }));
  await within("thêm bài → trang bài 200", statusIs(PAGE, 200));
  await within("thêm bài → trang tháng", shows(MONTH, `href="${PAGE}"`));
  const body = await html(PAGE);
  expect(body).toContain("Tin mới đăng khi máy chủ đang chạy");
  expect(body).toContain(`<link rel="canonical" href="${URL_IN_FEEDS}"/>`);
  for (const list of LISTS) expect(await html(list), list).toContain(`href="${PAGE}"`);
  // The seed report shares two attendees with it: it is now among its related reports.
  expect(await html(SEED_PATH)).toContain(`href="${PAGE}"`);
  expect(await html("/feed.xml")).toContain(`<link>${URL_IN_FEEDS}</link>`);
  expect(await sitemapText(html)).toContain(`<loc>${URL_IN_FEEDS}</loc>`);
  const card = await get(`${PAGE}/anh-chia-se.png`);
  expect(card.status).toBe(200);
  expect(card.headers.get("content-type")).toBe("image/png");
});

test("an edit to its title, attendees and caption shows everywhere within seconds", async () => {
  const cardBefore = (await get(`${PAGE}/anh-chia-se.png`)).body;
  save(
    FILE,
    reportText({ title: "Tiêu đề đã sửa sau khi đăng", attendees: ["Trần Ngọc Tú", "Đinh Bạt Văn"] }),
  );
  await within("sửa bài → tiêu đề mới trên trang bài", shows(PAGE, "Tiêu đề đã sửa sau khi đăng"));
  for (const list of ["/", "/chuyen-muc/doi-song", "/nguoi/tran-ngoc-tu", "/feed.xml"]) {
    const body = await html(list);
    expect(body, list).toContain("Tiêu đề đã sửa sau khi đăng");
    expect(body, list).not.toContain("Tin mới đăng khi máy chủ đang chạy");
  }
  expect(await html("/nguoi/dinh-bat-van")).toContain(`href="${PAGE}"`);
  expect(await html("/nguoi/nguyen-manh-hung")).not.toContain(`href="${PAGE}"`);
  const cardAfter = await get(`${PAGE}/anh-chia-se.png`);
  expect(cardAfter.status).toBe(200);
  expect(cardAfter.body.equals(cardBefore)).toBe(false);
});

test("a broken file keeps the last good version online, takes no page down and says what is wrong", async () => {
  const broken = `---\ntitle: "Ngoặc kép không đóng\ndate: 2026-11-27\n---\n\nĐoạn văn.\n`;
  save(FILE, broken);
  save("bai-hong-moi.md", "---\ndate: 2026-11-27\n---\n\nBài mới mà quên tiêu đề.\n");
  const problemsFile = path.join(content, PROBLEMS_FILE);
  await within(
    "tệp hỏng → tệp lỗi cho biên tập viên",
    async () => existsSync(problemsFile) && readFileSync(problemsFile, "utf8").includes("bai-hong-moi.md"),
  );

  // The same words, file and field as `npm run check-content`, in the file and in the server's log.
  const expected = [FILE, "bai-hong-moi.md"]
    .flatMap((file) => loadReport(content, file).problems)
    .map(formatProblem);
  expect(expected.some((line) => line.includes("sai cú pháp YAML"))).toBe(true);
  expect(expected.some((line) => line.includes("bai-hong-moi.md › title: thiếu"))).toBe(true);
  const report = readFileSync(problemsFile, "utf8");
  for (const line of expected) {
    expect(report).toContain(line);
    expect(server.log.join("")).toContain(line);
  }
  expect(report).toContain(`${FILE}: bạn đọc vẫn thấy bản đăng trước`);
  expect(report).toContain("bai-hong-moi.md: chưa được đăng");

  expect(await html(PAGE)).toContain("Tiêu đề đã sửa sau khi đăng");
  expect((await get("/bai-viet/bai-hong-moi")).status).toBe(404);
  for (const pathname of [
    ...LISTS,
    SEED_PATH,
    "/feed.xml",
    "/sitemap.xml",
    `${PAGE}/anh-chia-se.png`,
    "/chu-de",
  ]) {
    expect((await get(pathname)).status, pathname).toBe(200);
  }
  // Nothing in content/ is served: the problems file is for editors only.
  expect((await get(`/${PROBLEMS_FILE}`)).status).toBe(404);
});

test("fixing the files publishes them and clears the problems file", async () => {
  save(FILE, reportText({ title: "Bài đã sửa lỗi", attendees: ["Trần Ngọc Tú", "Đinh Bạt Văn"] }));
  save(
    "bai-hong-moi.md",
    "---\ntitle: Bài mới đã có tiêu đề\ndate: 2026-11-27\n---\n\nBài mới đã có tiêu đề.\n",
  );
  await within("sửa tệp hỏng → bài mới trên trang", shows(PAGE, "Bài đã sửa lỗi"));
  await within("tệp mới hết lỗi → được đăng", statusIs("/bai-viet/bai-hong-moi", 200));
  await within("hết lỗi → tệp lỗi được xóa", async () => !existsSync(path.join(content, PROBLEMS_FILE)));
  expect(await html("/")).toContain("Bài đã sửa lỗi");
});

test("a report set to draft, then deleted, is gone from every page, the feed and the sitemap", async () => {
  const gone = async () => {
    // Its own topic had no other report: that page is gone too.
    expect((await get("/chu-de/tin-moi-dang")).status).toBe(404);
    for (const pathname of [...LISTS.filter((list) => list !== "/chu-de/tin-moi-dang"), "/feed.xml"]) {
      expect((await html(pathname)).includes(PAGE), pathname).toBe(false);
    }
    expect((await sitemapText(html)).includes(PAGE), "sitemap").toBe(false);
    expect(await html(SEED_PATH)).not.toContain(`href="${PAGE}"`);
  };
  save(FILE, reportText({ title: "Bài đã sửa lỗi", draft: true }));
  await within("draft: true → 404", statusIs(PAGE, 404));
  await gone();
  expect((await get(`${PAGE}/anh-chia-se.png`)).status).toBe(404);

  save(FILE, reportText({ title: "Bài đăng lại" }));
  await within("draft: false → đăng lại", statusIs(PAGE, 200));
  rmSync(path.join(content, FILE));
  await within("xóa tệp → 404", statusIs(PAGE, 404));
  await gone();
});

test("search follows publishing: a saved report is found, an edit re-indexed, a draft or a deleted one gone", async () => {
  const file = "dua-thuyen-song-lam.md";
  const link = 'href="/bai-viet/dua-thuyen-song-lam"';
  const search = (words: string) => `/tim-kiem?q=${encodeURIComponent(words)}`;
  const lacks = (pathname: string, text: string) => async () => !(await html(pathname)).includes(text);
  save(file, reportText({ title: "Đua thuyền truyền thống trên sông Lam" }));
  await within("lưu bài → tìm thấy", shows(search("dua thuyen song lam"), link));
  save(file, reportText({ title: "Lễ hội cầu ngư ở Cửa Lò" }));
  await within("sửa tiêu đề → tìm thấy theo tiêu đề mới", shows(search("cầu ngư"), link));
  expect(await html(search("dua thuyen"))).not.toContain(link);
  save(file, reportText({ title: "Lễ hội cầu ngư ở Cửa Lò", draft: true }));
  await within("draft: true → không còn trong kết quả", lacks(search("cau ngu"), link));
  save(file, reportText({ title: "Lễ hội cầu ngư ở Cửa Lò" }));
  await within("draft: false → tìm thấy lại", shows(search("cau ngu"), link));
  rmSync(path.join(content, file));
  await within("xóa tệp → không còn trong kết quả", lacks(search("cau ngu"), link));
});

test("a photo copied in after the start is served like the others and publishes the report waiting for it", async ({
  page,
}) => {
  const slug = "bai-co-anh-moi";
  const photo = `/images/${slug}/anh-1.jpg`;
  save(`${slug}.md`, reportText({ title: "Bài có ảnh chép vào sau", photo, caption: "Ảnh mới chép vào." }));
  const problemsFile = path.join(content, PROBLEMS_FILE);
  await within(
    "ảnh chưa có → báo lỗi",
    async () => existsSync(problemsFile) && readFileSync(problemsFile, "utf8").includes("không tìm thấy ảnh"),
  );
  expect((await get(`/bai-viet/${slug}`)).status).toBe(404);

  mkdirSync(path.join(photos, "images", slug), { recursive: true });
  cpSync(
    "public/images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg",
    path.join(photos, "images", slug, "anh-1.jpg"),
  );
  await within("chép ảnh → bài được đăng", statusIs(`/bai-viet/${slug}`, 200));

  const served = await get(photo);
  expect(served.status).toBe(200);
  expect(served.headers.get("content-type")).toBe("image/jpeg");
  expect(served.headers.get("cache-control")).toBe(MEDIA_CACHE);
  expect(served.body.equals(readFileSync("public/images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg"))).toBe(
    true,
  );
  const resized = await get(`/_next/image?url=${encodeURIComponent(photo)}&w=640&q=75`);
  expect(resized.status).toBe(200);
  expect(resized.headers.get("content-type")).toMatch(/^image\//);
  expect((await get(`/images/${slug}/khong-co.jpg`)).headers.get("cache-control")).toContain("no-store");

  // In Chromium, as a reader: the headline, and the photo loaded through the image optimiser.
  await page.goto(`${server.origin}/bai-viet/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bài có ảnh chép vào sau");
  const image = page.locator("figure img").first();
  await image.scrollIntoViewIfNeeded();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(page.locator("figcaption")).toContainText("Ảnh mới chép vào.");
});

test("a burst of thirty saves is published in one pass, or two", async () => {
  const passes = () => server.log.join("").match(/trang làm mới/g)?.length ?? 0;
  const before = passes();
  for (let n = 1; n <= 30; n += 1) save(`loat-${n}.md`, reportText({ title: `Bài trong loạt ${n}` }));
  await within("30 tệp cùng lúc → bài cuối có trang", statusIs("/bai-viet/loat-30", 200));
  for (let n = 1; n <= 30; n += 1) expect((await get(`/bai-viet/loat-${n}`)).status).toBe(200);
  expect(passes() - before).toBeGreaterThanOrEqual(1);
  expect(passes() - before).toBeLessThanOrEqual(2);
  for (let n = 1; n <= 30; n += 1) rmSync(path.join(content, `loat-${n}.md`));
  await within("xóa cả loạt → 404", statusIs("/bai-viet/loat-30", 404));
});

test("after a restart the server shows what the folder holds now", async () => {
  await server.stop();
  save(
    "bai-hong-moi.md",
    "---\ntitle: Sửa khi máy chủ đang tắt\ndate: 2026-11-27\n---\n\nSửa khi máy chủ đang tắt.\n",
  );
  server = await startLiveServer(serverOptions());
  await within("khởi động lại → bản mới", shows("/bai-viet/bai-hong-moi", "Sửa khi máy chủ đang tắt"));
  expect(await html("/")).toContain("Sửa khi máy chủ đang tắt");
});

test("1,000 made-up addresses all answer 404 and leave the cache folder as it was", async () => {
  // Each 404 is rendered, not cached: about 15 s here, at two at a time.
  test.setTimeout(180_000);
  const before = server.cacheFootprint();
  // The folder holds the build's pages and those rendered since: the comparison is not of two empties.
  expect(before.files).toBeGreaterThan(100);
  const patterns = [
    (n: number) => `/bai-viet/bai-khong-co-${n}`,
    (n: number) => `/bai-viet/bai-khong-co-${n}/anh-chia-se.png`,
    (n: number) => `/nguoi/nguoi-khong-co-${n}`,
    (n: number) => `/chu-de/chu-de-khong-co-${n}`,
    (n: number) => `/chuyen-muc/muc-khong-co-${n}/trang/2`,
    (n: number) => `/trang/${1000 + n}`,
    (n: number) => `/images/khong-co/${n}.jpg`,
    (n: number) => `/sitemaps/${n + 2}.xml`,
  ];
  const addresses = Array.from({ length: 1000 }, (_, n) => patterns[n % patterns.length](n));
  const statuses = new Map<number, number>();
  for (let start = 0; start < addresses.length; start += 10) {
    const batch = await Promise.all(
      addresses.slice(start, start + 10).map(async (address) => (await get(address)).status),
    );
    for (const status of batch) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  expect([...statuses]).toEqual([[404, 1000]]);
  expect(server.cacheFootprint()).toEqual(before);
});

test("only the server's own watcher can ask for revalidation", async () => {
  const ask = (headers: Record<string, string>) =>
    fetch(`${server.origin}/api/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ paths: ["/"] }),
    });
  expect((await ask({})).status).toBe(404);
  expect((await ask({ [SECRET_HEADER]: "a".repeat(64) })).status).toBe(404);
  expect((await ask({ [SECRET_HEADER]: "" })).status).toBe(404);
});
