"use client";

import { useEffect, useState } from "react";
import { type OfflineReport, offlineReports } from "@/lib/offline/offline-list";
import type { OfflineIndex } from "@/lib/offline/service-worker";
import { CACHE_PREFIX, INDEX_CACHE, INDEX_PATH } from "@/lib/offline/names";

async function readKeptReports(): Promise<OfflineReport[]> {
  // Without a secure context or with storage refused there is no cache, and nothing kept.
  if (typeof caches === "undefined") return [];
  const response = await (await caches.open(INDEX_CACHE)).match(INDEX_PATH);
  if (!response) return [];
  return offlineReports((await response.json()) as OfflineIndex, location.origin, CACHE_PREFIX);
}

/** The reports this device can open without a connection, read from the service worker's index. */
export function OfflineReports() {
  const [reports, setReports] = useState<OfflineReport[] | null>(null);
  useEffect(() => {
    readKeptReports().then(setReports, () => setReports([]));
  }, []);
  if (reports === null) return <p role="status">Đang xem những bài đã lưu trên máy…</p>;
  if (reports.length === 0) return <p role="status">Chưa có bài nào được lưu trên máy này.</p>;
  return (
    <ul className="offline-list">
      {reports.map((report) => (
        <li key={report.path}>
          {/* A plain link: offline, a full page load is what the worker answers from its copy. */}
          <a href={report.path}>{report.title}</a>
        </li>
      ))}
    </ul>
  );
}
