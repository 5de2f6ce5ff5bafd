import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { toVietnamIso } from "../../lib/dates";
import { E2E_SITE_URL } from "../../tools/e2e-build";
import { type StandInReceiver, startStandInReceiver } from "../../tools/stand-in-receiver";
import { type OwnServer, startOwnServer } from "./own-server";
import { SEED_PATH } from "./seed-report";
import { within } from "./within";

// Search engines told within a minute (issue 28), against the production build: a server of the
// test's own whose IndexNow endpoint and WebSub hub are a stand-in on 127.0.0.1 that keeps every
// request as received. The news sitemap is checked against Google's schema with xmllint.

const SCHEMA = path.resolve("tests/fixtures/schemas/news-sitemap.xsd");
const NEWS_SITEMAP = "/sitemaps/tin-moi.xml";
const REPORTS = {
  "tin-nong-cau-ben-thuy": {
    title: "Cầu Bến Thủy 1 tạm dừng lưu thông từ 22 giờ để sửa khe co giãn",
    minutesAgo: 12,
  },
  "tin-nong-mua-lu": {
    title: "Mưa lớn ở miền Tây Nghệ An: 3 xã bị chia cắt <cập nhật> & di dời dân",
    minutesAgo: 2,
  },
};
const urlOf = (slug: string) => `${E2E_SITE_URL}/bai-viet/${slug}`;

let own: OwnServer;
let standIn: StandInReceiver;

test.describe.configure({ mode: "serial", timeout: 90_000 });

test.beforeAll(async () => {
  standIn = await startStandInReceiver();
  own = await startOwnServer({
    prefix: "bao-tin-",
    env: { INDEXNOW_ENDPOINT: `${standIn.origin}/indexnow`, WEBSUB_HUB: `${standIn.origin}/hub` },
  });
  // What is in the folder at start is read quietly; the test's saves come after.
  await within("lượt đọc khi khởi động", async () =>
    own.server.log.join("").includes("đã đọc lại thư mục khi khởi động"),
  );
});

test.afterAll(async () => {
  await own?.stop();
  await standIn?.close();
});

const newsSitemap = async () => (await fetch(own.at(NEWS_SITEMAP))).text();
const requests = (kind: "indexnow" | "hub") =>
  standIn.received.filter((request) => request.path === `/${kind}`);

test("two reports saved now are in the news sitemap within 5 s, valid against Google's schema; the 2021 seed is not", async () => {
  const now = Date.now();
  for (const [slug, { title, minutesAgo }] of Object.entries(REPORTS)) {
    writeFileSync(
      path.join(own.contentDir, `${slug}.md`),
      `---\ntitle: "${title}"\ndate: ${toVietnamIso(new Date(now - minutesAgo * 60_000))}\ncategory: Thời sự\n---\n\nNội dung ${slug}.\n`,
    );
  }
  const elapsed = await within("hai bài trong sơ đồ tin mới", async () => {
    const xml = await newsSitemap();
    return Object.keys(REPORTS).every((slug) => xml.includes(`<loc>${urlOf(slug)}</loc>`));
  });
  expect(elapsed).toBeLessThan(5000);

  const xml = await newsSitemap();
  expect(xml).not.toContain(SEED_PATH);
  // Newest first, the hostile title as text.
  expect(xml.indexOf("tin-nong-mua-lu")).toBeLessThan(xml.indexOf("tin-nong-cau-ben-thuy"));
  expect(xml).toContain("3 xã bị chia cắt &lt;cập nhật&gt; &amp; di dời dân");
  const file = test.info().outputPath("tin-moi.xml");
  writeFileSync(file, xml);
  // Throws, with xmllint's own message, if the file breaks the schema.
  const validation = execFileSync("xmllint", ["--nonet", "--noout", "--schema", SCHEMA, file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  test.info().annotations.push({ type: "sơ đồ tin mới", description: xml });

  // Found from robots.txt and from the sitemap index.
  expect(await (await fetch(own.at("/robots.txt"))).text()).toContain(
    `Sitemap: ${E2E_SITE_URL}${NEWS_SITEMAP}`,
  );
  expect(await (await fetch(own.at("/sitemap.xml"))).text()).toContain(
    `<loc>${E2E_SITE_URL}${NEWS_SITEMAP}</loc>`,
  );
  expect(validation).toBe("");
});

test("one IndexNow submission with their addresses and one WebSub ping reach the stand-in; the key file proves the key", async () => {
  await within(
    "IndexNow và WebSub nhận tin",
    async () => requests("indexnow").length > 0 && requests("hub").length > 0,
  );
  // Anything sent twice would come within the burst's 2 s and a retry's 1 s.
  await new Promise((resolve) => setTimeout(resolve, 4000));
  const [submission, ...moreSubmissions] = requests("indexnow");
  const [ping, ...morePings] = requests("hub");
  expect(moreSubmissions).toEqual([]);
  expect(morePings).toEqual([]);
  test.info().annotations.push({
    type: "yêu cầu nhận được",
    description: JSON.stringify(standIn.received, null, 2),
  });

  expect(submission.method).toBe("POST");
  expect(submission.contentType).toBe("application/json; charset=utf-8");
  const body = JSON.parse(submission.body) as {
    host: string;
    key: string;
    keyLocation: string;
    urlList: string[];
  };
  expect(body.host).toBe(new URL(E2E_SITE_URL).host);
  expect(body.keyLocation).toBe(`${E2E_SITE_URL}/${body.key}.txt`);
  expect([...body.urlList].sort()).toEqual(Object.keys(REPORTS).map(urlOf).sort());
  expect(ping.contentType).toBe("application/x-www-form-urlencoded");
  expect(Object.fromEntries(new URLSearchParams(ping.body))).toEqual({
    "hub.mode": "publish",
    "hub.url": `${E2E_SITE_URL}/feed.xml`,
  });

  // The key file at the root, which an engine fetches to check the submission is the site's own.
  const keyFile = await fetch(own.at(`/${body.key}.txt`));
  expect(keyFile.status).toBe(200);
  expect(keyFile.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  expect(await keyFile.text()).toBe(body.key);
  expect((await fetch(own.at("/khong-phai-khoa-nao.txt"))).status).toBe(404);
  // And the feed names its hub, and itself.
  const feed = await (await fetch(own.at("/feed.xml"))).text();
  expect(feed).toMatch(new RegExp(`<atom:link href="${standIn.origin}/hub" rel="hub"\\s*/>`));
  expect(feed).toContain(`<atom:link href="${E2E_SITE_URL}/feed.xml" rel="self"`);
});

test("a deleted report leaves the news sitemap within 5 s, and its address is submitted once more", async () => {
  const before = standIn.received.length;
  rmSync(path.join(own.contentDir, "tin-nong-cau-ben-thuy.md"));
  const elapsed = await within(
    "bài xóa rời sơ đồ tin mới",
    async () => !(await newsSitemap()).includes("tin-nong-cau-ben-thuy"),
  );
  expect(elapsed).toBeLessThan(5000);
  await within("IndexNow nhận địa chỉ bài xóa", async () =>
    standIn.received.slice(before).some((request) => request.path === "/indexnow"),
  );
  const submission = standIn.received.slice(before).find((request) => request.path === "/indexnow");
  expect(JSON.parse(submission?.body ?? "{}").urlList).toEqual([urlOf("tin-nong-cau-ben-thuy")]);
  test.info().annotations.push({ type: "yêu cầu khi xóa", description: JSON.stringify(submission) });
});
