// Next's own file-system cache for pages and route handlers, minus one thing: a 404 is never
// stored. With dynamic params, every made-up address (`/bai-viet/abc`, a crawler's guess) would
// otherwise leave a copy of the not-found page on disk and in memory, without bound
// (vercel/next.js#96581). A 404 costs one cheap render instead; a report published later at that
// address needs no revalidation of an old 404 either. Plain JavaScript: next.config.ts names this
// file and Next imports it as it is, at build and at run time.
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";

const FileSystemCache = FileSystemCacheModule.default;

export default class CacheWithoutNotFound extends FileSystemCache {
  async set(key, data, ctx) {
    if (data && (data.kind === "APP_PAGE" || data.kind === "APP_ROUTE") && data.status === 404) return;
    return super.set(key, data, ctx);
  }
}
