// The search index alone at 1,000, 10,000 and 100,000 synthetic reports: no Next build.
// Each report is written as a file and read by the real loader, then indexed as the server does;
// then a fixed mix of queries is timed, and one report's update. Prints a Markdown table.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadGlossary, loadReport } from "../../../lib/content/refresh";
import { searchDocument } from "../../../lib/search/documents";
import { SearchIndex, type SearchDocument, type SearchQuery } from "../../../lib/search/search-index";
import type { Report } from "../../../lib/content";
import { syntheticReportFiles } from "./synthetic-reports";

/** One-, two- and three-syllable queries, with and without diacritics, common and rare, some filtered. */
export const QUERY_MIX: SearchQuery[] = [
  { text: "vinh" },
  { text: "Vinh" },
  { text: "đường" },
  { text: "giay" },
  { text: "thanh pho" },
  { text: "thành phố" },
  { text: "cong tac" },
  { text: "công tác" },
  { text: "quoc phong" },
  { text: "quốc phòng" },
  { text: "an ninh", category: "Quốc phòng - An ninh" },
  { text: "trật tự", year: 2023 },
  { text: "dai ta" },
  { text: "hoi nghi tong ket" },
  { text: "hội nghị tổng kết" },
  { text: "tram y te" },
  { text: "trạm y tế", order: "newest" },
  { text: "nguyen van hung" },
  { text: "Nguyễn Văn Hùng" },
  { text: "tet nguyen dan" },
  { text: "pho chu tich ubnd" },
  { text: "dinh bat van" },
  { text: "phong chay chua chay" },
  { text: "thanh pho", page: 5 },
];
const ROUNDS = 5;

export interface SearchBenchRow {
  reports: number;
  loadSeconds: number;
  buildSeconds: number;
  megabytes: number;
  p50: number;
  p99: number;
  slowest: string;
  updateMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function benchSearchIndex(reports: number): SearchBenchRow {
  const folder = mkdtempSync(path.join(tmpdir(), "tin-search-bench-"));
  try {
    const contentDir = path.join(folder, "content");
    const location = path.join(folder, "search.sqlite");
    const index = new SearchIndex(location);
    const glossary = loadGlossary(path.resolve("content"));
    let loadMs = 0;
    let buildMs = 0;
    let batch: SearchDocument[] = [];
    const flush = () => {
      const started = performance.now();
      index.upsert(...batch);
      buildMs += performance.now() - started;
      batch = [];
    };
    mkdirSync(contentDir);
    let last: Report | null = null;
    for (const file of syntheticReportFiles(reports)) {
      writeFileSync(path.join(contentDir, file.name), file.text);
      const started = performance.now();
      const { report, problems } = loadReport(contentDir, file.name, glossary);
      if (!report) throw new Error(`${file.name}: ${JSON.stringify(problems)}`);
      loadMs += performance.now() - started;
      batch.push(searchDocument(report));
      last = report;
      if (batch.length === 500) flush();
      rmSync(path.join(contentDir, file.name));
    }
    flush();
    // As the server does after indexing a whole archive at its first start.
    const optimizeStarted = performance.now();
    index.optimize();
    buildMs += performance.now() - optimizeStarted;

    const latencies: Array<{ ms: number; query: SearchQuery }> = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const query of QUERY_MIX) {
        const started = performance.now();
        index.search(query);
        latencies.push({ ms: performance.now() - started, query });
      }
    }
    const sorted = latencies.map((entry) => entry.ms).sort((a, b) => a - b);
    const slowest = latencies.reduce((a, b) => (b.ms > a.ms ? b : a));

    // One report saved again: its old terms taken out, the new ones put in, as publishing does.
    const updates: number[] = [];
    for (let n = 0; n < 20 && last; n += 1) {
      const document = searchDocument({ ...last, title: `${last.title} (sửa lần ${n + 1})` });
      const started = performance.now();
      index.upsert(document);
      updates.push(performance.now() - started);
    }
    index.close();
    const bytes = [location, `${location}-wal`].reduce((sum, file) => {
      try {
        return sum + statSync(file).size;
      } catch {
        return sum;
      }
    }, 0);
    return {
      reports,
      loadSeconds: loadMs / 1000,
      buildSeconds: buildMs / 1000,
      megabytes: bytes / 2 ** 20,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      slowest: `${slowest.query.text} (${slowest.ms.toFixed(1)} ms)`,
      updateMs: median(updates),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
