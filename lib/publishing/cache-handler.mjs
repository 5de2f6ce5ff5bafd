// Next's incremental cache (pages and route handlers), in one of two places:
// - a single server (`npm start`, the build): Next's own file cache in the build folder;
// - several instances (`npm run stack`, docs/van-hanh/production-stack.md): one Redis that all of them share
//   (REDIS_URL set when the server starts), through @trieb.work/nextjs-turbo-redis-cache. A page
//   one instance rendered is served by the others from Redis, and revalidating a path on one
//   instance reaches them all (the handler keeps its tag times in Redis and tells the others).
// Either way a 404 is never stored. With dynamic params, every made-up address (`/bai-viet/abc`,
// a crawler's guess) would otherwise leave a copy of the not-found page behind, without bound
// (vercel/next.js#96581). A 404 costs one cheap render instead, and a report published later at
// that address needs no revalidation of an old 404.
// Plain JavaScript: next.config.ts names this file and Next imports it as it is, at build and at
// run time.
import { readFileSync } from "node:fs";
import path from "node:path";
import { RedisStringsHandler } from "@trieb.work/nextjs-turbo-redis-cache";
import { perProcess } from "../process-singleton.mjs";
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";

// A CommonJS module: Node's import gives its exports as the default, with the class on
// `.default`; the bundle Next makes of this file for proxy.ts gives the class itself.
const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;

function isNotFound(data) {
  return Boolean(data && (data.kind === "APP_PAGE" || data.kind === "APP_ROUTE") && data.status === 404);
}

class FileCacheWithoutNotFound extends FileSystemCache {
  async set(key, data, ctx) {
    if (isNotFound(data)) return;
    return super.set(key, data, ctx);
  }
}

/**
 * Keys start with the build's ID: instances of one build share entries, a new deployment starts
 * on a clean set (an old build's pages would not match its scripts), and the old keys expire.
 */
function keyPrefix(serverDistDir) {
  const buildId = readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  return `tin-xu-nghe:${buildId}:`;
}

class SharedCacheWithoutNotFound {
  constructor(options) {
    // One Redis client per process, however many times Next constructs the handler.
    this.redis = perProcess(
      "redis-cache",
      () =>
        new RedisStringsHandler({
          redisUrl: process.env.REDIS_URL,
          database: 0,
          keyPrefix: keyPrefix(options.serverDistDir),
          // Redis is on the same machine or network: a reply slower than this is a Redis in trouble,
          // and the page is rendered instead of waiting for it.
          getTimeoutMs: 1000,
        }),
    );
  }

  get(...args) {
    return this.redis.get(...args);
  }

  async set(key, data, ctx) {
    if (isNotFound(data)) return;
    return this.redis.set(key, data, ctx);
  }

  revalidateTag(...args) {
    return this.redis.revalidateTag(...args);
  }

  resetRequestCache() {
    return this.redis.resetRequestCache();
  }
}

const building = process.env.NEXT_PHASE === "phase-production-build";

export default process.env.REDIS_URL && !building ? SharedCacheWithoutNotFound : FileCacheWithoutNotFound;
