import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import { publicDirectory } from "../photo-files";

export interface ImageSize {
  width: number;
  height: number;
}

// Many reports share a photo (a logo, a file photo): read each file's size once, again only when
// it is replaced (a placeholder swapped for the real photo in \`next dev\`).
const sizes = new Map<string, { mtimeMs: number; size: ImageSize }>();

export { publicDirectory };

/** The file behind a photo's address under public/, or an explanation when it has none. */
function publicFile(src: string): { file: string } | { problem: string } {
  const root = publicDirectory();
  let file: string;
  try {
    file = path.resolve(root, `.${decodeURI(src)}`);
  } catch {
    return { problem: `đường dẫn ảnh “${src}” có ký tự mã hóa sai (dấu %)` };
  }
  if (!file.startsWith(root + path.sep)) {
    return { problem: `đường dẫn ảnh “${src}” phải nằm trong thư mục public/` };
  }
  return { file };
}

/** When a photo was last changed, or null when it is not there: tells whether a report must be read again. */
export function publicImageMtime(src: string): number | null {
  const target = publicFile(src);
  if ("problem" in target) return null;
  try {
    return statSync(/*turbopackIgnore: true*/ target.file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Reads the pixel size of a photo under public/, which next/image needs for layout.
 * Returns an explanation instead when the path leaves public/ or the file is missing.
 */
export function readPublicImageSize(src: string): ImageSize | string {
  const target = publicFile(src);
  if ("problem" in target) return target.problem;
  const { file } = target;
  try {
    const { mtimeMs } = statSync(/*turbopackIgnore: true*/ file);
    const known = sizes.get(file);
    if (known?.mtimeMs === mtimeMs) return known.size;
    const { width, height } = imageSize(readFileSync(/*turbopackIgnore: true*/ file));
    sizes.set(file, { mtimeMs, size: { width, height } });
    return { width, height };
  } catch {
    return `không tìm thấy ảnh “${src}” (tệp public${src}); kiểm tra tên tệp và đường dẫn`;
  }
}
