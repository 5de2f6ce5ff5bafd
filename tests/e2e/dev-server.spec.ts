import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// `next dev` on its own port and content folder: what an editor sees while writing.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
let content: string;
const log: string[] = [];

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  // A hook gets Playwright's default 30 s otherwise; a first compile on a busy machine needs more.
  test.setTimeout(120_000);
  content = mkdtempSync(path.join(tmpdir(), "noi-dung-dev-"));
  cpSync("tests/fixtures/e2e-content/ban-nhap-chua-dang.md", path.join(content, "ban-nhap-chua-dang.md"));
  server = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "dev", "-p", String(PORT), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        CONTENT_DIR: content,
        NEXT_DIST_DIR: `.next-dev-${PORT}`,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  for (const stream of [server.stdout, server.stderr])
    stream?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  // Whatever keeps it from answering (a port in use, a compile error), its own words say why.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const status = (await fetch(BASE).catch(() => null))?.status ?? 0;
    if (status === 200) break;
    if (server.exitCode !== null || Date.now() > deadline) {
      throw new Error(`next dev did not answer 200 on ${BASE} (last: ${status}):\n${log.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
  rmSync(content, { recursive: true, force: true });
});

test("a draft is shown in next dev with a visible 'Bản nháp' banner", async ({ page }) => {
  await page.goto(`${BASE}/bai-viet/ban-nhap-chua-dang`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bản nháp chưa được đăng");
  await expect(page.getByText(/^Bản nháp: bài này chưa được đăng/)).toBeVisible();
});

test("a new file, then an edit to it, show on reload without restarting", async ({ page }) => {
  const file = path.join(content, "bai-vua-them.md");
  writeFileSync(file, "---\ntitle: Bài vừa thêm\ndate: 2021-05-01T08:00\n---\n\nĐoạn đầu tiên.\n");
  await page.goto(BASE);
  await expect(page.getByRole("link", { name: "Bài vừa thêm" })).toBeVisible();

  writeFileSync(
    file,
    "---\ntitle: Bài vừa thêm, đã sửa tiêu đề\ndate: 2021-05-01T08:00\n---\n\nĐoạn đầu tiên.\n",
  );
  await page.goto(`${BASE}/bai-viet/bai-vua-them`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bài vừa thêm, đã sửa tiêu đề");
});

test("an unknown slug is still a 404 in next dev", async ({ page }) => {
  const response = await page.goto(`${BASE}/bai-viet/khong-co-bai-nay`);
  expect(response?.status()).toBe(404);
});
