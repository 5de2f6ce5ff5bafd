import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startOwnServer } from "./own-server";
import { SEED_PATH } from "./seed-report";

// Every kind of page, as the server sends it, checked by the Nu Html Checker (vnu, the W3C's
// validator): HTML and ARIA-in-HTML errors (a role an element may not take, say) fail the test.
// Needs Java, which `.ci/run` and scripts/ensure-debian-packages.mjs install.

const VNU_JAR = path.join(
  path.dirname(createRequire(import.meta.url).resolve("vnu-jar")),
  "build/dist/vnu.jar",
);

const PAGES = {
  "trang-chu": "/",
  "bai-viet": SEED_PATH,
  "chuyen-muc": "/chuyen-muc/quoc-phong-an-ninh",
  "chu-de": "/chu-de/thanh-pho-vinh",
  nguoi: "/nguoi/tran-ngoc-tu",
  "tat-ca-chu-de": "/chu-de",
  "chu-de-theo-van": "/chu-de/theo-van/t",
  "luu-tru": "/luu-tru",
  "luu-tru-thang": "/luu-tru/2021/01",
  "tim-kiem": "/tim-kiem?q=vinh",
  "khong-tim-thay": "/khong-co-trang-nay",
  "dang-nhap": "/quan-tri/dang-nhap",
} as const;

/** The editors' pages, as a signed-in editor (the first account: an administrator) gets them from a server of the test's own. */
const EDITOR_PAGES = {
  "bien-tap": "/quan-tri",
  "bai-moi": "/quan-tri/moi",
  "sua-bai": `/quan-tri/sua/${SEED_PATH.split("/").at(-1)}`,
  "tai-khoan": "/quan-tri/tai-khoan",
} as const;

const ADDRESSES: Record<string, string> = { ...PAGES, ...EDITOR_PAGES };
const PASSWORD = "mật khẩu thử nghiệm đủ dài";

interface VnuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** vnu's JSON report on the files; it exits non-zero when it finds errors, and writes to stderr. */
function vnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      "java",
      ["-jar", VNU_JAR, "--format", "json", "--errors-only", ...files],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        try {
          resolve((JSON.parse(stderr) as { messages: VnuMessage[] }).messages);
        } catch {
          reject(error ?? new Error(`vnu wrote no JSON report: ${stderr}`));
        }
      },
    );
  });
}

test("every kind of page is valid HTML, by the Nu Html Checker", async ({ request, page }) => {
  test.setTimeout(120_000);
  const folder = mkdtempSync(path.join(tmpdir(), "vnu-"));
  const own = await startOwnServer({ prefix: "vnu-", editors: { bientap: PASSWORD } });
  try {
    const files: string[] = [];
    for (const [name, address] of Object.entries(PAGES)) {
      const response = await request.get(address);
      expect(response.status(), address).toBe(name === "khong-tim-thay" ? 404 : 200);
      const file = path.join(folder, `${name}.html`);
      writeFileSync(file, await response.text());
      files.push(file);
    }
    await page.goto(own.at("/quan-tri/dang-nhap"));
    await page.getByLabel("Tên đăng nhập").fill("bientap");
    await page.getByLabel("Mật khẩu").fill(PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(own.at("/quan-tri"));
    for (const [name, address] of Object.entries(EDITOR_PAGES)) {
      // The page's own request, with its session cookie; a redirect would be the sign-in page.
      const response = await page.request.get(own.at(address), { maxRedirects: 0 });
      expect(response.status(), address).toBe(200);
      const file = path.join(folder, `${name}.html`);
      writeFileSync(file, await response.text());
      files.push(file);
    }
    const errors = (await vnu(files))
      .filter((message) => message.type === "error")
      .map(
        ({ url, lastLine, message, extract }) =>
          `${ADDRESSES[path.basename(url ?? "", ".html")] ?? url}:${lastLine}: ${message}` +
          (extract ? `\n    ${extract.replace(/\s+/g, " ").trim()}` : ""),
      );
    expect(errors, errors.join("\n")).toEqual([]);
  } finally {
    await own.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});
