import { expect, test } from "@playwright/test";
import { SEED_PATH, SEED_TITLE } from "./seed-report";

const PARAGRAPH_STARTS = [
  "Sáng ngày 12/1, UBND thành phố Vinh",
  "Tham dự Hội nghị có các đồng chí",
  "Năm 2020, là một năm gặp nhiều khó khăn",
  "Bên cạnh đẩy mạnh công tác phổ biến",
  "Năm qua, cấp ủy, chính quyền",
  "Trên cơ sở dự báo tình hình",
  "Tại Hội nghị, nhiều lượt tập thể",
];

const CAPTIONS = [
  "Các đại biểu tham dự hội nghị.",
  "Đồng chí Trần Ngọc Tú - Chủ tịch UBND thành phố Vinh phát biểu tại hội nghị.",
  "Các ban, ngành, đoàn thể tham gia ký kết văn bản phối hợp giữa Ban CHQS, Công an thành phố.",
  "Thượng tá Đinh Bạt Văn - Phó Chỉ huy trưởng BCHQS tỉnh trao tặng Giấy khen cho các cán bộ lực lượng dân quân tự vệ đã có thành tích suất sắc trong công tác quốc phòng - an ninh.",
  "Đại tá Nguyễn Mạnh Hùng trao tặng Giấy khen cho các cá nhân, tập thể có thành tích xuất sắc trong phong trào tuần tra bảo vệ an ninh Tổ quốc.",
  "Trao tặng Giấy khen cho các tập thể có thành tích trong công tác QP - AN trên địa bàn TP Vinh năm 2020.",
];

test.beforeEach(async ({ page }) => {
  const response = await page.goto(SEED_PATH);
  expect(response?.status()).toBe(200);
});

test("the headline is the page's only h1 and the date line is in Vietnam time", async ({ page }) => {
  await expect(page).toHaveTitle(`${SEED_TITLE} | Tin Xứ Nghệ`);
  const headings = page.getByRole("heading", { level: 1 });
  await expect(headings).toHaveCount(1);
  await expect(headings).toHaveText(SEED_TITLE);
  const time = page.locator("article header time");
  await expect(time).toHaveAttribute("datetime", "2021-01-12T08:00:00+07:00");
  await expect(time).toHaveText("Thứ Ba, 12/01/2021, 08:00 (GMT+7)");
});

test("all seven paragraphs are shown, in order, with the figures between them", async ({ page }) => {
  const blocks = page.locator(".report-body > div > p, .report-body > figure");
  const kinds = await blocks.evaluateAll((nodes) => nodes.map((node) => node.tagName.toLowerCase()));
  expect(kinds).toEqual([
    "p",
    "p",
    "figure",
    "p",
    "figure",
    "p",
    "p",
    "figure",
    "p",
    "figure",
    "figure",
    "figure",
    "p",
  ]);
  const paragraphs = await page.locator(".report-body > div > p").allTextContents();
  expect(paragraphs).toHaveLength(7);
  paragraphs.forEach((text, index) => expect(text.startsWith(PARAGRAPH_STARTS[index])).toBe(true));
});

test("six photos load, each with its caption; the last three credit Thành Cường", async ({ page }) => {
  const figures = page.locator("article figure");
  await expect(figures).toHaveCount(6);
  for (const [index, caption] of CAPTIONS.entries()) {
    const figure = figures.nth(index);
    await expect(figure.locator("figcaption .report-figure__caption")).toHaveText(caption);
    const image = figure.getByRole("img");
    await expect(image).toHaveAttribute("alt", /.{20,}/);
    await expect(image).toHaveAttribute("sizes", /.+/);
    await image.scrollIntoViewIfNeeded();
    await expect(image).toHaveJSProperty("complete", true);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
  const credits = page.locator("article figcaption .report-figure__credit");
  await expect(credits).toHaveText(["Ảnh: Thành Cường", "Ảnh: Thành Cường", "Ảnh: Thành Cường"]);
  await expect(figures.nth(3).locator(".report-figure__credit")).toHaveCount(1);
  await expect(figures.nth(2).locator(".report-figure__credit")).toHaveCount(0);
  // The first photo is fetched at once, at high priority; the others as the reader scrolls.
  await expect(figures.first().getByRole("img")).toHaveAttribute("fetchpriority", "high");
  await expect(figures.first().getByRole("img")).toHaveAttribute("loading", "eager");
  await expect(figures.nth(5).getByRole("img")).toHaveAttribute("loading", "lazy");
});

test("the sidebar lists the four attendees with rank and role, and the group", async ({ page }) => {
  const sidebar = page.getByRole("complementary", { name: "Thành phần tham dự" });
  const people = sidebar.getByRole("listitem");
  await expect(people).toHaveCount(4);
  await expect(people.nth(0)).toContainText("Đại tá Nguyễn Mạnh Hùng");
  await expect(people.nth(0)).toContainText("Phó Giám đốc Công an tỉnh");
  await expect(people.nth(1)).toContainText("Thượng tá Đinh Bạt Văn");
  await expect(people.nth(2)).toContainText("Nguyễn Văn Lư");
  await expect(people.nth(2)).toContainText("Chủ tịch HĐND thành phố");
  await expect(people.nth(3)).toContainText("Trần Ngọc Tú");
  await expect(sidebar).toContainText("đại diện các phòng ban, các lực lượng quân sự, công an thành phố", {
    ignoreCase: true,
  });
});

test("the source is named and linked", async ({ page }) => {
  const link = page.getByRole("link", { name: "Báo Nghệ An" });
  await expect(link).toHaveAttribute("href", "https://baonghean.vn");
});
