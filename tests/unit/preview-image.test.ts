import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { reportPreviewImage, sitePreviewImage } from "@/components/og/preview-image";
import { loadReport } from "@/lib/content/load-report";
import type { Report } from "@/lib/content/index";

const root = path.resolve(import.meta.dirname, "../..");
const contentDir = path.join(root, "content");
const BACKGROUND = [0xfb, 0xf8, 0xf3];

interface Pixels {
  width: number;
  height: number;
  data: Buffer;
}

async function decode(response: Response): Promise<Pixels> {
  expect(response.headers.get("content-type")).toBe("image/png");
  const { data, info } = await sharp(Buffer.from(await response.arrayBuffer()))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/** How many pixels of a box differ clearly from the card's background: drawn text or rules. */
function inkIn(pixels: Pixels, box: { left: number; top: number; right: number; bottom: number }): number {
  let ink = 0;
  for (let y = box.top; y < box.bottom; y += 1) {
    for (let x = box.left; x < box.right; x += 1) {
      const offset = (y * pixels.width + x) * 3;
      const distance = BACKGROUND.reduce(
        (sum, value, channel) => sum + Math.abs(pixels.data[offset + channel] - value),
        0,
      );
      if (distance > 120) ink += 1;
    }
  }
  return ink;
}

let report: Report;

beforeAll(() => {
  process.env.PUBLIC_DIR = path.join(root, "public");
  const result = loadReport(contentDir, "ubnd-thanh-pho-vinh-tong-ket-cong-tac-quoc-phong-an-ninh.md");
  report = result.report as Report;
});

describe("the share preview card", () => {
  it("is a 1200×630 PNG with the kicker, headline, site name and date all drawn", async () => {
    const pixels = await decode(await reportPreviewImage(report));
    expect([pixels.width, pixels.height]).toEqual([1200, 630]);
    // Kicker and headline at the top; site name bottom left, date bottom right.
    expect(inkIn(pixels, { left: 64, top: 60, right: 600, bottom: 110 })).toBeGreaterThan(500);
    expect(inkIn(pixels, { left: 64, top: 120, right: 1136, bottom: 300 })).toBeGreaterThan(5000);
    expect(inkIn(pixels, { left: 64, top: 530, right: 400, bottom: 600 })).toBeGreaterThan(500);
    expect(inkIn(pixels, { left: 900, top: 530, right: 1136, bottom: 600 })).toBeGreaterThan(500);
    // Between headline and footer rule: empty.
    expect(inkIn(pixels, { left: 64, top: 320, right: 1136, bottom: 500 })).toBe(0);
  });

  it("draws the site card without a date", async () => {
    const pixels = await decode(await sitePreviewImage());
    expect(inkIn(pixels, { left: 64, top: 530, right: 400, bottom: 600 })).toBeGreaterThan(500);
    expect(inkIn(pixels, { left: 900, top: 530, right: 1136, bottom: 600 })).toBe(0);
  });
});
