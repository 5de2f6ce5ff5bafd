import type { OfflineIndex } from "./service-worker";

export interface OfflineReport {
  path: string;
  title: string;
  saved: number;
}

/** The reports the worker's index says are kept, newest kept first: the offline page's list. */
export function offlineReports(index: OfflineIndex, origin: string, cachePrefix: string): OfflineReport[] {
  const reports: OfflineReport[] = [];
  for (const [key, entry] of Object.entries(index.entries ?? {})) {
    const url = new URL(key);
    if (url.origin !== origin || !/^\/bai-viet\/[^/]+$/.test(url.pathname)) continue;
    if (!entry.cache.startsWith(`${cachePrefix}trang:`) || !entry.title) continue;
    reports.push({ path: url.pathname, title: entry.title, saved: entry.saved });
  }
  return reports.sort((a, b) => b.saved - a.saved);
}
