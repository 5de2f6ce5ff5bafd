import { readFileSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";

export interface ImageSize {
  width: number;
  height: number;
}

export function publicDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PUBLIC_DIR ?? path.join(process.cwd(), "public"));
}

/**
 * Reads the pixel size of a photo under public/, which next/image needs for layout.
 * Returns an explanation instead when the path leaves public/ or the file is missing.
 */
export function readPublicImageSize(src: string): ImageSize | string {
  const root = publicDirectory();
  let file: string;
  try {
    file = path.resolve(root, `.${decodeURI(src)}`);
  } catch {
    return `đường dẫn ảnh “${src}” có ký tự mã hóa sai (dấu %)`;
  }
  if (!file.startsWith(root + path.sep)) {
    return `đường dẫn ảnh “${src}” phải nằm trong thư mục public/`;
  }
  try {
    const { width, height } = imageSize(readFileSync(/*turbopackIgnore: true*/ file));
    return { width, height };
  } catch {
    return `không tìm thấy ảnh “${src}” (tệp public${src}); kiểm tra tên tệp và đường dẫn`;
  }
}
