// `npm run lighthouse [-- --runs=5 --reuse-build --hide-scrollbars --compare=name=http://127.0.0.1:PORT/path]`:
// Lighthouse's mobile preset, through Debian's Chromium, on the home page and the seed report of a
// production build served on 127.0.0.1, beside the bare one-page Next app (what Next alone costs)
// served the same way. One warm-up load of each page, then rounds that take the pages in turn, so a
// slow moment of the machine falls on all of them. Prints each page's runs, medians, LCP element and
// its phases, then a summary against the bare page. A measurement, not a test: it exits 0 unless it
// cannot run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BARE_APP_DIR, ensureBareBuild } from "../bench/bare-app";
import { startGroup, stopGroup, waitForHttp } from "../bench/processes";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../../tools/chromium";
import { SEED_PATH } from "../../../tests/e2e/seed-report";
import {
  medianRun,
  medians,
  phasesLine,
  runFigures,
  runsTable,
  seconds,
  stalledRuns,
  type LighthouseReport,
  type RunFigures,
} from "../../../tools/measure/lighthouse-figures";

const SITE_PORT = 3700;
const BARE_PORT = 3701;
const DIST = ".next-lighthouse";
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const option = (name: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(option("runs") ?? 5);
const REUSE_BUILD = process.argv.includes("--reuse-build");
// A diagnosis, not the measurement: headless Chromium animates its overlay scrollbar while the
// page's first frame is being made, and a long first frame then waits a whole second for the
// compositor (docs/do-luong/2026-11-27-scrollbar-stall.md). Playwright always hides scrollbars,
// which is why its loads never show that second.
const HIDE_SCROLLBARS = process.argv.includes("--hide-scrollbars");
const MODE = HIDE_SCROLLBARS ? ", scrollbars hidden" : "";
const CHROME_FLAGS = [
  "--headless=new",
  ...CHROMIUM_ARGS,
  ...(HIDE_SCROLLBARS ? ["--hide-scrollbars"] : []),
].join(" ");

interface Page {
  name: string;
  url: string;
}

const site = (pathname: string) => `http://127.0.0.1:${SITE_PORT}${pathname}`;
const BARE: Page = { name: "bare page", url: `http://127.0.0.1:${BARE_PORT}/` };
const pages: Page[] = [
  BARE,
  { name: "home", url: site("/") },
  { name: "report", url: site(SEED_PATH) },
  ...process.argv
    .filter((arg) => arg.startsWith("--compare="))
    .map((arg) => {
      const [name, url] = arg.slice("--compare=".length).split(/=(.*)/s);
      return { name, url };
    }),
];

const env = { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" };

/**
 * A fresh server encodes each resized photo on its first request, as it would for the first
 * reader after a deployment. Requesting every size once first measures what readers after that
 * one get (and what a CDN serves).
 */
async function warmImageCache(pageUrl: string): Promise<void> {
  const html = await (await fetch(pageUrl)).text();
  const candidates = [...html.matchAll(/(?:srcSet|imageSrcSet|imagesrcset|srcset)="([^"]+)"/g)].flatMap(
    (match) => match[1].split(",").map((entry) => entry.trim().split(" ")[0]),
  );
  for (const candidate of new Set(candidates)) {
    const url = new URL(candidate.replaceAll("&amp;", "&"), pageUrl);
    await fetch(url, { headers: { accept: "image/avif,image/webp,image/*,*/*;q=0.8" } });
  }
}

function lighthouse(url: string, output: string): LighthouseReport {
  const run = spawnSync(
    process.execPath,
    [
      "node_modules/lighthouse/cli/index.js",
      url,
      `--chrome-flags=${CHROME_FLAGS}`,
      "--output=json",
      `--output-path=${output}`,
      "--quiet",
    ],
    {
      env: { ...process.env, ...(CHROMIUM_PATH ? { CHROME_PATH: CHROMIUM_PATH } : {}) },
      stdio: "inherit",
      timeout: 180_000,
    },
  );
  if (run.status !== 0) throw new Error(`Lighthouse failed on ${url}`);
  return JSON.parse(readFileSync(output, "utf8")) as LighthouseReport;
}

function build(): void {
  if (REUSE_BUILD && existsSync(path.join(DIST, "BUILD_ID"))) return;
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function failingAudits(report: LighthouseReport): string[] {
  return Object.entries(report.audits)
    .filter(
      ([, audit]) =>
        audit.score !== null &&
        audit.score < 1 &&
        ["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode),
    )
    .map(
      ([id, audit]) =>
        `${id}: ${audit.title} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ""})`,
    );
}

function summary(results: Map<string, { runs: RunFigures[]; reports: LighthouseReport[] }>): void {
  const bare = medians(results.get(BARE.name)!.runs);
  console.log(`\n## Summary: medians of ${RUNS} runs${MODE}\n`);
  console.log(
    "| page | performance | LCP (s) | TBT (ms) | FCP (s) | CLS | accessibility | best practices | SEO | stalled runs |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  const pageMedians = [...results].map(
    ([name, { runs }]) => [name, medians(runs), stalledRuns(runs)] as const,
  );
  for (const [name, page, stalled] of pageMedians) {
    console.log(
      `| ${name} | ${page.performance} | ${seconds(page.lcp)} | ${Math.round(page.tbt)} | ${seconds(page.fcp)} | ${page.cls.toFixed(3)} | ${page.accessibility} | ${page.bestPractices} | ${page.seo} | ${stalled} of ${RUNS} |`,
    );
  }
  console.log("");
  for (const [name, page] of pageMedians) {
    if (name === BARE.name) continue;
    const checks = [
      [
        `performance ${page.performance} ≥ bare page's ${bare.performance}`,
        page.performance >= bare.performance,
      ],
      [`LCP ${seconds(page.lcp)} s ≤ 2.0 s`, page.lcp <= 2000],
      [`TBT ${Math.round(page.tbt)} ms ≤ bare page's ${Math.round(bare.tbt)} ms`, page.tbt <= bare.tbt],
      [
        "accessibility, best practices, SEO all 100",
        page.accessibility === 100 && page.bestPractices === 100 && page.seo === 100,
      ],
    ] as const;
    for (const [text, met] of checks) console.log(`${met ? "meets " : "misses"}  ${name}: ${text}`);
  }
}

/** A server left running on a port would answer in place of this build's: refuse to measure it. */
async function ensurePortFree(port: number): Promise<void> {
  try {
    await fetch(`http://127.0.0.1:${port}/`);
  } catch {
    return;
  }
  throw new Error(`something already answers on 127.0.0.1:${port}; stop it and run again`);
}

await ensurePortFree(SITE_PORT);
await ensurePortFree(BARE_PORT);
build();
ensureBareBuild();
const servers = [
  startGroup(process.execPath, [NEXT_BIN, "start", "-p", String(SITE_PORT), "-H", "127.0.0.1"], { env }),
  startGroup(process.execPath, [NEXT_BIN, "start", "-p", String(BARE_PORT), "-H", "127.0.0.1"], {
    cwd: BARE_APP_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  }),
];
const work = mkdtempSync(path.join(tmpdir(), "lighthouse-"));
try {
  for (const page of pages) {
    await waitForHttp(page.url);
    await warmImageCache(page.url);
    lighthouse(page.url, path.join(work, "warm-up.json"));
  }
  const results = new Map(
    pages.map((page) => [page.name, { runs: [] as RunFigures[], reports: [] as LighthouseReport[] }]),
  );
  for (let round = 0; round < RUNS; round++) {
    for (const page of pages) {
      const report = lighthouse(page.url, path.join(work, `run.json`));
      const result = results.get(page.name)!;
      result.reports.push(report);
      result.runs.push(runFigures(report));
    }
  }
  for (const page of pages) {
    const { runs, reports } = results.get(page.name)!;
    const middle = medianRun(runs);
    console.log(`\n## ${page.name}: ${page.url} (mobile, ${RUNS} runs${MODE})\n`);
    console.log(runsTable(runs));
    console.log(`\n${phasesLine(middle)}`);
    const failing = failingAudits(reports[runs.indexOf(middle)]);
    console.log(
      failing.length
        ? `Audits not passed (median run):\n  - ${failing.join("\n  - ")}`
        : "Audits not passed: none",
    );
  }
  summary(results);
} finally {
  for (const server of servers) stopGroup(server);
  rmSync(work, { recursive: true, force: true });
}
process.exit(0);
