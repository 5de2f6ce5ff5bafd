import sharp from "sharp";
import { MEDIA_CACHE } from "./cache-control";
import type { ReportSummary } from "./content";
import { photoNotFound } from "./photo-response";
import { type CropRatio, croppablePhotoParts, cropSize } from "./photo-crops";
import { publicDirectory, readablePhotoFile } from "./photo-files";

/** A photo's pixels the crop decodes at most: as many as an editor's upload may have (lib/editorial/photos.ts). */
const MAX_PIXELS = 60_000_000;

/** The report's cover cut to `ratio` from its middle, as a JPEG; a 404 when it has no cover to cut. */
export async function photoCropResponse(report: ReportSummary, ratio: CropRatio): Promise<Response> {
  const parts = croppablePhotoParts(report.cover);
  const file = parts ? readablePhotoFile(publicDirectory(), parts) : null;
  if (!file) return photoNotFound();
  try {
    // The size as shown, after the camera's orientation tag is applied (the loader's is the file's).
    const { autoOrient } = await sharp(file, { limitInputPixels: MAX_PIXELS }).metadata();
    const jpeg = await sharp(file, { limitInputPixels: MAX_PIXELS, failOn: "error" })
      .autoOrient()
      .resize({ ...cropSize(autoOrient, ratio), fit: "cover", position: "centre" })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer();
    return new Response(new Uint8Array(jpeg), {
      headers: { "Content-Type": "image/jpeg", "Cache-Control": MEDIA_CACHE },
    });
  } catch {
    // Replaced by a file that is no photo, or one too large to decode: nothing to cut.
    return photoNotFound();
  }
}
