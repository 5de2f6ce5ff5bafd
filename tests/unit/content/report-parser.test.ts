import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  BODY_FIELD,
  createWorkerParser,
  loadGlossary,
  loadReport,
  PARSE_WORKER_FILE,
  type WorkerParser,
} from "@/lib/content/refresh";
import { fill, HOSTILE_KINDS, hostileReport } from "@/tools/measure/hostile-bodies";
import { bundleParseWorker } from "@/tools/standalone";
import { stubFoldersForAll } from "../support/environment";
import { REPO_CONTENT, REPO_PUBLIC, SEED_FILE } from "../support/paths";
import { temporaryFolderForAll } from "../support/temporary-folder";

// The publishing watcher's parses, in the worker thread the standalone server runs: the bundle
// that tools/standalone.ts puts beside server.js, built here into a temporary folder.

const folder = temporaryFolderForAll("report-parser-");
const hostileDir = path.join(folder, "content");
const workerFile = path.join(folder, PARSE_WORKER_FILE);
stubFoldersForAll({ content: REPO_CONTENT, public: REPO_PUBLIC });

let parser: WorkerParser;

beforeAll(() => {
  bundleParseWorker(folder);
  mkdirSync(hostileDir);
  parser = createWorkerParser(workerFile);
});
afterAll(() => parser.close());

it("a report parsed in the worker is the report parsed in this thread", async () => {
  const inWorker = await parser.parse(REPO_CONTENT, SEED_FILE, "first");
  expect(inWorker.problems).toEqual([]);
  expect(inWorker).toEqual(loadReport(REPO_CONTENT, SEED_FILE, loadGlossary(REPO_CONTENT)));
}, 30_000);

it("while the worker parses the slowest bodies the limits accept, this thread keeps answering", async () => {
  const [, nestedLists] = HOSTILE_KINDS.find(([name]) => name.startsWith("nested lists")) ?? [];
  // 16 KB of lists ten levels deep: the largest accepted, about 250 ms each (bench:bodies).
  const body = fill(16 * 1024, nestedLists ?? (() => ""));
  const names = [1, 2].map((n) => {
    writeFileSync(path.join(hostileDir, `danh-sach-${n}.md`), hostileReport(body));
    return `danh-sach-${n}.md`;
  });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  for (const name of names) expect((await parser.parse(hostileDir, name, "first")).problems).toEqual([]);
  const took = performance.now() - started;
  delay.disable();
  expect(took).toBeGreaterThan(200);
  expect(delay.max / 1e6).toBeLessThan(100);
}, 30_000);

it("a parse that outlasts its time is refused at the body, and the worker ended", async () => {
  const hasty = createWorkerParser(workerFile, { timeoutMs: 1 });
  const result = await hasty.parse(REPO_CONTENT, SEED_FILE, "first");
  expect(result.report).toBeNull();
  expect(result.problems).toEqual([
    { file: SEED_FILE, field: BODY_FIELD, message: expect.stringContaining("mất hơn 0.001 giây") },
  ]);
  await hasty.close();
});

it("a file that cannot be read fails its parse only", async () => {
  await expect(parser.parse(hostileDir, "khong-co.md", "first")).rejects.toThrow(/ENOENT/);
  expect((await parser.parse(REPO_CONTENT, SEED_FILE, "first")).problems).toEqual([]);
});
