import { cpSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { SESSION_COOKIE } from "../../lib/auth/session-cookie";
import { MEDIA_CACHE } from "../../lib/cache-control";
import { type OwnServer, startOwnServer } from "./own-server";
import { within } from "./within";

// A photo is the public's only while a published report shows it: a draft's photo is a 404 for
// readers, resized or not, and the editors' own address serves it to a signed-in editor, never to
// be kept by a cache. Published, it is served; back to draft, it is a 404 again, resized copies
// the optimiser kept included.

let own: OwnServer;
const EDITOR = "bien-tap-anh";
const PASSWORD = "mật khẩu thử nghiệm đủ dài";
const SLUG = "bai-anh-chua-dang";
const PHOTO = `/images/${SLUG}/anh-1.jpg`;
const RESIZED = `/_next/image?url=${encodeURIComponent(PHOTO)}&w=640&q=75`;
const EDITORS_PHOTO = `/quan-tri/anh/${SLUG}/anh-1.jpg`;

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  own = await startOwnServer({ prefix: "anh-nhap-", editors: { [EDITOR]: PASSWORD } });
  mkdirSync(path.join(own.publicDir, "images", SLUG), { recursive: true });
  cpSync("public/images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg", path.join(own.publicDir, PHOTO));
});

test.afterAll(async () => {
  await own?.stop();
});

function save(draft: boolean) {
  const text = `---
title: Bài có ảnh chưa đăng
date: 2026-11-27T08:00:00+07:00
summary: Ảnh của bài chỉ công khai khi bài được đăng.
draft: ${draft}
---

Đoạn đầu tiên.

![Hội trường](${PHOTO} "Ảnh của bài. Ảnh: Thành Cường")
`;
  // As editors' tools do: a temporary file, then a rename over the report.
  const temporary = path.join(own.contentDir, `.${SLUG}.md.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, path.join(own.contentDir, `${SLUG}.md`));
}

async function get(pathname: string, cookie?: string) {
  const response = await fetch(own.at(pathname), {
    headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {},
  });
  await response.arrayBuffer();
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    cache: response.headers.get("cache-control"),
  };
}

const statusIs = (pathname: string, status: number) => async () => (await get(pathname)).status === status;

async function signIn(page: Page): Promise<string> {
  await page.goto(own.at("/quan-tri/dang-nhap"));
  await page.getByLabel("Tên đăng nhập").fill(EDITOR);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(own.at("/quan-tri"));
  return (await page.context().cookies()).find((cookie) => cookie.name === SESSION_COOKIE)!.value;
}

test("a draft's photo: 404 for readers, resized or not; 200 for a signed-in editor, kept by no cache", async ({
  page,
}) => {
  save(true);
  const cookie = await signIn(page);
  await within("bản nháp → có trong danh sách bài", async () => {
    await page.goto(own.at("/quan-tri"));
    return (await page.content()).includes("Bài có ảnh chưa đăng");
  });
  expect(await get(PHOTO)).toMatchObject({ status: 404 });
  expect(await get(RESIZED)).toMatchObject({ status: 404 });
  // The session cookie is sent to /quan-tri only: the public address is a 404 for editors too.
  expect(await get(PHOTO, cookie)).toMatchObject({ status: 404 });
  expect(await get(EDITORS_PHOTO)).toMatchObject({ status: 404 });
  const forEditor = await get(EDITORS_PHOTO, cookie);
  expect(forEditor).toMatchObject({ status: 200, type: "image/jpeg" });
  expect(forEditor.cache).toContain("private");
  expect(forEditor.cache).toContain("no-store");

  // The editor's preview shows the draft's photo, from the editors' address.
  await page.goto(own.at(`/quan-tri/sua/${SLUG}`));
  await page.getByRole("button", { name: "Xem trước" }).click();
  const image = page.getByRole("region", { name: "Xem trước" }).locator("figure img");
  await expect(image).toHaveAttribute("src", EDITORS_PHOTO);
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
});

test("published, the photo is served to readers; back to draft, it is a 404 again, its resized copies too", async () => {
  save(false);
  await within("đăng bài → ảnh công khai", statusIs(PHOTO, 200));
  expect(await get(PHOTO)).toMatchObject({ status: 200, type: "image/jpeg", cache: MEDIA_CACHE });
  const resized = await get(RESIZED);
  expect(resized.status).toBe(200);
  expect(resized.type).toMatch(/^image\//);

  save(true);
  await within("trở lại bản nháp → ảnh không còn công khai", statusIs(PHOTO, 404));
  expect(await get(RESIZED)).toMatchObject({ status: 404 });
});
