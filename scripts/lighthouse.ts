// `npm run lighthouse`: Lighthouse's mobile preset, through Debian's Chromium, on the home page and
// the seed report of a production build served on 127.0.0.1, three runs each. Prints every run's
// performance score, then the four scores and every audit that did not pass of the median run.
// A measurement, not a test: it reports and exits 0 unless it cannot run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startGroup, stopGroup, waitForHttp } from "./bench/processes";

const PORT = 3700;
const DIST = ".next-lighthouse";
const PAGES = ["/", "/bai-viet/ubnd-thanh-pho-vinh-tong-ket-cong-tac-quoc-phong-an-ninh"];
const CHROME = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

interface LighthouseReport {
  categories: Record<string, { title: string; score: number | null }>;
  audits: Record<
    string,
    { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }
  >;
}

const env = { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" };

/**
 * A fresh server encodes each resized photo on its first request, as it would for the first
 * reader after a deployment. Requesting every size once first measures what readers after that
 * one get (and what a CDN serves).
 */
async function warmImageCache(pageUrl: string): Promise<void> {
  const html = await (await fetch(pageUrl)).text();
  const candidates = [...html.matchAll(/(?:srcSet|imageSrcSet|imagesrcset)="([^"]+)"/g)].flatMap((match) =>
    match[1].split(",").map((entry) => entry.trim().split(" ")[0]),
  );
  for (const candidate of new Set(candidates)) {
    const url = new URL(candidate.replaceAll("&amp;", "&"), pageUrl);
    await fetch(url, { headers: { accept: "image/avif,image/webp,image/*,*/*;q=0.8" } });
  }
}
const RUNS = 3;

function lighthouse(page: string, output: string): LighthouseReport {
  const run = spawnSync(
    process.execPath,
    [
      "node_modules/lighthouse/cli/index.js",
      `http://127.0.0.1:${PORT}${page}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run",
      "--output=json",
      `--output-path=${output}`,
      "--quiet",
    ],
    {
      env: { ...process.env, ...(CHROME ? { CHROME_PATH: CHROME } : {}) },
      stdio: "inherit",
      timeout: 180_000,
    },
  );
  if (run.status !== 0) throw new Error(`Lighthouse failed on ${page}`);
  return JSON.parse(readFileSync(output, "utf8")) as LighthouseReport;
}

const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
  env,
  stdio: "inherit",
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = startGroup(
  process.execPath,
  ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"],
  { env },
);
const work = mkdtempSync(path.join(tmpdir(), "lighthouse-"));
try {
  await waitForHttp(`http://127.0.0.1:${PORT}/`);
  for (const page of PAGES) await warmImageCache(`http://127.0.0.1:${PORT}${page}`);
  for (const page of PAGES) {
    const reports = Array.from({ length: RUNS }, (_, run) =>
      lighthouse(page, path.join(work, `report-${run}.json`)),
    );
    const performance = (report: LighthouseReport) => report.categories.performance?.score ?? 0;
    // Simulated throttling replays each run's trace: one page can score 95 once and 100 the next.
    const median = [...reports].sort((a, b) => performance(a) - performance(b))[Math.floor(RUNS / 2)];
    console.log(`\n## ${page} (mobile, median of ${RUNS} runs by performance)\n`);
    console.log(
      `Performance in each run: ${reports.map((report) => Math.round(performance(report) * 100)).join(", ")}`,
    );
    for (const category of Object.values(median.categories)) {
      console.log(`${category.title}: ${Math.round((category.score ?? 0) * 100)}`);
    }
    const failing = Object.entries(median.audits).filter(
      ([, audit]) =>
        audit.score !== null &&
        audit.score < 1 &&
        ["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode),
    );
    console.log(failing.length === 0 ? "Failing audits: none" : "Failing audits (median run):");
    for (const [id, audit] of failing) {
      console.log(
        `  - ${id}: ${audit.title} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ""})`,
      );
    }
  }
} finally {
  stopGroup(server);
  rmSync(work, { recursive: true, force: true });
}
process.exit(0);
