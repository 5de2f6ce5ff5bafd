import { readFileSync } from "node:fs";
import path from "node:path";
import { CACHE_PREFIX, INDEX_PATH, OFFLINE_PATH } from "./names";
import type { WorkerConfig } from "./service-worker";

/** SERVICE_WORKER: "on" (the default) or "off", read by the running server at each request for /sw.js. */
export function serviceWorkerOn(value = process.env.SERVICE_WORKER): boolean {
  if (value === undefined || value === "" || value === "on") return true;
  if (value === "off") return false;
  throw new Error(`SERVICE_WORKER=“${value}”: chỉ nhận “on” hoặc “off”`);
}

/** The build's id, which names the worker's caches; none under `next dev`, which has no BUILD_ID file. */
export function buildId(): string | null {
  // The server runs from its standalone folder, which holds the build's folder under the same name.
  const file = path.join(process.cwd(), process.env.BUILD_DIST_DIR ?? ".next", "BUILD_ID");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

export function workerConfig(build: string, siteName: string): WorkerConfig {
  return {
    build,
    siteName,
    budgetBytes: 30 * 1024 * 1024,
    networkTimeoutMs: 3000,
    newestCount: 20,
    newestEveryMs: 60 * 60 * 1000,
    freshMs: 10 * 60 * 1000,
    offlinePath: OFFLINE_PATH,
    feedPath: "/feed.xml",
    indexPath: INDEX_PATH,
    cachePrefix: CACHE_PREFIX,
  };
}
