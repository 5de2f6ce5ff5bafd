import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { sealData, unsealData } from "iron-session";
import { FAILURES_PER_ACCOUNT } from "../../lib/auth/sign-in-limits";
import { type EditorSession, SESSION_COOKIE } from "../../lib/auth/session-cookie";
import { signInInputs } from "../../lib/report-form/field-names";
import { type OwnServer, startOwnServer } from "./own-server";
import { SEED_PATH, SEED_TITLE } from "./seed-report";

// Editors sign in at /quan-tri, on the production build with a data folder of its own.

let own: OwnServer;
const PASSWORD = "mật khẩu thử nghiệm đủ dài";

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  // Starting a server of its own: a hook's limit is not the describe block's.
  test.setTimeout(120_000);
  own = await startOwnServer({
    prefix: "quan-tri-",
    editors: { bientap: PASSWORD, "khoa-thu": PASSWORD },
  });
});

test.afterAll(async () => {
  await own?.stop();
});

const at = (pathname: string) => own.at(pathname);

test("without a session the list sends to the sign-in page; both are private, unindexed, under a strict policy", async ({
  page,
}) => {
  const response = await fetch(at("/quan-tri"), { redirect: "manual" });
  expect([303, 307]).toContain(response.status);
  expect(response.headers.get("location")).toContain("/quan-tri/dang-nhap");
  const signIn = await fetch(at("/quan-tri/dang-nhap"));
  expect(signIn.headers.get("cache-control")).toBe("private, no-store");
  expect(signIn.headers.get("x-robots-tag")).toBe("noindex, nofollow");
  const policy = signIn.headers.get("content-security-policy") ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'sha256-[^']+' 'strict-dynamic'/);
  expect(policy).not.toContain("unsafe-inline' 'unsafe-eval");
  expect(await signIn.text()).toContain('<meta name="robots" content="noindex, nofollow"/>');
  expect(await (await fetch(at("/sitemap.xml"))).text()).not.toContain("quan-tri");

  // The page runs under its policy without a violation.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(at("/quan-tri"));
  await expect(page).toHaveURL(at("/quan-tri/dang-nhap"));
  await expect(page.getByRole("heading", { name: "Đăng nhập biên tập" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a wrong password and an unknown name get the same answer", async ({ page }) => {
  for (const [name, password] of [
    ["bientap", "sai mật khẩu rồi nhé"],
    ["khong-co-ai", PASSWORD],
  ]) {
    await page.goto(at("/quan-tri/dang-nhap"));
    await page.getByLabel("Tên đăng nhập").fill(name);
    await page.getByLabel("Mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.locator(".admin__error")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  }
});

test("an editor signs in, sees every report with drafts, filters by title, and signs out", async ({
  page,
  context,
}) => {
  await page.goto(at("/quan-tri/dang-nhap"));
  await page.getByLabel("Tên đăng nhập").fill("bientap");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(at("/quan-tri"));
  await expect(page.getByRole("heading", { name: "Các bài viết" })).toBeVisible();
  const seedRow = page.getByRole("row", { name: new RegExp(SEED_TITLE) });
  await expect(seedRow.getByRole("link", { name: SEED_TITLE })).toHaveAttribute(
    "href",
    `/quan-tri/sua/${SEED_PATH.split("/").at(-1)}`,
  );
  await expect(seedRow.getByRole("link", { name: "xem trên trang" })).toHaveAttribute("href", SEED_PATH);
  await expect(page.getByRole("row", { name: /Bản nháp chưa được đăng/ })).toContainText("Bản nháp");

  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/quan-tri" });

  await page.getByLabel("Lọc theo tiêu đề").fill("quoc phong");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(at("/quan-tri/dang-nhap"));
  await page.goto(at("/quan-tri"));
  await expect(page).toHaveURL(at("/quan-tri/dang-nhap"));
});

test("a forged cookie, an expired session and a seal with no live session are no session", async ({
  page,
  context,
}) => {
  const url = new URL(own.server.origin);
  const useCookie = async (value: string) => {
    await context.clearCookies();
    await context.addCookies([{ name: SESSION_COOKIE, value, domain: url.hostname, path: "/quan-tri" }]);
    await page.goto(at("/quan-tri"));
  };
  await useCookie("Fe26.2**gia-mao**");
  await expect(page).toHaveURL(at("/quan-tri/dang-nhap"));

  // A live session, sealed again with the server's own key, but signed in nine hours ago.
  await page.getByLabel("Tên đăng nhập").fill("bientap");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(at("/quan-tri"));
  const key = readFileSync(path.join(own.dataDir, "session-key"), "utf8").trim();
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
  const live = await unsealData<EditorSession>(cookie.value, { password: key });
  await useCookie(await sealData({ ...live, since: Date.now() - 9 * 3_600_000 }, { password: key }));
  await expect(page).toHaveURL(at("/quan-tri/dang-nhap"));

  // Sealed with the key, fresh, but with no session live on the server.
  await useCookie(await sealData({ editor: "bientap", since: Date.now() }, { password: key }));
  await expect(page).toHaveURL(at("/quan-tri/dang-nhap"));
  await useCookie(await sealData({ ...live, editor: "khoa-thu", since: Date.now() }, { password: key }));
  await expect(page).toHaveURL(at("/quan-tri/dang-nhap"));

  // The live session, fresh, is a session: the ones above were refused for what they were.
  await useCookie(await sealData({ ...live, since: Date.now() }, { password: key }));
  await expect(page).toHaveURL(at("/quan-tri"));
});

test("after five wrong passwords even the right one is refused for a while, whatever X-Forwarded-For says", async ({
  page,
}) => {
  let tries = 0;
  const attempt = async (password: string) => {
    // No proxy is trusted here: a new address each time in the header must not count as one.
    tries += 1;
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${tries}` });
    await page.goto(at("/quan-tri/dang-nhap"));
    await page.getByLabel("Tên đăng nhập").fill("khoa-thu");
    await page.getByLabel("Mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.locator(".admin__error")).toBeVisible();
    return page.locator(".admin__error").innerText();
  };
  for (let n = 0; n < FAILURES_PER_ACCOUNT; n += 1) {
    expect(await attempt(`sai lần thứ ${n + 1} rồi`)).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
  }
  expect(await attempt(PASSWORD)).toMatch(/^Đã thử sai quá nhiều lần\. Hãy thử lại sau 1[45] phút\.$/);
  await expect(page).toHaveURL(/\/quan-tri\/dang-nhap/);
});

test("a post from another site is refused before it reaches anything", async () => {
  for (const origin of ["https://ke-xau.example", "null"]) {
    const response = await fetch(at("/quan-tri/dang-nhap"), {
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ [signInInputs.name]: "bientap", [signInInputs.password]: "x" }).toString(),
    });
    expect(response.status, origin).toBe(403);
    expect(await response.text()).toBe("Yêu cầu từ nơi khác bị từ chối.");
  }
});

test("readers' pages carry no byte of the editors' pages", async () => {
  const html = await (await fetch(at(SEED_PATH))).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    const code = await (await fetch(at(script))).text();
    expect(code, script).not.toContain("Đăng nhập biên tập");
    expect(code, script).not.toContain("quan-tri");
  }
});
