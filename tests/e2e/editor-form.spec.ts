import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { expect, type Page, test } from "@playwright/test";
import { reportInputs } from "../../lib/report-form/field-names";
import { type OwnServer, startOwnServer } from "./own-server";
import { SEED_PATH } from "./seed-report";
import { within } from "./within";

// Writing and correcting reports in the browser, on the production build: what an
// editor saves is the Markdown file a developer would write, live within seconds.

let own: OwnServer;
const PASSWORD = "mật khẩu thử nghiệm đủ dài";
const SEED_FILE = `${SEED_PATH.split("/").at(-1)}.md`;

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  // Starting a server of its own: a hook's limit is not the describe block's.
  test.setTimeout(120_000);
  own = await startOwnServer({
    prefix: "bieu-mau-",
    editors: { bientap: PASSWORD, bientap2: PASSWORD },
  });
});

test.afterAll(async () => {
  await own?.stop();
});

const at = (pathname: string) => own.at(pathname);
const fileText = (file: string) => readFileSync(path.join(own.contentDir, file), "utf8");
const shows = (pathname: string, text: string) => async () => {
  const response = await fetch(at(pathname));
  return response.status === 200 && (await response.text()).includes(text);
};

async function signIn(page: Page, name = "bientap") {
  await page.goto(at("/quan-tri/dang-nhap"));
  await page.getByLabel("Tên đăng nhập").fill(name);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(at("/quan-tri"));
}

test("the seed report opened and saved unchanged is the same file, byte for byte", async ({ page }) => {
  const before = fileText(SEED_FILE);
  await signIn(page);
  await page.goto(at(`/quan-tri/sua/${SEED_FILE.slice(0, -3)}`));
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  expect(Buffer.from(fileText(SEED_FILE)).equals(Buffer.from(before))).toBe(true);
});

test("a new report written in the form is the file a developer would write, and live within seconds", async ({
  page,
}) => {
  await signIn(page);
  await page.goto(at("/quan-tri/moi"));
  await page.getByLabel("Tiêu đề *").fill("Hội thi bơi chải trên sông Lam");
  await page.getByLabel("Tóm tắt").fill("Mười đội tham gia hội thi truyền thống.");
  await page.getByLabel("Chuyên mục").fill("Đời sống");
  await page.getByLabel("Chủ đề", { exact: false }).first().fill("Thành phố Vinh");
  // Picked from those already used, as the suggestions offer them.
  const addTag = page.getByLabel("Thêm chủ đề (gợi ý từ những cái đã dùng)");
  await expect(page.locator("#chu-de-da-dung option[value='Thành phố Vinh']")).toHaveCount(1);
  await addTag.fill("Thể thao");
  await addTag.press("Enter");
  await addTag.fill("Thành phố Vinh");
  await page.getByRole("button", { name: "Thêm", exact: true }).click();
  await page.getByRole("button", { name: "Thêm người tham dự" }).click();
  await page.getByRole("button", { name: "Thêm người tham dự" }).click();
  await page.getByLabel("Tên *").nth(0).fill("Trần Ngọc Tú");
  await page.getByLabel("Chức vụ").nth(0).fill("Chủ tịch UBND thành phố");
  await page.getByLabel("Tên *").nth(1).fill("Nguyễn Văn A");
  // Moved first: the file lists them in the order shown.
  await page.getByRole("button", { name: "Lên" }).nth(1).click();
  await page.getByLabel("Nội dung (Markdown)").fill("Sáng nay, **mười đội** thi bơi chải.\n");
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByRole("region", { name: "Xem trước" }).locator("strong")).toHaveText("mười đội");
  await page.getByLabel("Bản nháp").uncheck();
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page).toHaveURL(at("/quan-tri/sua/hoi-thi-boi-chai-tren-song-lam?da-luu=1"));

  const text = fileText("hoi-thi-boi-chai-tren-song-lam.md");
  expect(text).toMatch(
    /^---\ntitle: Hội thi bơi chải trên sông Lam\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00\n/,
  );
  expect(text).toContain(
    "attendees:\n  - name: Nguyễn Văn A\n  - name: Trần Ngọc Tú\n    role: Chủ tịch UBND thành phố\n",
  );
  expect(text).toContain("tags:\n  - Thành phố Vinh\n  - Thể thao\n");
  expect(text.endsWith("---\n\nSáng nay, **mười đội** thi bơi chải.\n")).toBe(true);
  await within(
    "lưu bài mới → trang bài",
    shows("/bai-viet/hoi-thi-boi-chai-tren-song-lam", "Hội thi bơi chải"),
  );

  await page.getByLabel("Tiêu đề *").fill("Hội thi bơi chải sông Lam năm nay");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  await within(
    "sửa tiêu đề → trang bài",
    shows("/bai-viet/hoi-thi-boi-chai-tren-song-lam", "sông Lam năm nay"),
  );

  await page.getByLabel("Bản nháp").check();
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  await within(
    "đặt bản nháp → 404",
    async () => (await fetch(at("/bai-viet/hoi-thi-boi-chai-tren-song-lam"))).status === 404,
  );

  await page.getByRole("button", { name: "Xóa bài này" }).click();
  await expect(page).toHaveURL(at("/quan-tri"));
  await expect(page.getByRole("link", { name: /bơi chải/ })).toHaveCount(0);
  expect(existsSync(path.join(own.contentDir, "hoi-thi-boi-chai-tren-song-lam.md"))).toBe(false);
  const log = readFileSync(path.join(own.dataDir, "nhat-ky-bien-tap.log"), "utf8");
  expect(
    log
      .split("\n")
      .filter((line) => line.includes("hoi-thi-boi-chai"))
      .map((line) => line.split("\t")[2]),
  ).toEqual(["tạo", "sửa", "sửa", "xóa"]);
});

test("every problem shows at its field, in the checks' words, and nothing typed is lost", async ({
  page,
}) => {
  await signIn(page);
  await page.goto(at("/quan-tri/moi"));
  await page.getByLabel("Tiêu đề *").fill("Bài còn thiếu");
  await page.getByLabel("Ngày giờ *").fill("12/01/2021");
  await page.getByLabel("Bản nháp").uncheck();
  await page.getByLabel("Nội dung (Markdown)").fill("Đoạn văn đã gõ rất dài.\n");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Chưa lưu" })).toBeVisible();
  await expect(page.locator("#date-loi")).toContainText("không phải ngày hợp lệ");
  await expect(page.getByLabel("Ngày giờ *")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Nội dung (Markdown)")).toHaveValue("Đoạn văn đã gõ rất dài.\n");
  await expect(page.getByLabel("Tiêu đề *")).toHaveValue("Bài còn thiếu");
});

test("a body over the size limit is refused at the body, before it is parsed", async ({ page }) => {
  await signIn(page);
  await page.goto(at("/quan-tri/moi"));
  await page.getByLabel("Tiêu đề *").fill("Bài quá dài");
  await page.getByLabel("Ngày giờ *").fill("2021-01-12");
  await page.getByLabel("Bản nháp").uncheck();
  await page.getByLabel("Nội dung (Markdown)").fill("UBND xã họp. ".repeat(6_000));
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Chưa lưu" })).toBeVisible();
  await expect(page.locator(`#${reportInputs.body}-loi`)).toContainText("quá giới hạn 64 KB");
  await expect(page.getByLabel("Nội dung (Markdown)")).toHaveAttribute("aria-invalid", "true");
});

test("a save, a preview or a photo the server never takes is said in Vietnamese, and the form keeps every word", async ({
  page,
}) => {
  await signIn(page);
  await page.goto(at("/quan-tri/moi"));
  await page.getByLabel("Tiêu đề *").fill("Bài gửi lúc mạng chập chờn");
  await page.getByLabel("Ngày giờ *").fill("2021-01-12");
  const body = "Đoạn đã gõ trước khi gửi, có dấu đầy đủ.\n";
  await page.getByLabel("Nội dung (Markdown)").fill(body);
  // As nginx answers a post over its body limit: a 413 page, not the action's answer.
  const editorsPages = (url: URL) => url.pathname.startsWith("/quan-tri");
  await page.route(editorsPages, (route) =>
    route.request().method() === "POST"
      ? route.fulfill({
          status: 413,
          contentType: "text/html",
          body: "<h1>413 Request Entity Too Large</h1>",
        })
      : route.fallback(),
  );
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Chưa lưu được: máy chủ không nhận yêu cầu" }),
  ).toBeVisible();
  await expect(page.getByLabel("Tiêu đề *")).toHaveValue("Bài gửi lúc mạng chập chờn");
  await expect(page.getByLabel("Nội dung (Markdown)")).toHaveValue(body);
  await page.getByRole("button", { name: "Xem trước" }).click();
  await expect(page.getByRole("region", { name: "Xem trước" })).toContainText("Chưa xem trước được");
  await page.unroute(editorsPages);
  // Once the server takes posts again, the same form saves.
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page).toHaveURL(/\/quan-tri\/sua\//);
  await expect(page.getByLabel("Nội dung (Markdown)")).toHaveValue(body);
});

test("two editors on one report: the second save is refused and keeps what they typed", async ({
  browser,
}) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first);
  await signIn(second, "bientap2");
  const address = at("/quan-tri/sua/phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam");
  await first.goto(address);
  await second.goto(address);
  await first.getByLabel("Tóm tắt").fill("Bản của biên tập viên thứ nhất.");
  await first.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(first.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  await second.getByLabel("Tóm tắt").fill("Bản của biên tập viên thứ hai.");
  await second.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(second.getByRole("alert").filter({ hasText: "đã được sửa" })).toBeVisible();
  await expect(second.getByLabel("Tóm tắt")).toHaveValue("Bản của biên tập viên thứ hai.");
  expect(fileText("phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam.md")).toContain(
    "Bản của biên tập viên thứ nhất.",
  );
  await first.close();
  await second.close();
});

test("script typed into every field is saved as text and runs nowhere", async ({ page }) => {
  const payload = `<img src=x onerror="window.__ran=1"><script>window.__ran=1</script>`;
  await signIn(page);
  await page.goto(at("/quan-tri/moi"));
  await page.getByLabel("Tiêu đề *").fill(`Thử mã độc ${payload}`);
  await page.getByLabel("Tóm tắt").fill(payload);
  await page.getByLabel("Địa điểm").fill(payload);
  await page.getByRole("button", { name: "Thêm người tham dự" }).click();
  await page.getByLabel("Tên *").fill(payload);
  await page.getByLabel("Nội dung (Markdown)").fill(`${payload}\n`);
  await page.getByLabel("Bản nháp").uncheck();
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page).toHaveURL(/\/quan-tri\/sua\/thu-ma-doc/);
  const slug = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  await within("bài mã độc → trang bài", shows(`/bai-viet/${slug}`, "Thử mã độc"));
  for (const address of [`/bai-viet/${slug}`, "/quan-tri", `/quan-tri/sua/${slug}`]) {
    await page.goto(at(address));
    expect(await page.evaluate(() => (window as { __ran?: number }).__ran), address).toBeUndefined();
  }
});

test("photos are uploaded with their captions and credits, stripped of metadata, and refused when they are not photos", async ({
  page,
}) => {
  const folder = tmpdir();
  const jpeg = path.join(folder, `anh-thu-${Date.now()}.jpg`);
  writeFileSync(
    jpeg,
    await sharp({ create: { width: 800, height: 600, channels: 3, background: "#2d6a4f" } })
      .withExif({ IFD0: { ImageDescription: "Vị trí chụp 18.67N 105.68E" } })
      .jpeg()
      .toBuffer(),
  );
  const fakeJpeg = path.join(folder, `khong-phai-anh-${Date.now()}.jpg`);
  writeFileSync(
    fakeJpeg,
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><script>alert(1)</script></svg>',
  );
  const htmlJpeg = path.join(folder, `trang-web-${Date.now()}.jpg`);
  writeFileSync(htmlJpeg, "<!doctype html><title>x</title><script>alert(1)</script>");

  await signIn(page);
  await page.goto(at("/quan-tri/moi"));
  await page.getByLabel("Tiêu đề *").fill("Ngày hội đọc sách ở Vinh");
  await page.getByLabel("Nội dung (Markdown)").fill("Hàng nghìn bạn đọc đến ngày hội.\n");

  await page.getByLabel("Tệp ảnh").setInputFiles(fakeJpeg);
  await page.getByLabel("Mô tả ảnh (chữ thay ảnh) *").fill("Không phải ảnh");
  await page.getByRole("button", { name: "Tải ảnh lên" }).click();
  await expect(page.getByText("Chỉ nhận ảnh JPEG, PNG hoặc WebP.")).toBeVisible();
  await page.getByLabel("Tệp ảnh").setInputFiles(htmlJpeg);
  await page.getByRole("button", { name: "Tải ảnh lên" }).click();
  await expect(page.getByText("Tệp này không phải ảnh đọc được.")).toBeVisible();

  for (const [alt, caption] of [
    ["Bạn đọc xếp hàng", "Bạn đọc xếp hàng từ sáng sớm."],
    ["Gian sách thiếu nhi", "Gian sách thiếu nhi đông nhất."],
  ]) {
    await page.getByLabel("Tệp ảnh").setInputFiles(jpeg);
    await page.getByLabel("Mô tả ảnh (chữ thay ảnh) *").fill(alt);
    await page.getByLabel("Chú thích").fill(caption);
    await page.getByLabel("Tác giả ảnh").fill("Thành Cường");
    await page.getByRole("button", { name: "Tải ảnh lên" }).click();
    await expect(page.getByText("Đã tải ảnh lên")).toBeVisible();
    await expect(page.getByLabel("Nội dung (Markdown)")).toHaveValue(new RegExp(caption.replace(".", "\\.")));
  }
  await expect(page.getByLabel("Nội dung (Markdown)")).toHaveValue(
    "Hàng nghìn bạn đọc đến ngày hội.\n\n" +
      '![Bạn đọc xếp hàng](/images/ngay-hoi-doc-sach-o-vinh/anh-1.jpg "Bạn đọc xếp hàng từ sáng sớm. Ảnh: Thành Cường")\n\n' +
      '![Gian sách thiếu nhi](/images/ngay-hoi-doc-sach-o-vinh/anh-2.jpg "Gian sách thiếu nhi đông nhất. Ảnh: Thành Cường")\n',
  );
  const stored = readFileSync(path.join(own.publicDir, "images/ngay-hoi-doc-sach-o-vinh/anh-1.jpg"));
  expect((await sharp(stored).metadata()).exif).toBeUndefined();

  await page.getByLabel("Bản nháp").uncheck();
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page).toHaveURL(/\/quan-tri\/sua\/ngay-hoi-doc-sach-o-vinh/);
  await within("bài có ảnh → trang bài", shows("/bai-viet/ngay-hoi-doc-sach-o-vinh", "Gian sách thiếu nhi"));
  await page.goto(at("/bai-viet/ngay-hoi-doc-sach-o-vinh"));
  await expect(page.locator("figure")).toHaveCount(2);
  await expect(page.locator("figure").nth(1)).toContainText("Gian sách thiếu nhi đông nhất.");
  await expect(page.locator("figure").nth(1)).toContainText("Ảnh: Thành Cường");
});

test("addresses and file names that lead out of the content folder are refused", async ({ page }) => {
  await signIn(page);
  for (const name of [
    "..%2f..%2fpackage",
    "%2e%2e%2fpackage",
    "BAI-HOA",
    "b%C3%A0i",
    "a%00b",
    "%EF%BC%8E%EF%BC%8E",
  ]) {
    const response = await page.goto(at(`/quan-tri/sua/${name}`));
    expect(response?.status(), name).toBe(404);
  }
  await page.goto(at("/quan-tri/moi"));
  await page.getByLabel("Tiêu đề *").fill("Bài đi lạc");
  await page.getByLabel("Bản nháp").uncheck();
  for (const file of ["../../ngoai.md", "/etc/passwd", "..\\ngoai.md", "a\u0000.md"]) {
    // The report form's own field: the delete form beside it, once shown, has one of the same name.
    await page
      .locator(`form.admin-editor input[name="${reportInputs.file}"]`)
      .evaluate((input, value) => ((input as HTMLInputElement).value = value), file);
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Không có bài nào ở tệp này." })).toBeVisible();
  }
  expect(existsSync(path.join(own.contentDir, "..", "..", "ngoai.md"))).toBe(false);
  expect(existsSync(path.join(own.contentDir, "bai-di-lac.md"))).toBe(false);
});
