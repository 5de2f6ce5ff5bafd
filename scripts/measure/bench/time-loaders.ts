// Loads every report in CONTENT_DIR through the real loaders, in a fresh process, and prints the
// time taken and how often each file was read, as JSON for the benchmark.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { performance } from "node:perf_hooks";

const reads = new Map<string, number>();
const readFileSync = fs.readFileSync;
fs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
  if (typeof file === "string" && file.endsWith(".md")) reads.set(file, (reads.get(file) ?? 0) + 1);
  return (readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
}) as typeof fs.readFileSync;
// Named imports of node:fs (as in lib/) see the patched function only after this.
syncBuiltinESMExports();

const { getNewestReports, getReportBySlug, getReportPage } = await import("../../../lib/content");
const started = performance.now();
const reports = getNewestReports(Number.MAX_SAFE_INTEGER);
const loadMs = performance.now() - started;
// What the pages then ask for: a report's own page gets its body from the store, so no file is
// read or parsed twice.
for (const report of reports) getReportBySlug(report.slug);
for (let page = 1; getReportPage(page); page += 1);
const maxReads = Math.max(0, ...reads.values());
console.log(
  JSON.stringify({
    reports: reports.length,
    loadMs,
    perReportMs: loadMs / reports.length,
    maxReadsPerFile: maxReads,
  }),
);
