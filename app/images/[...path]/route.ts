import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { MEDIA_CACHE, NOT_FOUND_CACHE } from "@/lib/cache-control";
import { publicDirectory, readablePhotoFile } from "@/lib/photo-files";

// Next serves the files public/ held when the server started. A photo an editor copies into
// public/images/<bài>/ later reaches this route instead, with the same headers and the same
// resized versions (/_next/image fetches it from here).
export const dynamic = "force-dynamic";

const PHOTO_TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
};

const notFound = () =>
  new Response("Không tìm thấy ảnh", { status: 404, headers: { "Cache-Control": NOT_FOUND_CACHE } });

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const parts = (await params).path;
  const type = PHOTO_TYPES[path.extname(parts.at(-1) ?? "").toLowerCase()];
  // Only a regular file inside public/images, no link followed out of it (lib/photo-files.ts).
  const file = type ? readablePhotoFile(publicDirectory(), parts) : null;
  if (!type || !file) return notFound();
  let stats;
  try {
    stats = statSync(/*turbopackIgnore: true*/ file);
  } catch {
    return notFound();
  }
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers = {
    "Content-Type": type,
    "Cache-Control": MEDIA_CACHE,
    ETag: etag,
    "Last-Modified": stats.mtime.toUTCString(),
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const body = Readable.toWeb(createReadStream(/*turbopackIgnore: true*/ file)) as ReadableStream<Uint8Array>;
  return new Response(body, { headers: { ...headers, "Content-Length": String(stats.size) } });
}
