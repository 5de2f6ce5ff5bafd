// npm run bench:publish-load: request latency while hostile bodies are published. A production
// server (the build's standalone server.js, NEXT_DIST_DIR or .next, with a copy of content/) on
// 127.0.0.1 takes 100 connections on a report page from wrk; in each round a baseline window
// without publishing is followed by one during which a 2 MB body (refused by the size limit) and
// the largest body of each hostile kind that the limits accept are saved into its content folder.
// Twice: as built (the watcher parses in its worker thread), then with the worker's bundle removed,
// so that the same watcher parses in the thread answering requests. Prints a Markdown table of
// latencies and of the main thread's longest event-loop delay (tools/measure/event-loop-probe.mjs,
// loaded with node --import), and medians. Not a test: compare rows of one run.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  BODY_FIELD,
  contentDirectory,
  loadGlossary,
  loadReport,
  PARSE_WORKER_FILE,
} from "@/lib/content/refresh";
import { CANDIDATE_SIZES_KB, fill, HOSTILE_KINDS, hostileReport } from "@/tools/measure/hostile-bodies";
import { type WrkResult, requireWrk, runWrk } from "@/tools/measure/wrk";
import { type LiveServer, standaloneCopy, startLiveServer } from "@/tools/live-server";
import { freePort } from "@/tools/stack";
import { distDirectory } from "@/tools/standalone";
import { reportPath } from "../load/report-path";

const ROUNDS = 3;
const WINDOW_SECONDS = 10;
const CONNECTIONS = 100;
// Within a publishing window: the 2 MB body at 1 s, the accepted ones at 2 s, saved again at 5 s.
const SAVES_AT_MS = [1000, 2000, 5000];
const PROBE = path.resolve("tools/measure/event-loop-probe.mjs");
const PROBE_LINE = /^\[vòng sự kiện\] (\d+) ([\d.]+)$/gm;

interface Window {
  wrk: WrkResult;
  loopMaxMs: number;
}

const distDir = distDirectory();
if (!existsSync(path.join(distDir, "standalone", "server.js"))) {
  throw new Error(`no standalone build in ${distDir}: run npm run build (or set NEXT_DIST_DIR)`);
}
requireWrk();
const work = mkdtempSync(path.join(tmpdir(), "publish-load-"));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The largest body of each kind the limits accept, found by the loader itself. */
function largestAccepted(): Array<{ name: string; body: string }> {
  const glossary = loadGlossary(contentDirectory());
  const bodies: Array<{ name: string; body: string }> = [];
  for (const [name, unit] of HOSTILE_KINDS) {
    for (const kb of CANDIDATE_SIZES_KB) {
      const body = fill(kb * 1024, unit);
      writeFileSync(path.join(work, "sizing.md"), hostileReport(body));
      const { problems } = loadReport(work, "sizing.md", glossary);
      if (problems.some((problem) => problem.field === BODY_FIELD)) continue;
      bodies.push({ name: `${name}, ${kb} KB`, body });
      break;
    }
  }
  return bodies;
}

function loopMax(log: string[], from: number, to: number): number {
  let max = 0;
  for (const [, at, delay] of log.join("").matchAll(PROBE_LINE)) {
    // A line is written when the loop is free again, so a long hold is reported just after it.
    if (Number(at) >= from && Number(at) <= to + 1000) max = Math.max(max, Number(delay));
  }
  return max;
}

async function measure(server: LiveServer, url: string, saves?: () => Promise<void>): Promise<Window> {
  const from = Date.now();
  const [wrk] = await Promise.all([
    runWrk({ url, connections: CONNECTIONS, seconds: WINDOW_SECONDS }),
    saves?.(),
  ]);
  return { wrk, loopMaxMs: loopMax(server.log, from, Date.now()) };
}

async function variant(label: string, withWorker: boolean, accepted: Array<{ name: string; body: string }>) {
  const workDir = path.join(work, withWorker ? "worker" : "in-thread");
  const standalone = standaloneCopy(distDir, workDir);
  if (!withWorker) rmSync(path.join(standalone, PARSE_WORKER_FILE));
  const contentDir = path.join(workDir, "content");
  cpSync(contentDirectory(), contentDir, { recursive: true });
  const publicDir = path.join(workDir, "public");
  cpSync("public", publicDir, { recursive: true });
  const server = await startLiveServer({
    distDir,
    workDir,
    contentDir,
    publicDir,
    port: await freePort(),
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${PROBE}`.trim() },
  });
  try {
    const url = `${server.origin}${await reportPath(server.origin)}`;
    await runWrk({ url, connections: 10, seconds: 3 });
    const rows: Array<{ baseline: Window; publishing: Window }> = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const baseline = await measure(server, url);
      const saves = async () => {
        let previous = 0;
        for (const [index, at] of SAVES_AT_MS.entries()) {
          await sleep(at - previous);
          previous = at;
          if (index === 0) {
            writeFileSync(
              path.join(contentDir, `qua-lon-${round}.md`),
              hostileReport(fill(2048 * 1024, () => "UBND ")),
            );
            continue;
          }
          for (const [kind, { body }] of accepted.entries()) {
            writeFileSync(
              path.join(contentDir, `thu-${round}-${kind}.md`),
              hostileReport(body, `Bài thử ${round}.${kind}`),
            );
          }
        }
      };
      const publishing = await measure(server, url, saves);
      rows.push({ baseline, publishing });
      console.error(`${label}, round ${round} done`);
    }
    return rows;
  } finally {
    await server.stop();
  }
}

const ms = (value: number) => (value < 10 ? value.toFixed(1) : Math.round(value).toString());
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cells = (window: Window) =>
  [window.wrk.p50Ms, window.wrk.p99Ms, window.wrk.maxMs, window.loopMaxMs].map(ms).join(" | ");

try {
  const accepted = largestAccepted();
  console.log(
    `Saved in each publishing window: a 2 MB body of "UBND " (refused by the size limit), then twice:`,
  );
  for (const { name } of accepted) console.log(`- ${name}`);
  console.log(
    `\n| parsing | round | window | p50 (ms) | p99 (ms) | max (ms) | main thread's longest event-loop delay (ms) | requests/s | failed |`,
  );
  console.log(`| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
  const summary: string[] = [];
  for (const [label, withWorker] of [
    ["worker thread", true],
    ["request thread", false],
  ] as const) {
    const rows = await variant(label, withWorker, accepted);
    for (const [index, row] of rows.entries()) {
      for (const [window, result] of [
        ["baseline", row.baseline],
        ["publishing", row.publishing],
      ] as const) {
        console.log(
          `| ${label} | ${index + 1} | ${window} | ${cells(result)} | ${Math.round(result.wrk.requestsPerSecond)} | ${result.wrk.failed} |`,
        );
      }
    }
    const of = (pick: (row: { baseline: Window; publishing: Window }) => number) => median(rows.map(pick));
    summary.push(
      `| ${label} | ${ms(of((row) => row.baseline.wrk.p99Ms))} | ${ms(of((row) => row.publishing.wrk.p99Ms))} | ${of((row) => row.publishing.wrk.p99Ms / row.baseline.wrk.p99Ms).toFixed(2)} | ${ms(of((row) => row.baseline.wrk.maxMs))} | ${ms(of((row) => row.publishing.wrk.maxMs))} | ${ms(of((row) => row.baseline.loopMaxMs))} | ${ms(of((row) => row.publishing.loopMaxMs))} |`,
    );
  }
  console.log(`\nMedians of the ${ROUNDS} rounds:\n`);
  console.log(
    `| parsing | p99 baseline (ms) | p99 publishing (ms) | p99 ratio | max baseline (ms) | max publishing (ms) | loop delay baseline (ms) | loop delay publishing (ms) |`,
  );
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  for (const line of summary) console.log(line);
} finally {
  rmSync(work, { recursive: true, force: true });
}
