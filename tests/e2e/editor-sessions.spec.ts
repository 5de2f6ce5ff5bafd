import { spawnSync } from "node:child_process";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { SESSION_COOKIE } from "../../lib/auth/session-cookie";
import { type OwnServer, startOwnServer } from "./own-server";

// A session cookie copied before its session ended is replayed, as an attacker who took it would:
// signing out, a new password, a disabled or removed account and signing everyone out end it on
// the server, so the copy gets the sign-in page.

let own: OwnServer;
const PASSWORD = "mật khẩu thử nghiệm đủ dài";
const EDITORS = ["dang-xuat", "doi-mat-khau", "bi-khoa", "bi-xoa", "ca-toa-soan", "nguoi-khac"];

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  // Starting a server of its own: a hook's limit is not the describe block's.
  test.setTimeout(120_000);
  own = await startOwnServer({
    prefix: "phien-",
    editors: Object.fromEntries(EDITORS.map((name) => [name, PASSWORD])),
  });
});

test.afterAll(async () => {
  await own?.stop();
});

const at = (pathname: string) => own.at(pathname);

/** Signs in through the page and returns the session cookie's value, as copied from the browser. */
async function signIn(page: Page, name: string): Promise<string> {
  await page.goto(at("/quan-tri/dang-nhap"));
  await page.getByLabel("Tên đăng nhập").fill(name);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(at("/quan-tri"));
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toBeDefined();
  return cookie!.value;
}

/** The copied cookie sent again, as curl would: the answer's status and where it sends. */
async function replay(value: string): Promise<string> {
  const response = await fetch(at("/quan-tri"), {
    headers: { cookie: `${SESSION_COOKIE}=${value}` },
    redirect: "manual",
  });
  return `${response.status} ${new URL(response.headers.get("location") ?? "/", own.server.origin).pathname}`;
}

/** The copied cookie in another browser: the page it ends on. */
async function replayInBrowser(browser: Browser, value: string): Promise<string> {
  const context = await browser.newContext();
  const { hostname } = new URL(own.server.origin);
  await context.addCookies([{ name: SESSION_COOKIE, value, domain: hostname, path: "/quan-tri" }]);
  const page = await context.newPage();
  await page.goto(at("/quan-tri"));
  const url = new URL(page.url()).pathname;
  await context.close();
  return url;
}

function npm(script: string, args: string[], env: Record<string, string> = {}): string {
  const run = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
    env: { ...process.env, EDITOR_DATA_DIR: own.dataDir, ...env },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

const LIVE = "200 /";
const ENDED = "307 /quan-tri/dang-nhap";

test("a cookie copied before signing out opens nothing after it", async ({ page, browser }) => {
  const copied = await signIn(page, "dang-xuat");
  expect(await replay(copied)).toBe(LIVE);
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(at("/quan-tri/dang-nhap"));
  expect(await replay(copied)).toBe(ENDED);
  expect(await replayInBrowser(browser, copied)).toBe("/quan-tri/dang-nhap");
});

for (const [name, end, command] of [
  [
    "doi-mat-khau",
    "a new password",
    () => npm("editor:add", ["doi-mat-khau"], { EDITOR_PASSWORD: "mật khẩu mới hoàn toàn khác" }),
  ],
  ["bi-khoa", "disabling the account", () => npm("editor:disable", ["bi-khoa"])],
  ["bi-xoa", "removing the account", () => npm("editor:remove", ["bi-xoa"])],
] as const) {
  test(`a cookie copied before ${end} opens nothing after it`, async ({ page, browser }) => {
    const copied = await signIn(page, name);
    expect(await replay(copied)).toBe(LIVE);
    command();
    expect(await replay(copied)).toBe(ENDED);
    expect(await replayInBrowser(browser, copied)).toBe("/quan-tri/dang-nhap");
    // The browser that signed in is signed out too.
    await page.goto(at("/quan-tri"));
    await expect(page).toHaveURL(at("/quan-tri/dang-nhap"));
  });
}

test("signing everyone out ends every session, and signing in again works", async ({ page, browser }) => {
  const one = await signIn(page, "ca-toa-soan");
  await page.context().clearCookies();
  const other = await signIn(page, "nguoi-khac");
  expect(npm("editor:signout-all", [])).toContain("Đã đăng xuất mọi biên tập viên");
  expect(await replay(one)).toBe(ENDED);
  expect(await replay(other)).toBe(ENDED);
  expect(await replayInBrowser(browser, other)).toBe("/quan-tri/dang-nhap");
  await page.context().clearCookies();
  expect(await replay(await signIn(page, "nguoi-khac"))).toBe(LIVE);
});
