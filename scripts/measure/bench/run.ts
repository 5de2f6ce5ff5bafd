// `npm run bench [-- --quick | --sizes=1000,10000 | --search | --archive-scale]`: the site at 100, 1,000 and 10,000 synthetic reports beside a bare
// one-page Next.js app, built and served the same way in the same run, then the search index alone
// at 1,000, 10,000 and 100,000 (`--search`: only that; `--search --sizes=500000`: at the sizes named). Prints a Markdown table per size, one line
// per budget, and writes the figures to bench-results/. A benchmark, not a test: it never fails
// on a slow machine, it reports. A size of 100,000 or more in `--sizes=`, or `--archive-scale`,
// runs the archive-scale part instead (archive-scale.ts): one table, a column per size, and a chart.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { XMLParser } from "fast-xml-parser";
import { BUILD_CHECK_ID } from "../../../lib/content/refresh";
import { pageWeight, type PageWeight } from "../page-weight";
import { BARE_APP_DIR, makeBareApp } from "./bare-app";
import { exited, groupMemory, startGroup, stopGroup, waitForHttp } from "./processes";
import { measurePublishing, type PublishingFigures, type Spread } from "./publishing";
import {
  ARCHIVE_DIST_DIR,
  type ArchiveScaleFigures,
  measureArchiveScale,
  printArchiveScale,
} from "./archive-scale";
import { scaleChartSvg } from "./scale-chart";
import { benchSearchIndex, QUERY_MIX, type SearchBenchRow } from "./search";
import { writeSyntheticReports } from "./synthetic-reports";

const quick = process.argv.includes("--quick");
// `--search` measures only the search index (no Next build).
const searchOnly = process.argv.includes("--search");
/** A query whose words are in nearly every synthetic report: search's worst case. */
const SEARCH_PATH = "/tim-kiem?q=cong+tac";
// `--sizes=10000` measures only the sizes named.
const sizesArgument = process.argv.find((arg) => arg.startsWith("--sizes="));
const SIZES = sizesArgument
  ? sizesArgument.slice("--sizes=".length).split(",").map(Number)
  : quick
    ? [100, 1000]
    : [100, 1000, 10_000];
const SEARCH_SIZES = searchOnly && sizesArgument ? SIZES : quick ? [1000, 10_000] : [1000, 10_000, 100_000];
// Archive scale: the whole site per size as an operator runs it (the default run never does this).
// `--keep` (archive scale): the sizes' content, stores and server data, and the last build, stay.
const keep = process.argv.includes("--keep");
const archiveScale =
  !searchOnly && (process.argv.includes("--archive-scale") || SIZES.some((size) => size >= 100_000));
const ARCHIVE_SIZES = sizesArgument ? SIZES : quick ? [1000, 10_000] : [10_000, 100_000, 500_000];
const ARCHIVE_PORT = 3650;
const LOAD_SECONDS = quick ? 5 : 10;
const CONNECTIONS = [10, 100];
const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const SITE_PORT = 3610;
const BARE_PORT = 3620;
const LIVE_PORT = 3630;

interface BuildFigures {
  /** `npm run check-content`, which parses the archive into the store the build reads, and the search index's step (0 for the bare app). */
  checkSeconds: number;
  /** The check, the search index and `next build`, as `npm run build` runs them. */
  wallSeconds: number;
  /** Peak of the process group's summed RSS: shared pages counted once per process. */
  peakResidentMB: number;
  /** Peak of the group's summed PSS: each shared page counted once overall. */
  peakProportionalMB: number;
  pages: number;
}
interface LoadFigures {
  path: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  bareRequestsPerSecond: number;
  /** The bare app's page as heavy as a report: only for the report and the home page. */
  sameSizeBareRequestsPerSecond: number | null;
}
interface SizeFigures {
  reports: number;
  loaders: { totalMs: number; perReportMs: number; maxReadsPerFile: number };
  build: BuildFigures;
  load: LoadFigures[];
  weight: { home: PageWeight; report: PageWeight; listing: PageWeight | null };
  /** Uncompressed HTML bytes as served (the load test asks for no compression). */
  rawBytes: { home: number; report: number; sameSizeBare: number };
  feedItems: number;
  sitemap: { kind: string; urls: number };
  publishing: PublishingFigures;
}

const env = (extra: Record<string, string>) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra });

async function build(cwd: string, given: Record<string, string>, check: boolean): Promise<BuildFigures> {
  const started = performance.now();
  // As `npm run build` (scripts/build.ts): the workers take the store as this check left it.
  const extraEnv = check ? { ...given, [BUILD_CHECK_ID]: randomUUID() } : given;
  if (check) {
    const checker = startGroup(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts/check-content.ts"), "--index-search"],
      { cwd, env: env(extraEnv) },
    );
    if ((await exited(checker)) !== 0) throw new Error("npm run check-content failed");
  }
  const checkSeconds = (performance.now() - started) / 1000;
  const child = startGroup(process.execPath, [NEXT_BIN, "build"], {
    cwd,
    env: env(extraEnv),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const peak = { rss: 0, pss: 0 };
  const sampler = setInterval(() => {
    if (!child.pid) return;
    const now = groupMemory(child.pid);
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
  }, 250);
  const timeout = setTimeout(() => stopGroup(child), 20 * 60_000);
  const code = await exited(child);
  clearInterval(sampler);
  clearTimeout(timeout);
  if (code !== 0) throw new Error(`next build failed in ${cwd}:\n${output.slice(-3000)}`);
  const generated = [...output.matchAll(/\((\d+)\/(\d+)\)/g)].at(-1);
  return {
    checkSeconds,
    wallSeconds: (performance.now() - started) / 1000,
    peakResidentMB: peak.rss / 2 ** 20,
    peakProportionalMB: peak.pss / 2 ** 20,
    pages: generated ? Number(generated[2]) : 0,
  };
}

async function serve(cwd: string, port: number, extraEnv: Record<string, string>) {
  const child = startGroup(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    env: env(extraEnv),
  });
  await waitForHttp(`http://127.0.0.1:${port}/`);
  return child;
}

async function hammer(url: string, connections: number) {
  const result = await autocannon({ url, connections, duration: LOAD_SECONDS });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function loaderFigures(contentDir: string): Promise<SizeFigures["loaders"]> {
  const child = startGroup(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "scripts/measure/bench/time-loaders.ts")],
    {
      env: env({ CONTENT_DIR: contentDir }),
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return exited(child).then(() => {
    const figures = JSON.parse(output) as { loadMs: number; perReportMs: number; maxReadsPerFile: number };
    return {
      totalMs: figures.loadMs,
      perReportMs: figures.perReportMs,
      maxReadsPerFile: figures.maxReadsPerFile,
    };
  });
}

/** Bytes of a page as served without compression. */
async function rawBytes(url: string): Promise<number> {
  return (await (await fetch(url, { headers: { "accept-encoding": "identity" } })).arrayBuffer()).byteLength;
}

async function countFeedItems(base: string): Promise<number> {
  const xml = await (await fetch(`${base}/feed.xml`)).text();
  return (xml.match(/<item>/g) ?? []).length;
}

async function sitemapShape(base: string): Promise<SizeFigures["sitemap"]> {
  const parsed = new XMLParser().parse(await (await fetch(`${base}/sitemap.xml`)).text()) as Record<
    string,
    { url?: unknown[] | unknown; sitemap?: unknown[] | unknown }
  >;
  if (parsed.sitemapindex) {
    const entries = parsed.sitemapindex.sitemap;
    return { kind: "index", urls: Array.isArray(entries) ? entries.length : 1 };
  }
  const urls = parsed.urlset?.url;
  return { kind: "urlset", urls: Array.isArray(urls) ? urls.length : urls ? 1 : 0 };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function printSize(figures: SizeFigures, bareWeight: PageWeight): void {
  const { reports, loaders, build: b, load, weight } = figures;
  console.log(`\n### ${reports.toLocaleString("en")} reports\n`);
  console.log("| measure | value |\n|---|---:|");
  console.log(`| loaders, all reports (ms) | ${loaders.totalMs.toFixed(0)} |`);
  console.log(`| loaders, per report (ms) | ${loaders.perReportMs.toFixed(3)} |`);
  console.log(`| reads of one file, most (per process) | ${loaders.maxReadsPerFile} |`);
  console.log(
    `| npm run build: check-content and search index + next build (s) | ${b.checkSeconds.toFixed(1)} + ${(b.wallSeconds - b.checkSeconds).toFixed(1)} = ${b.wallSeconds.toFixed(1)} |`,
  );
  console.log(
    `| next build peak memory, PSS / summed RSS (MB) | ${b.peakProportionalMB.toFixed(0)} / ${b.peakResidentMB.toFixed(0)} |`,
  );
  console.log(`| pages built | ${b.pages} |`);
  console.log(
    `| home HTML / JS, gzip (KB) | ${kb(weight.home.htmlBytes)} / ${kb(weight.home.javascriptBytes)} |`,
  );
  console.log(
    `| report HTML / JS, gzip (KB) | ${kb(weight.report.htmlBytes)} / ${kb(weight.report.javascriptBytes)} |`,
  );
  if (weight.listing) console.log(`| listing page 2 HTML, gzip (KB) | ${kb(weight.listing.htmlBytes)} |`);
  console.log(
    `| bare page HTML / JS, gzip (KB) | ${kb(bareWeight.htmlBytes)} / ${kb(bareWeight.javascriptBytes)} |`,
  );
  console.log(
    `| uncompressed HTML: home / report / same-size bare page (KB) | ${kb(figures.rawBytes.home)} / ${kb(figures.rawBytes.report)} / ${kb(figures.rawBytes.sameSizeBare)} |`,
  );
  console.log(`| feed items | ${figures.feedItems} |`);
  const p = figures.publishing;
  const ms = (s: Spread) => (s.max === 0 ? "—" : `${s.p50.toFixed(0)} / ${s.max.toFixed(0)}`);
  console.log(`| live server: first answer after start (ms) | ${p.firstAnswerMs.toFixed(0)} |`);
  console.log(`| publish, p50 / max (ms): new file → its page | ${ms(p.added)} |`);
  console.log(`| publish, p50 / max (ms): new file → on the home page | ${ms(p.addedOnHome)} |`);
  console.log(`| publish, p50 / max (ms): edit → new title on its page | ${ms(p.edited)} |`);
  console.log(`| publish, p50 / max (ms): delete → 404 | ${ms(p.deleted)} |`);
  console.log(
    `| files read by one publish, most / reads of one file, most | ${p.filesReadPerPublish} / ${p.readsOfOneFilePerPublish} |`,
  );
  const spreadCell = (s: Spread) =>
    s.max === 0 ? "— (all prerendered)" : `${s.p50.toFixed(1)} / ${s.p99.toFixed(1)}`;
  console.log(`| report not prerendered, first request p50 / p99 (ms) | ${spreadCell(p.firstRequest)} |`);
  console.log(`| the same, second request p50 / p99 (ms) | ${spreadCell(p.repeatRequest)} |`);
  console.log(`| a prerendered report p50 / p99 (ms) | ${spreadCell(p.prerenderedRequest)} |`);
  console.log(
    `| server memory after every report requested once, RSS (MB) | ${p.memoryAfterAllMB.toFixed(0)} |`,
  );
  const m = p.madeUp;
  console.log(
    `| ${m.requests.toLocaleString("en")} made-up addresses (${m.statuses}): RSS before → after (MB) | ${m.rssBeforeMB.toFixed(0)} → ${m.rssAfterMB.toFixed(0)} |`,
  );
  console.log(
    `| the same: page cache files (bytes) before → after | ${m.cacheBefore.files} (${m.cacheBefore.bytes}) → ${m.cacheAfter.files} (${m.cacheAfter.bytes}) |`,
  );
  console.log(`| sitemap | ${figures.sitemap.kind}, ${figures.sitemap.urls} entries |`);
  console.log(
    "\n| page | connections | req/s | bare req/s | ratio | same-size bare req/s | ratio | p50 ms | p99 ms | errors | non-2xx |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of load) {
    const ratio = row.requestsPerSecond / row.bareRequestsPerSecond;
    const sameSize = row.sameSizeBareRequestsPerSecond;
    const sameSizeCells = sameSize
      ? `${sameSize.toFixed(0)} | ${(row.requestsPerSecond / sameSize).toFixed(2)}`
      : "— | —";
    console.log(
      `| ${row.path} | ${row.connections} | ${row.requestsPerSecond.toFixed(0)} | ${row.bareRequestsPerSecond.toFixed(0)} | ${ratio.toFixed(2)} | ${sameSizeCells} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.non2xx} |`,
    );
  }
}

interface Budget {
  name: string;
  figure: string;
  budget: string;
  pass: boolean | null;
  /** Not one of the budgets: a figure that explains one. */
  diagnostic?: boolean;
}

function budgets(sizes: SizeFigures[], bare: { weight: PageWeight; build: BuildFigures }): Budget[] {
  const largest = sizes.at(-1) as SizeFigures;
  const tenThousand = sizes.find((s) => s.reports === 10_000) ?? null;
  const thousand = sizes.find((s) => s.reports === 1000) ?? null;
  const lines: Budget[] = [];
  const jsRatio = largest.weight.report.javascriptBytes / bare.weight.javascriptBytes;
  lines.push({
    name: "report JS vs bare page (gzip)",
    figure: `${jsRatio.toFixed(3)}×`,
    budget: "≤ 1.05×",
    pass: jsRatio <= 1.05,
  });
  for (const [name, weight] of [
    ["home", largest.weight.home],
    ["listing page 2", largest.weight.listing],
  ] as const) {
    if (!weight) continue;
    lines.push({
      name: `${name} HTML at ${largest.reports} reports (gzip)`,
      figure: `${kb(weight.htmlBytes)} KB`,
      budget: "≤ 40 KB",
      pass: weight.htmlBytes <= 40 * 1024,
    });
  }
  lines.push({
    name: "feed carries the newest 50",
    figure: `${largest.feedItems} items`,
    budget: "= 50",
    pass: largest.feedItems === 50,
  });
  lines.push({
    name: "sitemap valid (≤ 50,000 entries per file)",
    figure: `${largest.sitemap.kind}, ${largest.sitemap.urls}`,
    budget: "≤ 50,000",
    pass: largest.sitemap.urls <= 50_000,
  });
  for (const size of sizes) {
    for (const pagePath of ["report", "/"]) {
      const row = size.load.find(
        (r) => r.connections === 100 && (pagePath === "/" ? r.path === "/" : r.path.startsWith("/bai-viet/")),
      );
      if (!row || (pagePath === "/" && size !== largest)) continue;
      const ratio = row.requestsPerSecond / row.bareRequestsPerSecond;
      lines.push({
        name: `${pagePath === "/" ? "home" : "report"} req/s vs bare at ${size.reports} reports (100 conn.)`,
        figure: `${ratio.toFixed(2)}×`,
        budget: "≥ 0.9×",
        pass: ratio >= 0.9,
      });
      if (row.sameSizeBareRequestsPerSecond) {
        // Not the budget: the same ratio against a bare page of the same weight, which
        // separates what the site's code costs from what serving its bytes costs.
        const sameSizeRatio = row.requestsPerSecond / row.sameSizeBareRequestsPerSecond;
        lines.push({
          name: `${pagePath === "/" ? "home" : "report"} req/s vs a bare page of the same weight at ${size.reports} reports (100 conn.)`,
          figure: `${sameSizeRatio.toFixed(2)}×`,
          budget: "≥ 0.9×, a diagnostic",
          pass: sameSizeRatio >= 0.9,
          diagnostic: true,
        });
      }
    }
  }
  const searchRow = largest.load.find((row) => row.connections === 100 && row.path === SEARCH_PATH);
  const reportRow = largest.load.find((row) => row.connections === 100 && row.path.startsWith("/bai-viet/"));
  if (searchRow && reportRow) {
    // Results are rendered for each request (no page cache), a report comes from the cache.
    lines.push({
      name: `search results page (${SEARCH_PATH}) req/s vs a report's at ${largest.reports} reports (100 conn.)`,
      figure: `${searchRow.requestsPerSecond.toFixed(0)} vs ${reportRow.requestsPerSecond.toFixed(0)} req/s (p99 ${searchRow.p99} vs ${reportRow.p99} ms)`,
      budget: "a figure to watch",
      pass: null,
      diagnostic: true,
    });
  }
  if (tenThousand) {
    lines.push({
      name: "10,000 reports build time (npm run build, store cold: every file parsed once)",
      figure: `${tenThousand.build.wallSeconds.toFixed(0)} s (check-content ${tenThousand.build.checkSeconds.toFixed(0)} s)`,
      budget: "≤ 60 s",
      pass: tenThousand.build.wallSeconds <= 60,
    });
    const live = tenThousand.publishing;
    lines.push({
      name: "10,000 reports: live server's first answer after start",
      figure: `${live.firstAnswerMs.toFixed(0)} ms`,
      budget: "≤ 5000 ms",
      pass: live.firstAnswerMs <= 5000,
    });
    lines.push({
      name: "10,000 reports: a report not prerendered, first request p50",
      figure: `${live.firstRequest.p50.toFixed(0)} ms (p99 ${live.firstRequest.p99.toFixed(0)} ms)`,
      budget: "≤ 300 ms",
      pass: live.firstRequest.p50 <= 300,
    });
    lines.push({
      name: "10,000 reports: its second request p50 vs a prerendered report's",
      figure: `${live.repeatRequest.p50.toFixed(1)} ms vs ${live.prerenderedRequest.p50.toFixed(1)} ms`,
      budget: "≤ 1.5×",
      pass: live.repeatRequest.p50 <= 1.5 * live.prerenderedRequest.p50,
    });
    lines.push({
      name: "10,000 reports: server memory after every report requested once",
      figure: `${live.memoryAfterAllMB.toFixed(0)} MB RSS`,
      budget: "≤ 600 MB",
      pass: live.memoryAfterAllMB <= 600,
    });
    lines.push({
      name: "10,000 reports build peak memory (PSS of all build processes)",
      figure: `${tenThousand.build.peakProportionalMB.toFixed(0)} MB (summed RSS ${tenThousand.build.peakResidentMB.toFixed(0)} MB)`,
      budget: "≤ 2048 MB",
      pass: tenThousand.build.peakProportionalMB <= 2048,
    });
  } else {
    lines.push({
      name: "10,000 reports build time and memory",
      figure: "not measured (--quick)",
      budget: "≤ 60 s, ≤ 2 GB",
      pass: null,
    });
  }
  if (thousand && tenThousand) {
    // Only the newest reports are prerendered: beyond the one parse of the archive (check-content),
    // the build should cost about the same at any size.
    const nextBuild = (size: SizeFigures) => size.build.wallSeconds - size.build.checkSeconds;
    const ratio = nextBuild(tenThousand) / nextBuild(thousand);
    lines.push({
      name: "next build time, 10,000 vs 1,000 reports (check-content apart)",
      figure: `${ratio.toFixed(2)}×`,
      budget: "≤ 1.5×",
      pass: ratio <= 1.5,
    });
    const loaderRatio = tenThousand.loaders.perReportMs / thousand.loaders.perReportMs;
    lines.push({
      name: "loader cost per report, 10,000 vs 1,000",
      figure: `${loaderRatio.toFixed(2)}×`,
      budget: "≤ 1.5×",
      pass: loaderRatio <= 1.5,
    });
  }
  for (const size of sizes) {
    const live = size.publishing;
    for (const [what, figures] of [
      ["new file → its page", live.added],
      ["new file → home page", live.addedOnHome],
      ["edit → its page", live.edited],
      ["delete → 404", live.deleted],
    ] as const) {
      lines.push({
        name: `publish at ${size.reports} reports, ${what} (p50 / max of 20)`,
        figure: `${figures.p50.toFixed(0)} / ${figures.max.toFixed(0)} ms`,
        budget: "max ≤ 5000 ms (aim p50 ≤ 2000)",
        pass: figures.max <= 5000,
      });
    }
    lines.push({
      name: `${live.madeUp.requests} made-up addresses at ${size.reports} reports leave the page cache as it was`,
      figure: `${live.madeUp.cacheBefore.files} → ${live.madeUp.cacheAfter.files} files, RSS ${live.madeUp.rssBeforeMB.toFixed(0)} → ${live.madeUp.rssAfterMB.toFixed(0)} MB`,
      budget: "files unchanged, RSS within 50 MB",
      pass:
        live.madeUp.cacheAfter.files === live.madeUp.cacheBefore.files &&
        live.madeUp.rssAfterMB - live.madeUp.rssBeforeMB <= 50,
    });
    lines.push({
      name: `publish at ${size.reports} reports reads only the changed file, once`,
      figure: `${live.filesReadPerPublish} file(s), ${live.readsOfOneFilePerPublish} read(s)`,
      budget: "1 file, 1 read",
      pass: live.filesReadPerPublish <= 1 && live.readsOfOneFilePerPublish <= 1,
    });
  }
  return lines;
}

/**
 * Waits until the server has indexed the whole archive for search (it does so in the background
 * after starting, newest first): the oldest report is found.
 */
async function searchIndexed(base: string, contentDir: string, slugs: string[]): Promise<void> {
  const dated = slugs.map((slug) => ({
    slug,
    date: /^date: (.+)$/m.exec(readFileSync(path.join(contentDir, `${slug}.md`), "utf8"))?.[1] ?? "",
  }));
  const oldest = dated.reduce((a, b) => (b.date < a.date ? b : a));
  const title = /^title: "(Bài thử nghiệm \d+)/m.exec(
    readFileSync(path.join(contentDir, `${oldest.slug}.md`), "utf8"),
  );
  const url = `${base}/tim-kiem?q=${encodeURIComponent(title?.[1] ?? oldest.slug)}`;
  const deadline = Date.now() + 15 * 60_000;
  while (!(await (await fetch(url)).text()).includes(`href="/bai-viet/${oldest.slug}"`)) {
    if (Date.now() > deadline) throw new Error(`search never found ${oldest.slug}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function printSearchIndex(rows: SearchBenchRow[]): void {
  console.log("\n## Search index (SQLite FTS5), without the site\n");
  console.log(
    `Query mix: ${QUERY_MIX.length} queries (one to three syllables, with and without diacritics, filters, an order, a later page) × 5 rounds.\n`,
  );
  console.log(
    "| reports | parse (s) | index build (s) | size on disk (MB) | query p50 (ms) | query p99 (ms) | slowest query | one report's update (ms, median of 20) |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---|---:|");
  for (const row of rows) {
    console.log(
      `| ${row.reports.toLocaleString("en")} | ${row.loadSeconds.toFixed(1)} | ${row.buildSeconds.toFixed(1)} | ${row.megabytes.toFixed(1)} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.slowest} | ${row.updateMs.toFixed(1)} |`,
    );
  }
}

function searchBudgets(rows: SearchBenchRow[]): Budget[] {
  const largest = rows.at(-1);
  if (!largest) return [];
  return [
    {
      name: `search at ${largest.reports} reports, query p50`,
      figure: `${largest.p50.toFixed(1)} ms`,
      budget: "≤ 20 ms",
      pass: largest.reports >= 100_000 ? largest.p50 <= 20 : null,
    },
    {
      name: `search at ${largest.reports} reports, query p99`,
      figure: `${largest.p99.toFixed(1)} ms`,
      budget: "≤ 150 ms",
      pass: largest.reports >= 100_000 ? largest.p99 <= 150 : null,
    },
    {
      name: `search at ${largest.reports} reports, one report's update`,
      figure: `${largest.updateMs.toFixed(1)} ms`,
      budget: "≤ 50 ms",
      pass: largest.reports >= 100_000 ? largest.updateMs <= 50 : null,
    },
  ];
}

function printBudgets(lines: Budget[]): void {
  console.log("\n## Budgets\n");
  for (const line of lines) {
    const verdict = line.diagnostic ? "info" : line.pass === null ? "—" : line.pass ? "PASS" : "MISS";
    console.log(`${verdict.padEnd(4)}  ${line.name}: ${line.figure} (budget ${line.budget})`);
  }
}

/**
 * Each size in turn, the figures saved after each (a 500,000 run takes hours); a size that fails
 * ends the run with the sizes measured so far.
 */
async function runArchiveScale(): Promise<void> {
  const startedAt = new Date();
  const machine = `${cpus().length} cores, Node ${process.version}`;
  console.log(`# Archive scale ${startedAt.toISOString()} (${quick ? "quick" : "full"}): ${machine}`);
  mkdirSync("bench-results", { recursive: true });
  const stem = path.join("bench-results", `archive-scale-${startedAt.toISOString().replace(/[:.]/g, "-")}`);
  const work = mkdtempSync(path.join(tmpdir(), "bench-archive-"));
  const sizes: ArchiveScaleFigures[] = [];
  try {
    for (const reports of ARCHIVE_SIZES) {
      console.log(`\n${reports.toLocaleString("en")} reports:`);
      try {
        sizes.push(
          await measureArchiveScale({
            reports,
            workDir: path.join(work, String(reports)),
            port: ARCHIVE_PORT,
            requests: quick ? 4000 : 20_000,
            requestSeconds: quick ? 300 : 1800,
            publishes: quick ? 5 : 20,
            keep,
          }),
        );
      } catch (error) {
        console.log(`  stopped: ${error instanceof Error ? error.message : String(error)}`);
        break;
      }
      writeFileSync(`${stem}.json`, JSON.stringify({ startedAt, quick, machine, sizes }, null, 2));
    }
  } finally {
    if (keep) console.log(`\nKept (--keep): ${work}, and the last size's build in ${ARCHIVE_DIST_DIR}`);
    else rmSync(work, { recursive: true, force: true });
  }
  if (sizes.length === 0) return;
  printArchiveScale(sizes);
  const caption = `Archive scale, ${startedAt.toISOString().slice(0, 10)}, ${machine}`;
  writeFileSync(`${stem}.svg`, scaleChartSvg(sizes, caption));
  console.log(`\nFigures written to ${stem}.json, the chart to ${stem}.svg`);
}

async function main(): Promise<void> {
  if (archiveScale) {
    await runArchiveScale();
    return;
  }
  if (searchOnly) {
    const rows = SEARCH_SIZES.map((reports) => benchSearchIndex(reports));
    printSearchIndex(rows);
    printBudgets(searchBudgets(rows));
    return;
  }
  const work = mkdtempSync(path.join(tmpdir(), "bench-"));
  const startedAt = new Date();
  console.log(
    `# Benchmark ${startedAt.toISOString()} (${quick ? "quick" : "full"}): ${cpus().length} cores, Node ${process.version}`,
  );
  try {
    // Inside the checkout, so Turbopack resolves `next` from the same node_modules (it refuses a
    // symlinked node_modules outside its root).
    const bareDir = BARE_APP_DIR;
    rmSync(bareDir, { recursive: true, force: true });
    makeBareApp(bareDir);
    const bareBuild = await build(bareDir, {}, false);
    const bareServer = await serve(bareDir, BARE_PORT, {});
    const bareBase = `http://127.0.0.1:${BARE_PORT}`;
    const bareWeight = await pageWeight(`${bareBase}/`);
    console.log(
      `\nBare page: build ${bareBuild.wallSeconds.toFixed(1)} s, peak PSS ${bareBuild.peakProportionalMB.toFixed(0)} MB`,
    );

    const sizes: SizeFigures[] = [];
    for (const reports of SIZES) {
      const contentDir = path.join(work, `content-${reports}`);
      const slugs = writeSyntheticReports({ count: reports, directory: contentDir });
      const loaders = await loaderFigures(contentDir);
      const siteEnv = { CONTENT_DIR: contentDir, NEXT_DIST_DIR: ".next-bench" };
      const siteBuild = await build(ROOT, siteEnv, true);
      const server = await serve(ROOT, SITE_PORT, siteEnv);
      const base = `http://127.0.0.1:${SITE_PORT}`;
      const reportPath = `/bai-viet/${slugs[Math.floor(slugs.length / 2)]}`;
      await searchIndexed(base, contentDir, slugs);
      const paths = [
        "/",
        reportPath,
        ...(reports > 20 ? ["/trang/2"] : []),
        "/feed.xml",
        "/sitemap.xml",
        SEARCH_PATH,
      ];
      const load: LoadFigures[] = [];
      for (const connections of CONNECTIONS) {
        for (const pagePath of paths) {
          // The bare page is measured just before each page, so both meet the same machine state.
          const bareFigures = await hammer(`${bareBase}/`, connections);
          const sameSize =
            pagePath === "/" || pagePath === reportPath
              ? await hammer(`${bareBase}/trang-dai`, connections)
              : null;
          const figures = await hammer(`${base}${pagePath}`, connections);
          load.push({
            path: pagePath,
            connections,
            ...figures,
            bareRequestsPerSecond: bareFigures.requestsPerSecond,
            sameSizeBareRequestsPerSecond: sameSize?.requestsPerSecond ?? null,
          });
        }
      }
      const figures: SizeFigures = {
        reports,
        loaders,
        build: siteBuild,
        load,
        weight: {
          home: await pageWeight(`${base}/`),
          report: await pageWeight(`${base}${reportPath}`),
          listing: reports > 20 ? await pageWeight(`${base}/trang/2`) : null,
        },
        rawBytes: {
          home: await rawBytes(`${base}/`),
          report: await rawBytes(`${base}${reportPath}`),
          sameSizeBare: await rawBytes(`${bareBase}/trang-dai`),
        },
        feedItems: await countFeedItems(base),
        sitemap: await sitemapShape(base),
        publishing: await (async () => {
          stopGroup(server);
          return measurePublishing({
            distDir: ".next-bench",
            contentDir,
            publicDir: path.join(ROOT, "public"),
            port: LIVE_PORT,
            slugs,
          });
        })(),
      };
      rmSync(contentDir, { recursive: true, force: true });
      sizes.push(figures);
      printSize(figures, bareWeight);
    }
    stopGroup(bareServer);

    const searchRows = SEARCH_SIZES.map((reports) => benchSearchIndex(reports));
    printSearchIndex(searchRows);
    const lines = [...budgets(sizes, { weight: bareWeight, build: bareBuild }), ...searchBudgets(searchRows)];
    printBudgets(lines);
    mkdirSync("bench-results", { recursive: true });
    const file = path.join("bench-results", `bench-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          startedAt,
          quick,
          cores: cpus().length,
          node: process.version,
          bare: { build: bareBuild, weight: bareWeight },
          sizes,
          search: searchRows,
          budgets: lines,
        },
        null,
        2,
      ),
    );
    console.log(`\nFigures written to ${file}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(path.join(ROOT, ".bench-bare"), { recursive: true, force: true });
  }
}

await main();
process.exit(0);
