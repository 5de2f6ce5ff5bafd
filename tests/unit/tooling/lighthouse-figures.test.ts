import { describe, expect, it } from "vitest";
import {
  median,
  medianRun,
  medians,
  phasesLine,
  runFigures,
  runsTable,
  stalledRuns,
  type LighthouseReport,
} from "../../../tools/measure/lighthouse-figures";

/** The shape Lighthouse 12 writes, trimmed to what `npm run lighthouse` reads. */
function report(lcp: number, performance = 0.9, observedFcp = 210): LighthouseReport {
  const numeric = (numericValue: number) => ({
    title: "",
    score: 1,
    scoreDisplayMode: "numeric",
    numericValue,
  });
  return {
    categories: {
      performance: { title: "Performance", score: performance },
      accessibility: { title: "Accessibility", score: 1 },
      "best-practices": { title: "Best Practices", score: 0.96 },
      seo: { title: "SEO", score: 1 },
    },
    audits: {
      "first-contentful-paint": numeric(800),
      "largest-contentful-paint": numeric(lcp),
      "total-blocking-time": numeric(120),
      "speed-index": numeric(900),
      "cumulative-layout-shift": numeric(0),
      metrics: {
        title: "Metrics",
        score: null,
        scoreDisplayMode: "informative",
        details: {
          type: "debugdata",
          items: [
            {
              observedFirstContentfulPaint: observedFcp,
              observedLargestContentfulPaint: observedFcp + 5,
              observedLoad: 330,
            },
          ],
        },
      },
      "largest-contentful-paint-element": {
        title: "LCP element",
        score: null,
        scoreDisplayMode: "informative",
        details: {
          type: "list",
          items: [
            {
              type: "table",
              items: [
                { node: { selector: "div.report-body > p", nodeLabel: "Tham dự Hội nghị có các đồng chí" } },
              ],
            },
            {
              type: "table",
              items: [
                { phase: "TTFB", timing: 450 },
                { phase: "Load Delay", timing: 0 },
                { phase: "Load Time", timing: 0 },
                { phase: "Render Delay", timing: lcp - 450 },
              ],
            },
          ],
        },
      },
      "network-requests": {
        title: "Network Requests",
        score: null,
        scoreDisplayMode: "informative",
        details: {
          type: "table",
          items: [
            { url: "http://127.0.0.1:3700/bai-viet/x", transferSize: 12_000 },
            { url: "http://127.0.0.1:3700/chu-de?_rsc=abc", transferSize: 1_500 },
            { url: "http://127.0.0.1:3700/?_rsc=def", transferSize: 2_596 },
            { url: "http://127.0.0.1:3700/_next/static/chunks/a.js", transferSize: 70_000 },
          ],
        },
      },
    },
  };
}

describe("runFigures", () => {
  it("reads the scores, the simulated and observed metrics, the LCP element and its phases", () => {
    const figures = runFigures(report(1800));
    expect(figures).toMatchObject({
      performance: 90,
      accessibility: 100,
      bestPractices: 96,
      seo: 100,
      fcp: 800,
      lcp: 1800,
      tbt: 120,
      observedFcp: 210,
      observedLcp: 215,
      observedLoad: 330,
      lcpPhases: { ttfb: 450, loadDelay: 0, loadTime: 0, renderDelay: 1350 },
    });
    expect(figures.lcpElement).toContain("div.report-body > p");
  });

  it("counts only route payloads (?_rsc=) as prefetches", () => {
    const figures = runFigures(report(1800));
    expect(figures.prefetches).toBe(2);
    expect(figures.prefetchBytes).toBe(4_096);
  });
});

describe("medians", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("takes every figure's median, with the element and phases of the median run", () => {
    const runs = [2900, 1700, 1800].map((lcp, index) => runFigures(report(lcp, 0.8 + index / 10)));
    expect(medians(runs)).toMatchObject({
      lcp: 1800,
      performance: 90,
      seo: 100,
      lcpPhases: { renderDelay: 1350 },
    });
  });

  it("picks the run whose LCP is the median one, so its element and phases stand for the page", () => {
    const runs = [2900, 1700, 1800, 2500, 1600].map((lcp) => runFigures(report(lcp)));
    expect(medianRun(runs).lcp).toBe(1800);
    expect(phasesLine(medianRun(runs))).toContain("render delay 1350");
  });

  it("prints one row per run and a median row", () => {
    const runs = [2900, 1700, 1800].map((lcp, index) => runFigures(report(lcp, 0.8 + index / 10)));
    const lines = runsTable(runs).split("\n");
    expect(lines).toHaveLength(2 + 3 + 1);
    expect(lines.at(-1)).toMatch(/^\| \*\*median\*\* \| 90 \| 0\.80 \| 1\.80 \|/);
  });
});

describe("stalledRuns", () => {
  it("counts the runs first painted after their load event, not the runs painted late but before it", () => {
    const runs = [210, 1240, 320, 1270].map((fcp) => runFigures(report(1800, 0.9, fcp)));
    expect(stalledRuns(runs)).toBe(2);
    const slowButNotStalled = { ...runFigures(report(1800)), observedFcp: 1240, observedLoad: 1500 };
    expect(stalledRuns([slowButNotStalled])).toBe(0);
  });
});
