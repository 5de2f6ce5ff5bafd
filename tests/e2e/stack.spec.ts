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
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { EditorAccounts } from "../../lib/auth/accounts";
import { E2E_CONTENT_DIR, E2E_DIST_DIR, E2E_SITE_URL } from "../../tools/e2e-build";
import { SESSION_COOKIE } from "../../lib/auth/session-cookie";
import { freePort, type Stack, startStack } from "../../tools/stack";
import { toVietnamIso } from "../../lib/dates";
import { type StandInReceiver, startStandInReceiver } from "../../tools/stand-in-receiver";
import { within } from "./within";
import { SEED_PATH, SEED_TITLE } from "./seed-report";

// The production stack (`npm run stack`): Debian's nginx with deploy/nginx/nginx.conf in front of
// two instances of the e2e build sharing one Redis, on free ports, with its own copy of the build
// and the content. Readers go through nginx; the tests also ask each instance directly.

const PHOTO = "/images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg";
const PASSWORD = "mật khẩu thử nghiệm đủ dài";

let work: string;
let content: string;
let stack: Stack;
let standIn: StandInReceiver;
const log: string[] = [];

test.describe.configure({ mode: "serial", timeout: 120_000 });

/** A browser context of the test's own, closed when the test ends. */
const contexts: BrowserContext[] = [];
async function opened(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  contexts.push(context);
  return context;
}
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

test.beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "stack-"));
  content = path.join(work, "content");
  cpSync(E2E_CONTENT_DIR, content, { recursive: true });
  // The newsroom's accounts: an administrator (the first), an editor and a reporter.
  const data = path.join(work, "data");
  mkdirSync(data);
  const accounts = new EditorAccounts(path.join(data, "editors.sqlite"));
  await accounts.set("tongbientap", PASSWORD);
  await accounts.set("bt-hung", PASSWORD, "bien-tap");
  await accounts.set("pv-lan", PASSWORD, "phong-vien");
  accounts.close();
  // IndexNow's endpoint and the WebSub hub, stood in for on 127.0.0.1.
  standIn = await startStandInReceiver();
  stack = await startStack({
    distDir: E2E_DIST_DIR,
    copyIn: work,
    port: await freePort(),
    host: "127.0.0.1",
    appPorts: [await freePort(), await freePort()],
    redisPort: await freePort(),
    contentDir: content,
    publicDir: path.resolve("public"),
    store: path.join(work, "content-store.sqlite"),
    env: {
      EDITOR_DATA_DIR: data,
      INDEXNOW_ENDPOINT: `${standIn.origin}/indexnow`,
      WEBSUB_HUB: `${standIn.origin}/hub`,
    },
    log: (line) => log.push(line),
  });
});

test.afterAll(async () => {
  await stack?.stop();
  await standIn?.close();
  rmSync(work, { recursive: true, force: true });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  await testInfo.attach("stack log", { body: log.join("\n") });
  const nginxErrors = path.join(stack.workDir, "nginx", "logs", "error.log");
  if (existsSync(nginxErrors)) await testInfo.attach("nginx error.log", { body: readFileSync(nginxErrors) });
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

test("pages come through nginx with their headers, cached a second, one copy per encoding", async () => {
  const url = `${stack.origin}${SEED_PATH}`;
  const gzip = await get(url, { "accept-encoding": "gzip" });
  expect(gzip.status).toBe(200);
  expect(gzip.text).toContain(SEED_TITLE);
  expect(gzip.headers.get("content-security-policy")).toContain("default-src 'self'");
  expect(gzip.headers.get("x-content-type-options")).toBe("nosniff");
  expect(gzip.headers.get("x-frame-options")).toBe("DENY");
  expect(gzip.headers.get("cache-control")).toBe("s-maxage=300, stale-while-revalidate=86400");
  expect(gzip.headers.get("etag")).toBeTruthy();
  expect(gzip.headers.get("server")).toBe("nginx");
  // The second reader within the second is served by nginx, compressed as asked.
  const again = await get(url, { "accept-encoding": "gzip" });
  expect(again.headers.get("x-cache")).toBe("HIT");
  expect(again.headers.get("content-encoding")).toBe("gzip");
  // A reader whose browser takes no gzip never gets the compressed copy.
  const plain = await get(url, { "accept-encoding": "identity" });
  expect(plain.headers.get("content-encoding")).toBeNull();
  expect(plain.text).toContain(SEED_TITLE);
  // A client-side navigation's React payload is kept apart from the page's HTML.
  const payload = await get(url, { rsc: "1" });
  expect(payload.headers.get("content-type")).toContain("text/x-component");
  const html = await get(url);
  expect(html.headers.get("content-type")).toContain("text/html");
});

test("scripts and photos keep their long cache headers; the publishing endpoint is closed", async () => {
  const page = (await get(`${stack.origin}/`)).text;
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(page)?.[1];
  expect(script).toBeTruthy();
  await get(`${stack.origin}${script}`);
  const cachedScript = await get(`${stack.origin}${script}`);
  expect(cachedScript.status).toBe(200);
  expect(cachedScript.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(cachedScript.headers.get("x-cache")).toBe("HIT");

  const photo = await get(`${stack.origin}${PHOTO}`);
  expect(photo.status).toBe(200);
  expect(photo.headers.get("content-type")).toBe("image/jpeg");
  expect(photo.headers.get("cache-control")).toBe(
    "public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800",
  );

  const revalidate = await fetch(`${stack.origin}/api/revalidate`, { method: "POST", body: "{}" });
  expect(revalidate.status).toBe(404);
  // Nothing marked private is kept: Next's own 404s say `private, no-store`.
  const missing = `${stack.origin}/images/khong-co/anh.jpg`;
  await get(missing);
  expect((await get(missing)).headers.get("x-cache")).not.toBe("HIT");
  // The editors' pages pass straight through, never kept, and a post from the stack's own page
  // (its Origin with the port nginx listens on) reaches the server.
  await get(`${stack.origin}/quan-tri/dang-nhap`);
  const signIn = await get(`${stack.origin}/quan-tri/dang-nhap`);
  expect(signIn.status).toBe(200);
  expect(signIn.headers.get("x-cache")).toBeNull();
  expect(signIn.headers.get("cache-control")).toBe("private, no-store");
  const post = await fetch(`${stack.origin}/quan-tri/dang-nhap`, {
    method: "POST",
    headers: { origin: stack.origin, "content-type": "application/x-www-form-urlencoded" },
    body: "ten=x",
  });
  expect(post.status).not.toBe(403);
  // The editors' pages take the editor's limits (a 15 MB photo), every other address nginx's 1 MB.
  const twoMegabytes = "x".repeat(2 * 1024 * 1024);
  const upload = await fetch(`${stack.origin}/quan-tri/moi`, {
    method: "POST",
    headers: { origin: stack.origin, "content-type": "text/plain", cookie: `${SESSION_COOKIE}=x` },
    body: twoMegabytes,
    // Not followed: the page sends a cookie that opens no session to the sign-in page.
    redirect: "manual",
  });
  expect(upload.status).toBe(307);
  const elsewhere = await fetch(`${stack.origin}/tim-kiem`, { method: "POST", body: twoMegabytes });
  expect(elsewhere.status).toBe(413);
});

test("a page one instance rendered is served by the other from the shared cache", async () => {
  const [first, second] = stack.instances;
  // A topic page is rendered on its first request, by whichever instance gets it.
  const topic = /href="(\/chu-de\/[^"]+)"/.exec((await get(`${first.origin}${SEED_PATH}`)).text)?.[1];
  expect(topic).toBeTruthy();
  const rendered = await get(`${first.origin}${topic}`);
  expect(rendered.status).toBe(200);
  expect(rendered.headers.get("x-nextjs-cache")).toBe("MISS");
  const shared = await get(`${second.origin}${topic}`);
  expect(shared.status).toBe(200);
  expect(shared.headers.get("x-nextjs-cache")).toBe("HIT");
  expect(shared.text).toBe(rendered.text);
});

test("a report saved into the content folder shows through nginx and on both instances", async () => {
  const slug = "tin-dang-qua-nhieu-may-chu";
  const title = "Tin đăng khi trang chạy trên nhiều máy chủ";
  const page = `/bai-viet/${slug}`;
  expect((await get(`${stack.origin}${page}`)).status).toBe(404);
  const temporary = path.join(content, `.${slug}.md.tmp`);
  writeFileSync(
    temporary,
    `---\ntitle: "${title}"\ndate: 2026-11-27T09:00:00+07:00\nsummary: Thử đăng qua nginx.\ncategory: Thời sự\n---\n\nĐoạn đầu.\n`,
  );
  renameSync(temporary, path.join(content, `${slug}.md`));
  const shows = (origin: string, address: string) => async () =>
    (await get(`${origin}${address}`)).text.includes(title);
  await within("lưu bài → trang bài qua nginx", shows(stack.origin, page));
  await within("lưu bài → trang chủ qua nginx", shows(stack.origin, "/"));
  // Each instance too, within publishing's deadline, not at the same instant: one CI run found an
  // instance's home page without the report right after nginx's showed it (the time each took is
  // recorded on the test).
  for (const instance of stack.instances) {
    await within(`lưu bài → trang chủ trên ${instance.name}`, shows(instance.origin, "/"));
    await within(`lưu bài → trang bài trên ${instance.name}`, shows(instance.origin, page));
  }
  // Both instances share one search index file: each finds the report, typed without diacritics.
  const search = "/tim-kiem?q=nhieu+may+chu";
  const found = (origin: string) => async () =>
    (await get(`${origin}${search}`)).text.includes(`href="${page}"`);
  await within("lưu bài → tìm thấy qua nginx", found(stack.origin));
  for (const instance of stack.instances)
    await within(`lưu bài → tìm thấy trên ${instance.name}`, found(instance.origin));
});

test("a report saved now: in the news sitemap through nginx, and one IndexNow submission and one hub ping from the two instances", async () => {
  const slug = "tin-bao-mot-lan";
  // Earlier tests' announcements are out once the stand-in has heard nothing for 3 s (a burst is
  // sent 2 s after its first change).
  const started = Date.now();
  await within(
    "bên nhận yên lặng",
    async () => Date.now() - Math.max(started, standIn.received.at(-1)?.at ?? 0) > 3000,
    30_000,
  );
  const from = standIn.received.length;
  writeFileSync(
    path.join(content, `${slug}.md`),
    `---\ntitle: "Tin báo một lần cho mọi máy chủ"\ndate: ${toVietnamIso(new Date())}\ncategory: Thời sự\n---\n\nĐoạn đầu.\n`,
  );
  await within("lưu bài → sơ đồ tin mới qua nginx", async () =>
    (await get(`${stack.origin}/sitemaps/tin-moi.xml`)).text.includes(`/bai-viet/${slug}</loc>`),
  );
  const since = () => standIn.received.slice(from);
  await within("IndexNow và WebSub nhận tin từ stack", async () =>
    ["/indexnow", "/hub"].every((at) => since().some((request) => request.path === at)),
  );
  // A second instance's copy would come within the burst's 2 s.
  await new Promise((resolve) => setTimeout(resolve, 4000));
  const submissions = since().filter((request) => request.path === "/indexnow");
  expect(submissions).toHaveLength(1);
  expect(JSON.parse(submissions[0].body).urlList).toEqual([`${E2E_SITE_URL}/bai-viet/${slug}`]);
  expect(since().filter((request) => request.path === "/hub")).toHaveLength(1);
  // Which instance sent it: the one that read the file first; the other stayed quiet.
  const senders = log.filter((line) => line.includes("IndexNow") && line.includes("nhận ("));
  test.info().annotations.push({ type: "yêu cầu nhận được", description: JSON.stringify(since(), null, 2) });
  test.info().annotations.push({ type: "dòng nhật ký", description: senders.join("\n") });
});

test("a report scheduled a few seconds ahead shows through nginx and on both instances at its time", async () => {
  const slug = "tin-hen-gio-qua-nhieu-may-chu";
  const title = "Tin hẹn giờ đăng khi trang chạy trên nhiều máy chủ";
  const page = `/bai-viet/${slug}`;
  const due = Math.ceil((Date.now() + 8_000) / 1000) * 1000;
  const temporary = path.join(content, `.${slug}.md.tmp`);
  writeFileSync(
    temporary,
    `---\ntitle: "${title}"\ndate: ${toVietnamIso(new Date(due))}\nsummary: Thử hẹn giờ qua nginx.\ncategory: Thời sự\n---\n\nĐoạn đầu.\n`,
  );
  renameSync(temporary, path.join(content, `${slug}.md`));
  const shows = (origin: string, address: string) => async () =>
    (await get(`${origin}${address}`)).text.includes(title);
  // Read by both instances (their watchers), and still hidden everywhere.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(Date.now()).toBeLessThan(due);
  expect((await get(`${stack.origin}${page}`)).status).toBe(404);
  expect(await shows(stack.origin, "/")()).toBe(false);
  const loggedBefore = log.length;
  const seen = async (what: string, check: () => Promise<boolean>) => {
    await within(what, check);
    test
      .info()
      .annotations.push({ type: "giờ hẹn", description: `${what}: ${Date.now() - due} ms sau giờ hẹn` });
  };
  await seen(
    "hẹn giờ → trang bài qua nginx",
    async () => Date.now() >= due && (await shows(stack.origin, page)()),
  );
  await seen("hẹn giờ → trang chủ qua nginx", shows(stack.origin, "/"));
  for (const instance of stack.instances)
    expect(await shows(instance.origin, page)(), instance.name).toBe(true);
  // Which instances revalidated pages once the time came.
  const passes = stack.instances.map((instance) => {
    const lines = log.slice(loggedBefore).filter((line) => line.startsWith(`[${instance.name}]`));
    return `${instance.name}: ${lines.filter((line) => line.includes("trang làm mới")).length}`;
  });
  test
    .info()
    .annotations.push({ type: "giờ hẹn", description: `lượt làm mới sau giờ hẹn: ${passes.join(", ")}` });
});

async function signedIn(browser: Browser, name: string): Promise<Page> {
  const page = await (await opened(browser)).newPage();
  await page.goto(`${stack.origin}/quan-tri/dang-nhap`);
  await page.getByLabel("Tên đăng nhập").fill(name);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(`${stack.origin}/quan-tri`);
  return page;
}

test("through the stack: a reporter writes and sends, an editor sends back, the reporter fixes, the editor schedules it 20 s ahead", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const title = "Xã Nghi Phong khánh thành trường mầm non mới";
  const slug = "xa-nghi-phong-khanh-thanh-truong-mam-non-moi";
  const page = `/bai-viet/${slug}`;
  const reporter = await signedIn(browser, "pv-lan");
  await reporter.goto(`${stack.origin}/quan-tri/moi`);
  await reporter.getByLabel("Tiêu đề *").fill(title);
  await reporter.getByLabel("Tóm tắt").fill("Trường có sáu phòng học cho hai trăm cháu.");
  await reporter.getByLabel("Chuyên mục").fill("Thời sự");
  await reporter.getByLabel("Nội dung (Markdown)").fill("Sáng nay, xã Nghi Phong khánh thành trường.\n");
  await reporter.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(reporter.getByText("Trạng thái: Chờ duyệt")).toBeVisible();
  // A crafted request: a publish button the reporter's page never drew.
  await reporter.evaluate(() => {
    const button = Object.assign(document.createElement("button"), {
      type: "submit",
      name: "quyet-dinh",
      value: "dang",
    });
    button.textContent = "Đăng (giả)";
    document.querySelector("form.admin-editor")?.append(button);
  });
  await reporter.getByRole("button", { name: "Đăng (giả)" }).click();
  await expect(reporter.getByRole("alert").filter({ hasText: "Phóng viên không đăng" })).toBeVisible();

  const editor = await signedIn(browser, "bt-hung");
  await editor.getByRole("region", { name: "Chờ duyệt" }).getByRole("link", { name: title }).click();
  await editor.getByLabel("Ghi chú khi trả lại").fill("Thêm số phòng học và số cháu vào thân bài.");
  await editor.getByRole("button", { name: "Trả lại cho phóng viên" }).click();
  await expect(editor.getByText("Trạng thái: Bản nháp")).toBeVisible();

  await reporter.goto(`${stack.origin}/quan-tri/sua/${slug}`);
  await expect(reporter.getByRole("note")).toContainText("Thêm số phòng học và số cháu");
  await reporter
    .getByLabel("Nội dung (Markdown)")
    .fill("Sáng nay, xã Nghi Phong khánh thành trường sáu phòng học.\n");
  await reporter.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(reporter.getByText("Trạng thái: Chờ duyệt")).toBeVisible();

  await editor.goto(`${stack.origin}/quan-tri/sua/${slug}`);
  const due = Math.ceil((Date.now() + 20_000) / 1000) * 1000;
  await editor.getByLabel("Ngày giờ *").fill(toVietnamIso(new Date(due)));
  await editor.getByRole("button", { name: "Hẹn giờ đăng" }).click();
  await expect(editor.getByText("Trạng thái: Đã lên lịch")).toBeVisible();
  test.info().annotations.push({ type: "giờ hẹn", description: `hẹn lúc ${new Date(due).toISOString()}` });

  const shows = async (address: string, text = `/bai-viet/${slug}`) =>
    (await get(`${stack.origin}${address}`)).text.includes(text);
  expect(Date.now()).toBeLessThan(due);
  expect((await get(`${stack.origin}${page}`)).status).toBe(404);
  expect(await shows("/")).toBe(false);
  expect(await shows("/feed.xml")).toBe(false);
  const seen = async (what: string, check: () => Promise<boolean>) => {
    // Room for a slow machine after its time; the time taken is recorded below.
    await within(
      what,
      async () => Date.now() >= due && (await check()),
      Math.max(0, due - Date.now()) + 40_000,
    );
    test
      .info()
      .annotations.push({ type: "giờ hẹn", description: `${what}: ${Date.now() - due} ms sau giờ hẹn` });
  };
  await seen("trang bài qua nginx", async () => (await get(`${stack.origin}${page}`)).status === 200);
  await seen("trang chủ qua nginx", () => shows("/"));
  await seen("RSS qua nginx", () => shows("/feed.xml"));
  await seen("chuyên mục Thời sự qua nginx", () => shows("/chuyen-muc/thoi-su"));
  await seen("tìm kiếm qua nginx", () => shows(`/tim-kiem?q=${encodeURIComponent("Nghi Phong")}`));
});

test("an instance stopped or crashed: every request is still answered, and it comes back", async () => {
  const victim = stack.instances[0];
  let sent = 0;
  // Requests no cache can answer (a new query string each), ten at a time.
  const stream = async (milliseconds: number) => {
    const statuses: number[] = [];
    const until = performance.now() + milliseconds;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (performance.now() < until) {
          sent += 1;
          statuses.push((await get(`${stack.origin}${SEED_PATH}?n=${sent}`)).status);
        }
      }),
    );
    return statuses;
  };
  const comesBack = async (signal: string, restartsBefore: number) => {
    await within(`${signal} → khởi động lại`, async () => victim.restarts() > restartsBefore);
    await victim.serving(60_000);
    expect((await get(`${victim.origin}${SEED_PATH}`)).status, signal).toBe(200);
  };

  // Stopped (SIGTERM, as kill, systemd and docker stop do) with requests in flight: it answers
  // them before it exits, and nginx sends the rest to the other instance.
  let restarts = victim.restarts();
  const during = stream(3000);
  await sleep(500);
  process.kill(victim.child().pid as number, "SIGTERM");
  const whileStopping = await during;
  expect(whileStopping.length).toBeGreaterThan(20);
  expect(whileStopping.filter((status) => status !== 200)).toEqual([]);
  await comesBack("SIGTERM", restarts);

  // Crashed (SIGKILL): an answer half sent by a dead process is lost to anyone, so the kill comes
  // between requests; every request after it is answered by the other instance.
  restarts = victim.restarts();
  process.kill(victim.child().pid as number, "SIGKILL");
  const afterCrash = await stream(2000);
  expect(afterCrash.length).toBeGreaterThan(20);
  expect(afterCrash.filter((status) => status !== 200)).toEqual([]);
  await comesBack("SIGKILL", restarts);
});

// Last: after every instance has been down, nginx tries each again only 2 s after its last failure
// (fail_timeout), answering 502 to what it has no copy of until then.
test("a report scheduled while one instance is killed at its second: the other publishes it, and the killed one shows it once back", async () => {
  const victim = stack.instances[0];
  const slug = "tin-hen-gio-khi-mot-may-chu-chet";
  const title = "Tin hẹn giờ đúng lúc một máy chủ chết";
  const page = `/bai-viet/${slug}`;
  const due = Math.ceil((Date.now() + 6_000) / 1000) * 1000;
  writeFileSync(
    path.join(content, `.${slug}.md.tmp`),
    `---\ntitle: "${title}"\ndate: ${toVietnamIso(new Date(due))}\nsummary: Thử hẹn giờ khi một máy chủ chết.\ncategory: Thời sự\n---\n\nĐoạn đầu.\n`,
  );
  renameSync(path.join(content, `.${slug}.md.tmp`), path.join(content, `${slug}.md`));
  const shows = (origin: string, address: string) => async () =>
    (await get(`${origin}${address}`)).text.includes(title);
  await sleep(Math.max(0, due - 300 - Date.now()));
  const restarts = victim.restarts();
  process.kill(victim.child().pid as number, "SIGKILL");
  const seen = async (what: string, check: () => Promise<boolean>) => {
    await within(what, check);
    test
      .info()
      .annotations.push({ type: "giờ hẹn", description: `${what}: ${Date.now() - due} ms sau giờ hẹn` });
  };
  await seen("một máy chủ chết → trang bài qua nginx", shows(stack.origin, page));
  await seen("một máy chủ chết → trang bài trên máy chủ còn sống", shows(stack.instances[1].origin, page));
  await within("máy chủ bị giết chạy lại", async () => victim.restarts() > restarts);
  await victim.serving(60_000);
  await seen("máy chủ chạy lại → trang bài trên nó", shows(victim.origin, page));
  await seen("máy chủ chạy lại → trang chủ trên nó", shows(victim.origin, "/"));
});

test("while every instance is down, readers get the last copy of a page", async () => {
  const url = `${stack.origin}/`;
  // A fresh copy in nginx (a refresh may be under way after the publish above), then one past its
  // validity: nginx counts whole seconds, so "1 s" lasts until the end of the next second.
  await within("bản sao mới trong nginx", async () => (await get(url)).headers.get("x-cache") === "HIT");
  await sleep(2500);
  const children = stack.instances.map((instance) => instance.child());
  const restarts = stack.instances.map((instance) => instance.restarts());
  for (const child of children) process.kill(child.pid as number, "SIGKILL");
  await Promise.all(children.map((child) => new Promise((resolve) => child.once("exit", resolve))));
  // The stack starts them again after half a second, and they take longer than that to listen.
  const stale = await get(url);
  expect(stale.status).toBe(200);
  expect(stale.headers.get("x-cache")).toBe("STALE");
  expect(stale.text).toContain(SEED_TITLE);
  for (const [index, instance] of stack.instances.entries()) {
    await within(`${instance.name} khởi động lại`, async () => instance.restarts() > restarts[index]);
    await instance.serving(60_000);
  }
});

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
