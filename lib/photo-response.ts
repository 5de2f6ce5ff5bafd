import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { NOT_FOUND_CACHE } from "./cache-control";
import { publicDirectory, readablePhotoFile } from "./photo-files";

// How a photo file is answered, for readers (/images/…) and for editors (/quan-tri/anh/…): only a
// photo file by lib/photo-files.ts's rule, with an ETag; what may keep a copy is the caller's say.

const PHOTO_TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
};

export const photoNotFound = () =>
  new Response("Không tìm thấy ảnh", { status: 404, headers: { "Cache-Control": NOT_FOUND_CACHE } });

/** The photo at `parts` (the segments after /images/), sent with this Cache-Control; else a 404. */
export function photoResponse(request: Request, parts: readonly string[], cacheControl: string): Response {
  const type = PHOTO_TYPES[path.extname(parts.at(-1) ?? "").toLowerCase()];
  const file = type ? readablePhotoFile(publicDirectory(), parts) : null;
  if (!type || !file) return photoNotFound();
  let stats;
  try {
    stats = statSync(/*turbopackIgnore: true*/ file);
  } catch {
    return photoNotFound();
  }
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers = {
    "Content-Type": type,
    "Cache-Control": cacheControl,
    ETag: etag,
    "Last-Modified": stats.mtime.toUTCString(),
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const body = Readable.toWeb(createReadStream(/*turbopackIgnore: true*/ file)) as ReadableStream<Uint8Array>;
  return new Response(body, { headers: { ...headers, "Content-Length": String(stats.size) } });
}
