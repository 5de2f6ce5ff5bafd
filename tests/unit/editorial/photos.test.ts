import { readdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { photoMarkdown, preparePhoto, storePhoto } from "@/lib/editorial/photos";
import { MAX_PHOTO_BYTES } from "@/lib/photo-files";
import { temporaryFolder } from "../support/temporary-folder";

const photo = (format: "jpeg" | "png" | "webp", width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: "#a3161a" } }).toFormat(format);

describe("preparing an uploaded photo", () => {
  it("takes JPEG, PNG and WebP by their bytes, and gives back JPEG", async () => {
    for (const format of ["jpeg", "png", "webp"] as const) {
      const out = await preparePhoto(await photo(format).toBuffer());
      expect((await sharp(out).metadata()).format, format).toBe("jpeg");
    }
  });

  it("leaves the camera's metadata behind, the place it was taken included", async () => {
    const withExif = await photo("jpeg")
      .withExif({ IFD0: { ImageDescription: "Vị trí: 18.67N 105.68E", Copyright: "Máy ảnh của ai đó" } })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const out = await preparePhoto(withExif);
    const metadata = await sharp(out).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(out.includes(Buffer.from("18.67N"))).toBe(false);
  });

  it("refuses an SVG or an HTML page renamed .jpg, a file over 15 MB, and a decompression bomb", async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    await expect(preparePhoto(svg)).rejects.toThrow("Chỉ nhận ảnh JPEG, PNG hoặc WebP.");
    await expect(preparePhoto(Buffer.from("<!doctype html><script>alert(1)</script>"))).rejects.toThrow(
      "không phải ảnh",
    );
    await expect(preparePhoto(Buffer.alloc(MAX_PHOTO_BYTES + 1))).rejects.toThrow("tối đa 15 MB");
    // 100 megapixels of one colour: a small file that would unpack to 300 MB.
    const bomb = await photo("png", 10_000, 10_000).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(preparePhoto(bomb)).rejects.toThrow();
    // Drawing a 100-megapixel test image takes seconds here.
  }, 30_000);

  it("keeps a large photo no wider than 2400 px", async () => {
    const out = await preparePhoto(await photo("jpeg", 4000, 3000).toBuffer());
    expect(await sharp(out).metadata()).toMatchObject({ width: 2400, height: 1800 });
  }, 15_000);
});

describe("storing it", () => {
  let publicDir: string;
  beforeEach(() => {
    publicDir = temporaryFolder("anh-");
  });

  it("names photos anh-1.jpg, anh-2.jpg… in the report's folder, never reusing a name", async () => {
    const jpeg = await preparePhoto(await photo("jpeg").toBuffer());
    expect(storePhoto(publicDir, "le-hoi", jpeg)).toBe("/images/le-hoi/anh-1.jpg");
    expect(storePhoto(publicDir, "le-hoi", jpeg)).toBe("/images/le-hoi/anh-2.jpg");
    expect(readdirSync(path.join(publicDir, "images", "le-hoi")).sort()).toEqual(["anh-1.jpg", "anh-2.jpg"]);
  });

  it("refuses a folder name that is not a report's address", async () => {
    const jpeg = await preparePhoto(await photo("jpeg").toBuffer());
    for (const slug of ["../x", "..", "/etc", "a/b", "", "Lễ-hội", "le_hoi", "%2e%2e"]) {
      expect(() => storePhoto(publicDir, slug, jpeg), slug).toThrow("Địa chỉ bài không hợp lệ");
    }
    expect(readdirSync(publicDir)).toEqual([]);
  });

  it("writes the photo line the loader reads: alt, address, caption and credit", () => {
    expect(photoMarkdown("/images/le-hoi/anh-1.jpg", "Đua thuyền", "Các đội thi.", "Thành Cường")).toBe(
      '![Đua thuyền](/images/le-hoi/anh-1.jpg "Các đội thi. Ảnh: Thành Cường")',
    );
    expect(photoMarkdown("/images/a/anh-1.jpg", 'Cờ [đỏ]\n"x"', 'Nói "to"', "")).toBe(
      '![Cờ đỏ "x"](/images/a/anh-1.jpg "Nói ”to”")',
    );
  });
});
