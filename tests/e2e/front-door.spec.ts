import { connect } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { SESSION_COOKIE } from "../../lib/auth/session-cookie";
import { SLOW_DOWN_AFTER } from "../../lib/auth/sign-in-limits";
import { type OwnServer, startOwnServer } from "./own-server";

// The server's front door (lib/server/front-door.ts) on a production server of its own that
// believes X-Forwarded-For from loopback, as the stack's instances believe nginx.

let own: OwnServer;
const PASSWORD = "mật khẩu thử nghiệm đủ dài";

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  // Hashing the editor's password and starting a server: about 15 s here, over 30 s with the
  // machine busy; a hook's own limit is not the describe block's.
  test.setTimeout(120_000);
  own = await startOwnServer({
    prefix: "cua-truoc-",
    editors: { bientap: PASSWORD },
    env: { TRUSTED_PROXIES: "127.0.0.1,::1" },
  });
});

test.afterAll(async () => {
  await own?.stop();
});

/** Sends a request's head and the first bytes of a 16 MB body, and reads what comes back. */
function postWithoutBody(pathname: string, headers: Record<string, string>): Promise<string> {
  const { hostname, port } = new URL(own.at("/"));
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(answer || "no answer in 10 s");
    }, 10_000);
    socket.on("data", (chunk) => (answer += chunk.toString("utf8")));
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on("error", reject);
    const head = Object.entries({
      Host: `${hostname}:${port}`,
      "Content-Length": String(16 * 1024 * 1024),
      ...headers,
    })
      .map(([name, value]) => `${name}: ${value}`)
      .join("\r\n");
    socket.write(`POST ${pathname} HTTP/1.1\r\n${head}\r\n\r\n${"x".repeat(1024)}`);
  });
}

test("a 16 MB post to the editors' pages without a session is refused before its body is sent", async () => {
  const started = Date.now();
  const answer = await postWithoutBody("/quan-tri/moi", { Origin: own.at("").replace(/\/$/, "") });
  expect(answer).toMatch(/^HTTP\/1\.1 403 /);
  expect(answer).toContain("Cần đăng nhập trước.");
  // Only the first kilobyte was ever sent: the answer cannot have waited for the rest.
  expect(Date.now() - started).toBeLessThan(9_000);
  const signIn = await postWithoutBody("/quan-tri/dang-nhap", {});
  expect(signIn).toMatch(/^HTTP\/1\.1 413 /);
});

test("a host the site does not serve gets 421, the site's own and loopback names an answer", async () => {
  const answer = await postWithoutBody("/", { Host: "ke-xau.example" });
  expect(answer).toMatch(/^HTTP\/1\.1 421 /);
  const { port } = new URL(own.at("/"));
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
    const response = await fetch(own.at("/"), { headers: { host } });
    expect(response.status, host).toBe(200);
  }
});

test("an Origin of the same host by another scheme is another site", async () => {
  const response = await fetch(own.at("/quan-tri/dang-nhap"), {
    method: "POST",
    headers: {
      origin: own
        .at("")
        .replace(/\/$/, "")
        .replace(/^http:/, "https:"),
      "content-type": "application/x-www-form-urlencoded",
      cookie: `${SESSION_COOKIE}=x`,
    },
    body: "ten=bientap",
  });
  expect(response.status).toBe(403);
  expect(await response.text()).toBe("Yêu cầu từ nơi khác bị từ chối.");
});

async function signIn(page: Page, password: string, from: string): Promise<string> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": from });
  await page.goto(own.at("/quan-tri/dang-nhap"));
  await page.getByLabel("Tên đăng nhập").fill("bientap");
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => url.pathname !== "/quan-tri/dang-nhap" || url.search !== "");
  return new URL(page.url()).pathname;
}

test("guesses at one account from many addresses slow it down but never lock its editor out", async ({
  page,
}) => {
  // Four failures from each address: under every address's own limits, over the account's threshold.
  const addresses = Math.ceil((SLOW_DOWN_AFTER + 2) / 4);
  for (let a = 0; a < addresses; a += 1) {
    for (let n = 0; n < 4; n += 1) {
      expect(await signIn(page, `đoán sai ${a}-${n} rồi`, `203.0.113.${a + 1}`)).toBe("/quan-tri/dang-nhap");
      await expect(page.locator(".admin__error")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
  }
  const started = Date.now();
  expect(await signIn(page, PASSWORD, "192.0.2.50")).toBe("/quan-tri");
  // Slowed: at least the first step's second.
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
});

test("a server action id the build never made is answered 404, with nothing in the server's log", async () => {
  const logged = own.server.log.length;
  const response = await fetch(own.at("/quan-tri/moi"), {
    method: "POST",
    headers: {
      origin: own.at("").replace(/\/$/, ""),
      cookie: `${SESSION_COOKIE}=x`,
      "next-action": "7f".repeat(21),
      "content-type": "text/plain;charset=UTF-8",
    },
    body: "[]",
  });
  expect(response.status).toBe(404);
  expect(await response.text()).toBe("Thao tác này không còn: hãy tải lại trang.");
  expect(own.server.log.slice(logged).join("\n")).not.toMatch(/Server Action|Error/);
});
