import { isPhotoPath } from "./photo-files";
import { routes } from "./routes";

// Google's article guidelines ask for the lead photo in three ratios, so that each of its layouts
// (a square thumbnail, a 4:3 card, a 16:9 carousel) finds one it need not cut itself. The site
// serves them cut from the middle of the report's cover, at 1200 px wide when the photo has the
// pixels: never enlarged, a crop only repeats what the photo holds.

export const CROP_RATIOS = { "1x1": [1, 1], "4x3": [4, 3], "16x9": [16, 9] } as const;
export type CropRatio = keyof typeof CROP_RATIOS;

/** The width the crops are sent at, and the width a cover needs before they are offered. */
export const CROP_WIDTH = 1200;

interface Photo {
  src: string;
  width: number;
  height: number;
}

/** The ratio a crop's file name asks for ("16x9.jpg" → "16x9"), or null for any other name. */
export function cropRatioOfFile(file: string): CropRatio | null {
  const ratio = /^(\w+)\.jpg$/.exec(file)?.[1];
  return ratio !== undefined && Object.hasOwn(CROP_RATIOS, ratio) ? (ratio as CropRatio) : null;
}

/** The segments after /images/ of a cover the site can cut: a file of the photo folder, 1200 px wide or more. */
export function croppablePhotoParts(cover: Photo | null): string[] | null {
  if (!cover || cover.width < CROP_WIDTH || !cover.src.startsWith("/images/")) return null;
  let parts: string[];
  try {
    parts = cover.src.slice("/images/".length).split("/").map(decodeURIComponent);
  } catch {
    return null;
  }
  return isPhotoPath(parts) ? parts : null;
}

/** The addresses of a report's crops, in Google's order (1×1, 4×3, 16×9); none when its cover is too small. */
export function reportPhotoCrops(report: { slug: string; cover: Photo | null }): string[] {
  if (!croppablePhotoParts(report.cover)) return [];
  return Object.keys(CROP_RATIOS).map((ratio) => routes.reportPhotoCrop(report.slug, ratio));
}

/**
 * The size of a crop of a photo this size: the largest centred part of that ratio, narrowed to
 * CROP_WIDTH when wider. Its height follows the ratio and never exceeds the photo's.
 */
export function cropSize(
  photo: { width: number; height: number },
  ratio: CropRatio,
): { width: number; height: number } {
  const [across, down] = CROP_RATIOS[ratio];
  const width = Math.min(CROP_WIDTH, photo.width, Math.floor((photo.height * across) / down));
  return { width, height: Math.round((width * down) / across) };
}
