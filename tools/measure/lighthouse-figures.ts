// What `npm run lighthouse` reads from one Lighthouse report, and how it sums up several runs.
// Pure functions, so the tables can be checked without a browser.

/** The parts of Lighthouse's JSON report that the summary reads. */
export interface LighthouseReport {
  categories: Record<string, { title: string; score: number | null }>;
  audits: Record<
    string,
    {
      title: string;
      score: number | null;
      scoreDisplayMode: string;
      displayValue?: string;
      numericValue?: number;
      details?: unknown;
    }
  >;
}

export interface LcpPhases {
  ttfb: number;
  loadDelay: number;
  loadTime: number;
  renderDelay: number;
}

export interface RunFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Simulated (Lighthouse's mobile throttling), in milliseconds. */
  fcp: number;
  lcp: number;
  tbt: number;
  speedIndex: number;
  cls: number;
  /** What the browser saw without throttling: the trace the simulation starts from. */
  observedFcp: number;
  observedLcp: number;
  observedLoad: number;
  lcpElement: string;
  lcpPhases: LcpPhases | null;
  /** Route payloads fetched for links (`?_rsc=`), with their bytes on the wire. */
  prefetches: number;
  prefetchBytes: number;
}

interface TableDetails {
  type: string;
  items?: Array<Record<string, unknown>>;
}

function score(report: LighthouseReport, category: string): number {
  return Math.round((report.categories[category]?.score ?? 0) * 100);
}

function numeric(report: LighthouseReport, audit: string): number {
  return report.audits[audit]?.numericValue ?? Number.NaN;
}

function lcpDetails(report: LighthouseReport): { element: string; phases: LcpPhases | null } {
  const details = report.audits["largest-contentful-paint-element"]?.details as
    { items?: TableDetails[] } | undefined;
  const [elementTable, phaseTable] = details?.items ?? [];
  const node = elementTable?.items?.[0]?.node as { selector?: string; nodeLabel?: string } | undefined;
  const element = node ? `${node.selector ?? "?"} (“${(node.nodeLabel ?? "").slice(0, 40)}…”)` : "none";
  const timing = new Map(
    (phaseTable?.items ?? []).map((row) => [String(row.phase), Number(row.timing)] as const),
  );
  const phases = timing.size
    ? {
        ttfb: timing.get("TTFB") ?? 0,
        loadDelay: timing.get("Load Delay") ?? 0,
        loadTime: timing.get("Load Time") ?? 0,
        renderDelay: timing.get("Render Delay") ?? 0,
      }
    : null;
  return { element, phases };
}

export function runFigures(report: LighthouseReport): RunFigures {
  const metrics = (report.audits.metrics?.details as TableDetails | undefined)?.items?.[0] ?? {};
  const requests = ((report.audits["network-requests"]?.details as TableDetails | undefined)?.items ??
    []) as Array<{ url: string; transferSize?: number }>;
  const prefetches = requests.filter((request) => new URL(request.url).searchParams.has("_rsc"));
  const { element, phases } = lcpDetails(report);
  return {
    performance: score(report, "performance"),
    accessibility: score(report, "accessibility"),
    bestPractices: score(report, "best-practices"),
    seo: score(report, "seo"),
    fcp: numeric(report, "first-contentful-paint"),
    lcp: numeric(report, "largest-contentful-paint"),
    tbt: numeric(report, "total-blocking-time"),
    speedIndex: numeric(report, "speed-index"),
    cls: numeric(report, "cumulative-layout-shift"),
    observedFcp: Number(metrics.observedFirstContentfulPaint ?? Number.NaN),
    observedLcp: Number(metrics.observedLargestContentfulPaint ?? Number.NaN),
    observedLoad: Number(metrics.observedLoad ?? Number.NaN),
    lcpElement: element,
    lcpPhases: phases,
    prefetches: prefetches.length,
    prefetchBytes: prefetches.reduce((sum, request) => sum + (request.transferSize ?? 0), 0),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The run whose LCP is the median one: its element and phases stand for the page. */
export function medianRun(runs: RunFigures[]): RunFigures {
  const sorted = [...runs].sort((a, b) => a.lcp - b.lcp);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Runs whose first paint Chromium saw only after the page had finished loading: the one-second
 * stall of headless Chromium's compositor (docs/do-luong/2026-11-27-first-paint.md), not a
 * page that is merely slow, whose paint comes before its load event.
 */
export function stalledRuns(runs: RunFigures[]): number {
  return runs.filter((run) => run.observedFcp > run.observedLoad).length;
}

export const seconds = (ms: number) => (ms / 1000).toFixed(2);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const MEASURED = [
  "performance",
  "accessibility",
  "bestPractices",
  "seo",
  "fcp",
  "lcp",
  "tbt",
  "speedIndex",
  "cls",
  "observedFcp",
  "observedLcp",
  "observedLoad",
  "prefetches",
  "prefetchBytes",
] as const;

/** Every figure's median over the runs; the LCP element and phases of the median run. */
export function medians(runs: RunFigures[]): RunFigures {
  const middle = { ...medianRun(runs) };
  for (const key of MEASURED) middle[key] = median(runs.map((run) => run[key]));
  return middle;
}

/** One row per run and a median row, as a Markdown table. */
export function runsTable(runs: RunFigures[]): string {
  const header =
    "| run | perf | FCP (s) | LCP (s) | TBT (ms) | SI (s) | CLS | seen FCP / LCP / load (s) | prefetches (KB) |\n" +
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|";
  const row = (label: string, run: RunFigures) =>
    `| ${label} | ${run.performance} | ${seconds(run.fcp)} | ${seconds(run.lcp)} | ${Math.round(run.tbt)} | ${seconds(run.speedIndex)} | ${run.cls.toFixed(3)} | ${seconds(run.observedFcp)} / ${seconds(run.observedLcp)} / ${seconds(run.observedLoad)} | ${run.prefetches} (${kb(run.prefetchBytes)}) |`;
  return [
    header,
    ...runs.map((run, index) => row(String(index + 1), run)),
    row("**median**", medians(runs)),
  ].join("\n");
}

export function phasesLine(run: RunFigures): string {
  if (!run.lcpPhases) return `LCP element: ${run.lcpElement}`;
  const { ttfb, loadDelay, loadTime, renderDelay } = run.lcpPhases;
  return (
    `LCP element: ${run.lcpElement}; phases of the median run (ms): time to first byte ${Math.round(ttfb)}, ` +
    `load delay ${Math.round(loadDelay)}, load time ${Math.round(loadTime)}, render delay ${Math.round(renderDelay)}`
  );
}
