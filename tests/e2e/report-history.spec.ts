import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { type OwnServer, startOwnServer } from "./own-server";
import { SEED_PATH, SEED_TITLE } from "./seed-report";
import { within } from "./within";

// Every change kept (issue 26), on the production build: the seed report edited twice in the
// browser, once as a correction; its history, a comparison, a restore; the content folder's git log;
// and what readers see of the correction.

let own: OwnServer;
const PASSWORD = "mật khẩu thử nghiệm đủ dài";
const NAME = SEED_PATH.split("/").at(-1) ?? "";
const SEED_FILE = `${NAME}.md`;

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  own = await startOwnServer({ prefix: "lich-su-", editors: { bientap: PASSWORD } });
});

test.afterAll(async () => {
  await own?.stop();
});

const at = (pathname: string) => own.at(pathname);
const fileText = () => readFileSync(path.join(own.contentDir, SEED_FILE), "utf8");
const gitLog = (format: string) =>
  spawnSync("git", ["-C", own.contentDir, "log", `--format=${format}`, "--", SEED_FILE], { encoding: "utf8" })
    .stdout.trim()
    .split("\n");

async function signIn(page: Page) {
  await page.goto(at("/quan-tri/dang-nhap"));
  await page.getByLabel("Tên đăng nhập").fill("bientap");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(at("/quan-tri"));
}

/** Saves the form; done when the content folder's history has one more version of the seed. */
async function save(page: Page) {
  const versions = gitLog("%H").length;
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  await expect.poll(() => gitLog("%H").length).toBe(versions + 1);
}

test("two edits, one a correction: history, comparison, restore, and what readers see", async ({ page }) => {
  const original = fileText();
  // The folder became a repository when the server started.
  await within("kho lịch sử có bản đầu", async () => gitLog("%an").length === 1 && gitLog("%an")[0] !== "");

  await signIn(page);
  await page.goto(at(`/quan-tri/sua/${NAME}`));
  await page
    .getByLabel("Tóm tắt")
    .fill("Hội nghị đánh giá công tác năm 2020 và triển khai nhiệm vụ năm 2021.");
  await save(page);

  const body = page.getByLabel("Nội dung (Markdown)");
  await body.fill((await body.inputValue()).replace("thành phố Vinh", "thành phố Vinh, tỉnh Nghệ An"));
  await page.getByLabel("Lần lưu này là đính chính").check();
  await page.getByLabel("Đã sửa gì").fill("Ghi rõ tên tỉnh của thành phố Vinh");
  await save(page);

  expect(gitLog("%an|%s")).toEqual([
    `bientap|Đính chính bài “${SEED_TITLE}” (${SEED_FILE})`,
    `bientap|Sửa bài “${SEED_TITLE}” (${SEED_FILE})`,
    "thư mục nội dung|Bắt đầu lưu lịch sử: các tệp có sẵn",
  ]);

  // Readers: the correction at the top of the report, the time of the change, dateModified.
  await within("đính chính → trang bài", async () =>
    (await (await fetch(at(SEED_PATH))).text()).includes("Ghi rõ tên tỉnh của thành phố Vinh"),
  );
  await page.goto(at(SEED_PATH));
  const correction = page.getByRole("complementary", { name: "Đính chính" });
  await expect(correction).toContainText(/Đính chính lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}: Ghi rõ tên tỉnh/);
  await expect(page.locator(".report__updated")).toContainText("Cập nhật lúc");
  const updated = /^updated: (.+)$/m.exec(fileText())?.[1] ?? "";
  const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent();
  expect(JSON.parse(jsonLd ?? "[]")).toEqual(
    expect.arrayContaining([expect.objectContaining({ "@type": "NewsArticle", dateModified: updated })]),
  );
  await expect(page.locator('meta[property="article:modified_time"]')).toHaveAttribute("content", updated);

  // Editors: the history in words, newest first.
  await page.goto(at(`/quan-tri/sua/${NAME}`));
  await page.getByRole("link", { name: "Lịch sử các bản" }).click();
  const versions = page.locator(".admin-history__version");
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(0)).toContainText("bientap");
  await expect(versions.nth(0)).toContainText("đính chính, +3 / −0 chữ");
  await expect(versions.nth(0)).toContainText("Đính chính: Ghi rõ tên tỉnh của thành phố Vinh");
  await expect(versions.nth(1)).toContainText("thêm tóm tắt");
  await expect(versions.nth(2)).toContainText("tạo bài");

  // The newest change compared with the one before: the words added, marked.
  await versions.nth(0).getByRole("link", { name: "So với bản trước" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("So sánh bản");
  await expect(page.locator(".admin-diff ins")).toHaveText([", tỉnh Nghệ An"]);
  // Both saves stamp `updated` to the second: two saves within one second leave it unchanged.
  const updatedIn = (version: string) =>
    /^updated: (.+)$/m.exec(
      spawnSync("git", ["-C", own.contentDir, "show", `${version}:${SEED_FILE}`], { encoding: "utf8" })
        .stdout,
    )?.[1];
  await expect(page.locator(".admin-compare__changed th")).toContainText(
    updatedIn("HEAD~1") === updatedIn("HEAD") ? ["Đính chính"] : ["Sửa lần cuối", "Đính chính"],
  );

  // Restore the first version: a new commit on top, the old text back, the correction kept.
  await page.goto(at(`/quan-tri/lich-su/${NAME}`));
  await versions.nth(2).getByRole("button", { name: "Khôi phục bản này" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã khôi phục" })).toBeVisible();
  await expect(versions).toHaveCount(4);
  expect(gitLog("%an|%s")[0]).toMatch(
    new RegExp(`^bientap\\|Khôi phục bài “${SEED_TITLE}” \\(${SEED_FILE}\\) về bản `),
  );
  expect(fileText()).not.toContain("tỉnh Nghệ An");
  expect(fileText()).toContain("Ghi rõ tên tỉnh của thành phố Vinh");
  expect(fileText().split("\n---\n")[1]).toBe(original.split("\n---\n")[1]);
});
