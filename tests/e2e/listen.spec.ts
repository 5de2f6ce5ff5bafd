import { expect, test, type Page } from "@playwright/test";
import type { ListenScript } from "@/lib/speech/script";
import { SEED_PATH, SEED_TITLE } from "./seed-report";

// "Nghe bài" against a stand-in for the browser's speech engine: it records what it is asked to
// say and ends an utterance only when the test says so, so every step can be checked in order.

interface Spoken {
  text: string;
  rate: number;
  lang: string;
  voice: string | null;
}

interface FakeSpeech {
  log: Spoken[];
  /** The utterance being "spoken", or null after cancel() or end. */
  current: string | null;
  /** Ends the current utterance, as the engine does when it has said it. */
  finish(): void;
  /** Adds a voice and fires voiceschanged, as Chrome does a moment after the page loads. */
  addVoice(voice: { name: string; lang: string; localService: boolean }): void;
}

declare global {
  interface Window {
    __speech: FakeSpeech;
  }
}

const LINH = { name: "Linh", lang: "vi-VN", localService: true };
const ENGLISH = { name: "Samantha", lang: "en-US", localService: true };
const ANDROID =
  "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

async function fakeSpeech(page: Page, voices: Array<typeof LINH>) {
  await page.addInitScript((initial) => {
    const voices = [...initial];
    let current: FakeUtterance | null = null;
    const log: Spoken[] = [];
    class FakeUtterance extends EventTarget {
      lang = "";
      rate = 1;
      voice: { name: string } | null = null;
      onend: ((event: Event) => void) | null = null;
      onerror: ((event: { error: string }) => void) | null = null;
      constructor(public text: string) {
        super();
      }
    }
    const synth = Object.assign(new EventTarget(), {
      getVoices: () => voices.map((voice) => ({ ...voice, default: false, voiceURI: voice.name })),
      speak(utterance: FakeUtterance) {
        // The button's empty utterance only unlocks speech on iOS: nothing is said.
        if (!utterance.text) return;
        log.push({
          text: utterance.text,
          rate: utterance.rate,
          lang: utterance.lang,
          voice: utterance.voice?.name ?? null,
        });
        current = utterance;
      },
      cancel() {
        const cancelled = current;
        current = null;
        cancelled?.onerror?.({ error: "interrupted" });
      },
      pause() {},
      resume() {},
    });
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    Object.defineProperty(window, "SpeechSynthesisUtterance", { value: FakeUtterance, configurable: true });
    window.__speech = {
      log,
      get current() {
        return current?.text ?? null;
      },
      finish() {
        const done = current;
        current = null;
        done?.onend?.(new Event("end"));
      },
      addVoice(voice) {
        voices.push(voice);
        synth.dispatchEvent(new Event("voiceschanged"));
      },
    };
  }, voices);
}

const spokenCount = (page: Page) => page.evaluate(() => window.__speech.log.length);
const lastSpoken = (page: Page) => page.evaluate(() => window.__speech.log.at(-1) ?? null);
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get("nghe-bai");
    return highlight ? [...highlight].map((range) => (range as Range).toString()).join("") : null;
  });

async function script(page: Page): Promise<ListenScript> {
  const response = await page.request.get(`${SEED_PATH}/nghe.json`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ListenScript;
}

async function finishOne(page: Page) {
  const before = await spokenCount(page);
  await page.evaluate(() => window.__speech.finish());
  await expect.poll(() => spokenCount(page)).toBe(before + 1);
}

test("reads the headline, then the body sentence by sentence, abbreviations in full, each highlighted", async ({
  page,
}) => {
  await fakeSpeech(page, [ENGLISH, LINH]);
  const { sentences } = await script(page);
  await page.goto(SEED_PATH);
  await page.getByRole("button", { name: "Nghe bài" }).click();
  const player = page.getByRole("region", { name: "Nghe bài" });
  await expect(player.getByRole("button", { name: "Tạm dừng" })).toBeVisible();

  await expect
    .poll(() => lastSpoken(page))
    .toEqual({
      text: "Ủy ban nhân dân thành phố Vinh tổng kết công tác quốc phòng - an ninh",
      rate: 1,
      lang: "vi-VN",
      voice: "Linh",
    });
  expect(await highlighted(page)).toBe(SEED_TITLE);
  await expect(player.getByRole("status")).toHaveText(`Câu 1/${sentences.length}`);

  await finishOne(page);
  expect((await lastSpoken(page))?.text).toBe(
    "Sáng ngày mười hai tháng một, Ủy ban nhân dân thành phố Vinh đã tổ chức Hội nghị tổng kết công tác quốc phòng - an ninh năm hai nghìn không trăm hai mươi, triển khai nhiệm vụ năm hai nghìn không trăm hai mươi mốt.",
  );
  // The highlight runs across the <abbr> the page shows for UBND's first use.
  expect(await highlighted(page)).toBe(
    "Sáng ngày 12/1, UBND thành phố Vinh đã tổ chức Hội nghị tổng kết công tác quốc phòng - an ninh năm 2020, triển khai nhiệm vụ năm 2021.",
  );

  // On to the end, across paragraphs and photos: every sentence said in order and shown in the page.
  const bodyText = (await page.locator(".report-body").textContent()) ?? "";
  for (let n = 2; n < sentences.length; n++) {
    await finishOne(page);
    expect((await lastSpoken(page))?.text).toBe(sentences[n].text);
    const shown = await highlighted(page);
    expect(shown?.length).toBeGreaterThan(0);
    expect(bodyText).toContain(shown);
  }
  const said = await page.evaluate(() => window.__speech.log.map((entry) => entry.text).join(" "));
  expect(said).toContain("Chủ tịch Hội đồng nhân dân thành phố");
  expect(said).toContain("bốn phẩy bốn mươi lăm phần trăm");
  expect(said).not.toMatch(/UBND|HĐND|QP|Thành Cường|Các đại biểu tham dự hội nghị/);
  await page.evaluate(() => window.__speech.finish());
  await expect(player.getByRole("status")).toHaveText("Đã đọc hết bài.");
  expect(await highlighted(page)).toBeNull();
  expect(await spokenCount(page)).toBe(sentences.length);
});

test("pauses, resumes the sentence it paused in, and stops", async ({ page }) => {
  await fakeSpeech(page, [LINH]);
  await page.goto(SEED_PATH);
  const listen = page.getByRole("button", { name: "Nghe bài" });
  await listen.click();
  await expect.poll(() => spokenCount(page)).toBe(1);
  await finishOne(page);
  await finishOne(page);
  const third = await lastSpoken(page);
  const shown = await highlighted(page);

  const player = page.getByRole("region", { name: "Nghe bài" });
  await player.getByRole("button", { name: "Tạm dừng" }).click();
  await expect(player.getByRole("button", { name: "Đọc tiếp" })).toBeVisible();
  expect(await page.evaluate(() => window.__speech.current)).toBeNull();
  expect(await spokenCount(page)).toBe(3);
  // Paused, the sentence stays marked where the reader left off.
  expect(await highlighted(page)).toBe(shown);

  await player.getByRole("button", { name: "Đọc tiếp" }).click();
  await expect.poll(() => spokenCount(page)).toBe(4);
  expect(await lastSpoken(page)).toEqual(third);
  await finishOne(page);

  await player.getByRole("button", { name: "Dừng", exact: true }).click();
  await expect(player).toHaveCount(0);
  expect(await page.evaluate(() => window.__speech.current)).toBeNull();
  expect(await highlighted(page)).toBeNull();
  await expect(listen).toHaveAttribute("aria-pressed", "false");
  await expect(listen).toBeFocused();
});

test("reads at the speed chosen, from the sentence it is in, and remembers it", async ({ page }) => {
  await fakeSpeech(page, [LINH]);
  await page.goto(SEED_PATH);
  await page.getByRole("button", { name: "Nghe bài" }).click();
  await expect.poll(() => spokenCount(page)).toBe(1);
  await finishOne(page);
  const second = (await lastSpoken(page))?.text;

  await page.getByLabel("Tốc độ").selectOption("1.5");
  await expect.poll(() => lastSpoken(page)).toMatchObject({ text: second, rate: 1.5 });
  await finishOne(page);
  expect((await lastSpoken(page))?.rate).toBe(1.5);

  await page.reload();
  await page.getByRole("button", { name: "Nghe bài" }).click();
  await expect
    .poll(() => lastSpoken(page))
    .toMatchObject({ text: expect.stringContaining("Ủy ban nhân dân"), rate: 1.5 });
  await expect(page.getByLabel("Tốc độ")).toHaveValue("1.5");
  expect((await page.getByLabel("Tốc độ").locator("option").allTextContents()).join(" ")).toBe(
    "0,75× 1× 1,25× 1,5×",
  );
});

test("waits for voices that arrive a moment later, as Chrome's do", async ({ page }) => {
  await fakeSpeech(page, []);
  await page.goto(SEED_PATH);
  await page.getByRole("button", { name: "Nghe bài" }).click();
  await page.waitForTimeout(300);
  expect(await spokenCount(page)).toBe(0);
  await page.evaluate((voice) => window.__speech.addVoice(voice), LINH);
  await expect.poll(() => lastSpoken(page)).toMatchObject({ voice: "Linh", lang: "vi-VN" });
});

test("without a Vietnamese voice it says so and how to add one, and reads nothing in English", async ({
  page,
}) => {
  await fakeSpeech(page, [ENGLISH]);
  await page.goto(SEED_PATH);
  await page.getByRole("button", { name: "Nghe bài" }).click();
  const player = page.getByRole("region", { name: "Nghe bài" });
  await expect(player).toContainText("Máy này chưa có giọng đọc tiếng Việt");
  // Playwright's desktop Chrome says it runs on Windows.
  await expect(player).toContainText(
    "Cài đặt › Thời gian và ngôn ngữ › Giọng nói › Thêm giọng nói › Tiếng Việt",
  );
  await expect(player).not.toContainText("Android");
  expect(await spokenCount(page)).toBe(0);
  await player.getByRole("button", { name: "Đóng" }).click();
  await expect(player).toHaveCount(0);
});

test("on an Android phone, the help names Android's settings", async ({ browser }) => {
  const context = await browser.newContext({ userAgent: ANDROID, viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await fakeSpeech(page, []);
  await page.goto(SEED_PATH);
  await page.getByRole("button", { name: "Nghe bài" }).click();
  await expect(page.getByRole("region", { name: "Nghe bài" })).toContainText(
    "Cài đặt › Quản lý chung › Chuyển văn bản thành giọng nói",
  );
  await context.close();
});

test("a browser without speech shows no button", async ({ page }) => {
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, "speechSynthesis");
  });
  await page.goto(SEED_PATH);
  expect(await page.evaluate(() => "speechSynthesis" in window)).toBe(false);
  await expect(page.locator(".share-bar")).toBeVisible();
  await expect(page.locator(".listen-button")).toBeHidden();
});

test("on a 360 px phone the button sits below the headline, and the player follows the voice", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.emulateMedia({ reducedMotion: "reduce" });
  await fakeSpeech(page, [LINH]);
  await page.goto(SEED_PATH);
  const headline = await page.locator(".report__title").boundingBox();
  const listen = page.getByRole("button", { name: "Nghe bài" });
  const button = await listen.boundingBox();
  expect(headline && headline.y).toBeLessThanOrEqual(200);
  expect(button && headline && button.y).toBeGreaterThan((headline?.y ?? 0) + (headline?.height ?? 0));
  // Nor a row of its own in the toolbar: it shares one with the share or text size buttons.
  const rowTops = await page
    .locator(".report__toolbar button:not(.listen-button), .report__toolbar a")
    .evaluateAll((nodes) => nodes.map((node) => Math.round(node.getBoundingClientRect().top)));
  expect(rowTops.some((top) => Math.abs(top - Math.round(button?.y ?? -99)) <= 4)).toBe(true);

  await page.screenshot({ path: test.info().outputPath("nghe-bai-nut-360.png") });

  await listen.click();
  await expect.poll(() => spokenCount(page)).toBe(1);
  for (let n = 0; n < 9; n++) await finishOne(page);
  // The sentence being read is on screen, above the player.
  const inView = () =>
    page.evaluate(() => {
      const range = [...(CSS.highlights.get("nghe-bai") ?? [])][0] as Range;
      const sentence = range.getBoundingClientRect();
      const player = document.getElementById("nghe-bai")?.getBoundingClientRect();
      return sentence.top >= 0 && sentence.bottom <= (player?.top ?? 0);
    });
  await expect.poll(inView).toBe(true);
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
  await page.screenshot({ path: test.info().outputPath("nghe-bai-360.png") });
});
