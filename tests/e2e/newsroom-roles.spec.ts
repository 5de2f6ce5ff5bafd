import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type OwnServer, startOwnServer } from "./own-server";
import { within } from "./within";

// Reporters write, editors publish (issue 27), on the production build: a reporter writes and
// sends for review; an editor finds it under "Chờ duyệt" and sends it back with a note; the
// reporter sees the note, fixes it and sends it again; the editor publishes it, and readers see
// it; the editor takes it down. A reporter's crafted request to publish is refused; an
// administrator changes a reporter's role, which counts at the reporter's next request.

let own: OwnServer;
const PASSWORD = "mật khẩu thử nghiệm đủ dài";
const TITLE = "Phường Trường Thi trồng cây xanh ven sông";
const SLUG = "phuong-truong-thi-trong-cay-xanh-ven-song";

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
  test.setTimeout(120_000);
  own = await startOwnServer({
    prefix: "vai-tro-",
    editors: {
      tongbientap: { password: PASSWORD, role: "quan-tri" },
      "bt-hung": { password: PASSWORD, role: "bien-tap" },
      "pv-lan": { password: PASSWORD, role: "phong-vien" },
    },
  });
});

test.afterAll(async () => {
  await own?.stop();
});

async function signedIn(browser: Browser, name: string): Promise<Page> {
  const page = await (await opened(browser)).newPage();
  await page.goto(own.at("/quan-tri/dang-nhap"));
  await page.getByLabel("Tên đăng nhập").fill(name);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(own.at("/quan-tri"));
  return page;
}

const readerStatus = async () => (await fetch(own.at(`/bai-viet/${SLUG}`))).status;

test("a reporter's report through review: sent back with a note, fixed, published, taken down", async ({
  browser,
}) => {
  const reporter = await signedIn(browser, "pv-lan");
  await expect(reporter.getByText("pv-lan (Phóng viên)")).toBeVisible();
  await reporter.goto(own.at("/quan-tri/moi"));
  await expect(reporter.getByRole("button", { name: "Đăng", exact: true })).toHaveCount(0);
  await reporter.getByLabel("Tiêu đề *").fill(TITLE);
  await reporter.getByLabel("Tóm tắt").fill("Hai trăm cây sấu được trồng dọc bờ sông.");
  await reporter.getByLabel("Nội dung (Markdown)").fill("Sáng nay, phường Trường Thi trồng cây.\n");
  await reporter.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(reporter).toHaveURL(own.at(`/quan-tri/sua/${SLUG}?da-luu=1`));
  await expect(reporter.getByText("Trạng thái: Bản nháp")).toBeVisible();
  await reporter.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(reporter.getByText("Trạng thái: Chờ duyệt")).toBeVisible();
  expect(await readerStatus()).toBe(404);

  // A crafted request: the reporter's own form, with a publish button the page never drew.
  await reporter.evaluate(() => {
    const button = document.createElement("button");
    button.type = "submit";
    button.name = "quyet-dinh";
    button.value = "dang";
    button.textContent = "Đăng (giả)";
    document.querySelector("form.admin-editor")?.append(button);
  });
  await reporter.getByRole("button", { name: "Đăng (giả)" }).click();
  await expect(reporter.getByRole("alert").filter({ hasText: "Phóng viên không đăng" })).toBeVisible();
  expect(await readerStatus()).toBe(404);

  const editor = await signedIn(browser, "bt-hung");
  const waiting = editor.getByRole("region", { name: "Chờ duyệt" });
  await expect(waiting.getByRole("link", { name: TITLE })).toBeVisible();
  await expect(waiting).toContainText("pv-lan gửi lúc");
  await waiting.getByRole("link", { name: TITLE }).click();
  await editor.getByRole("button", { name: "Trả lại cho phóng viên" }).click();
  await expect(editor.getByRole("alert").filter({ hasText: "cần một ghi chú" })).toBeVisible();
  await editor.getByLabel("Ghi chú khi trả lại").fill("Ghi rõ số cây và loài cây.");
  await editor.getByRole("button", { name: "Trả lại cho phóng viên" }).click();
  await expect(editor.getByText("Trạng thái: Bản nháp")).toBeVisible();

  await reporter.goto(own.at(`/quan-tri/sua/${SLUG}`));
  await expect(reporter.getByRole("note")).toContainText("bt-hung trả lại lúc");
  await expect(reporter.getByRole("note")).toContainText("Ghi rõ số cây và loài cây.");
  await reporter.getByLabel("Nội dung (Markdown)").fill("Sáng nay, phường Trường Thi trồng 200 cây sấu.\n");
  await reporter.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(reporter.getByText("Trạng thái: Chờ duyệt")).toBeVisible();

  await editor.goto(own.at(`/quan-tri/sua/${SLUG}`));
  await editor.getByRole("button", { name: "Đăng", exact: true }).click();
  await expect(editor.getByText("Trạng thái: Đã đăng")).toBeVisible();
  await within("bài đăng tới bạn đọc", async () => (await readerStatus()) === 200);
  await within("bài có trên trang chủ", async () =>
    (await (await fetch(own.at("/"))).text()).includes(`/bai-viet/${SLUG}"`),
  );

  // Out: the reporter may no longer change it.
  await reporter.goto(own.at(`/quan-tri/sua/${SLUG}`));
  await expect(reporter.getByText("Bạn chỉ xem được bài này")).toBeVisible();
  await expect(reporter.getByRole("button", { name: "Lưu nháp" })).toHaveCount(0);

  await editor.getByRole("button", { name: "Gỡ bài" }).click();
  await expect(editor.getByText("Trạng thái: Đã gỡ")).toBeVisible();
  await within("bài gỡ khỏi trang", async () => (await readerStatus()) === 404);
});

test("an administrator makes a reporter an editor, from the reporter's next request", async ({ browser }) => {
  const reporter = await signedIn(browser, "pv-lan");
  await reporter.goto(own.at("/quan-tri/tai-khoan"));
  await expect(reporter).toHaveURL(own.at("/quan-tri"));

  const administrator = await signedIn(browser, "tongbientap");
  await administrator.getByRole("link", { name: "Tài khoản" }).click();
  const row = administrator.getByRole("row").filter({ hasText: "pv-lan" });
  await row.getByRole("combobox").selectOption("bien-tap");
  await row.getByRole("button", { name: "Đổi vai trò" }).click();
  await expect(administrator.getByRole("status").filter({ hasText: "Đã đổi vai trò" })).toBeVisible();

  await reporter.goto(own.at(`/quan-tri/sua/${SLUG}`));
  await expect(reporter.getByRole("button", { name: "Đăng", exact: true })).toBeVisible();
  await reporter.goto(own.at("/quan-tri"));
  await expect(reporter.getByText("pv-lan (Biên tập viên)")).toBeVisible();
});
