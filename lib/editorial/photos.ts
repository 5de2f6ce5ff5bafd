import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { MAX_PHOTO_BYTES, writablePhotoFolder } from "../photo-files";
import { isValidSlug } from "../slugs";

// Photos uploaded by editors. What a browser calls the file is not trusted: its bytes
// say what it is, and only JPEG, PNG and WebP are taken. Each is decoded and encoded again by
// sharp (which also leaves its metadata behind: camera, time, the place it was taken), turned
// upright, no wider than a 2× desktop column needs, and named by the server: anh-N.jpg in the
// report's folder, never over an existing photo.

/** Pixels a photo may decode to: a phone's 50 MP, not a small file that unpacks to gigabytes. */
const MAX_PIXELS = 60_000_000;
const MAX_WIDTH = 2400;
const ACCEPTED = new Set(["jpeg", "png", "webp"]);

export class PhotoError extends Error {}

/** The photo's bytes as the site keeps them: JPEG, upright, no metadata, at most MAX_WIDTH wide. */
export async function preparePhoto(bytes: Buffer): Promise<Buffer> {
  if (bytes.length > MAX_PHOTO_BYTES) throw new PhotoError("Ảnh quá lớn: tối đa 15 MB.");
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata()).format;
  } catch {
    throw new PhotoError("Tệp này không phải ảnh đọc được.");
  }
  if (!format || !ACCEPTED.has(format)) throw new PhotoError("Chỉ nhận ảnh JPEG, PNG hoặc WebP.");
  try {
    return await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error" })
      .rotate()
      .resize({ width: MAX_WIDTH, withoutEnlargement: true })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer();
  } catch {
    throw new PhotoError("Ảnh quá lớn để xử lý, hoặc bị hỏng.");
  }
}

/** Saves a prepared photo as the next anh-N.jpg of a report's folder; returns its address. */
export function storePhoto(publicDir: string, slug: string, jpeg: Buffer): string {
  if (!isValidSlug(slug)) throw new PhotoError("Địa chỉ bài không hợp lệ: nhập tiêu đề trước khi tải ảnh.");
  // Never through a symbolic link: the report's folder is a real folder inside public/images.
  const folder = writablePhotoFolder(publicDir, slug);
  if (!folder) throw new PhotoError("Không lưu được ảnh: thư mục ảnh của bài không phải thư mục thường.");
  for (;;) {
    const taken = readdirSync(folder)
      .map((name) => /^anh-(\d+)\.jpg$/.exec(name)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    const name = `anh-${Math.max(0, ...taken) + 1}.jpg`;
    try {
      // "wx": two uploads at once never write one file.
      writeFileSync(path.join(folder, name), jpeg, { flag: "wx" });
      return `/images/${slug}/${name}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** The Markdown line of a photo: alt text, address, caption and credit as the loader reads them. */
export function photoMarkdown(src: string, alt: string, caption: string, credit: string): string {
  const title = [caption.trim(), credit.trim() ? `Ảnh: ${credit.trim()}` : ""].filter(Boolean).join(" ");
  const clean = (text: string) => text.replace(/[\r\n]+/g, " ").trim();
  const safeAlt = clean(alt).replace(/[[\]]/g, "");
  return title ? `![${safeAlt}](${src} "${clean(title).replace(/"/g, "”")}")` : `![${safeAlt}](${src})`;
}
