// Three small line charts of the archive-scale figures against the archive's size (log scale):
// server memory, start time and publish time. Plain SVG written from the numbers.
import type { ArchiveScaleFigures } from "./archive-scale";

interface Series {
  name: string;
  color: string;
  dash?: string;
  value: (figures: ArchiveScaleFigures) => number;
}
interface Panel {
  title: string;
  unit: string;
  series: Series[];
}

const PANELS: Panel[] = [
  {
    title: "Server memory",
    unit: "resident memory (MB)",
    series: [
      { name: "after start", color: "#1f6feb", value: (s) => s.rssAfterStartMB },
      {
        name: "after the random requests",
        color: "#d1242f",
        dash: "6 4",
        value: (s) => s.rssAfterRequestsMB,
      },
    ],
  },
  {
    title: "Start time",
    unit: "npm start to first page (s)",
    series: [{ name: "first 200 on /", color: "#1f6feb", value: (s) => s.startMs / 1000 }],
  },
  {
    title: "Publish time",
    unit: "file saved → seen by readers, median (s)",
    series: [
      { name: "add", color: "#1a7f37", value: (s) => s.publish.add.visible.p50 / 1000 },
      { name: "edit", color: "#9a6700", dash: "6 4", value: (s) => s.publish.edit.visible.p50 / 1000 },
      { name: "delete", color: "#8250df", dash: "2 3", value: (s) => s.publish.delete.visible.p50 / 1000 },
    ],
  },
];

const WIDTH = 320;
const HEIGHT = 300;
const PLOT = { left: 56, right: 16, top: 40, bottom: 92 };

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** 1000 → "1k", 500000 → "500k". */
const sizeLabel = (reports: number) =>
  reports >= 1000 && reports % 1000 === 0 ? `${reports / 1000}k` : String(reports);

/** A round top for the y axis: 1, 2 or 5 times a power of ten. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

function panelSvg(panel: Panel, sizes: ArchiveScaleFigures[], offsetX: number): string {
  const width = WIDTH - PLOT.left - PLOT.right;
  const height = HEIGHT - PLOT.top - PLOT.bottom;
  const logs = sizes.map((s) => Math.log10(s.reports));
  const [low, high] = [Math.min(...logs), Math.max(...logs)];
  const x = (reports: number) =>
    high === low ? width / 2 : ((Math.log10(reports) - low) / (high - low)) * width;
  const top = niceMax(Math.max(...panel.series.flatMap((series) => sizes.map(series.value))));
  const y = (value: number) => height - (value / top) * height;
  const parts: string[] = [
    `<g transform="translate(${offsetX + PLOT.left},${PLOT.top})">`,
    `<text x="${width / 2}" y="-18" text-anchor="middle" font-weight="bold">${escape(panel.title)}</text>`,
    `<line x1="0" y1="${height}" x2="${width}" y2="${height}" stroke="#555"/>`,
    `<line x1="0" y1="0" x2="0" y2="${height}" stroke="#555"/>`,
  ];
  for (let tick = 0; tick <= 4; tick += 1) {
    const value = (top / 4) * tick;
    parts.push(
      `<line x1="0" y1="${y(value)}" x2="${width}" y2="${y(value)}" stroke="#ddd"/>`,
      `<text x="-6" y="${y(value) + 4}" text-anchor="end">${Number(value.toPrecision(3))}</text>`,
    );
  }
  for (const size of sizes) {
    parts.push(
      `<text x="${x(size.reports)}" y="${height + 16}" text-anchor="middle">${sizeLabel(size.reports)}</text>`,
    );
  }
  parts.push(
    `<text x="${width / 2}" y="${height + 34}" text-anchor="middle">reports in the archive (log scale)</text>`,
    `<text transform="translate(-42,${height / 2}) rotate(-90)" text-anchor="middle">${escape(panel.unit)}</text>`,
  );
  panel.series.forEach((series, index) => {
    const points = sizes.map((s) => `${x(s.reports).toFixed(1)},${y(series.value(s)).toFixed(1)}`);
    parts.push(
      `<polyline points="${points.join(" ")}" fill="none" stroke="${series.color}" stroke-width="2"${series.dash ? ` stroke-dasharray="${series.dash}"` : ""}/>`,
      ...points.map((point) => {
        const [cx, cy] = point.split(",");
        return `<circle cx="${cx}" cy="${cy}" r="3.5" fill="${series.color}"/>`;
      }),
    );
    const legendY = height + 52 + index * 16;
    parts.push(
      `<line x1="0" y1="${legendY - 4}" x2="22" y2="${legendY - 4}" stroke="${series.color}" stroke-width="2"${series.dash ? ` stroke-dasharray="${series.dash}"` : ""}/>`,
      `<text x="28" y="${legendY}">${escape(series.name)}</text>`,
    );
  });
  parts.push("</g>");
  return parts.join("\n");
}

export function scaleChartSvg(sizes: ArchiveScaleFigures[], caption: string): string {
  const sorted = [...sizes].sort((a, b) => a.reports - b.reports);
  const width = WIDTH * PANELS.length;
  const height = HEIGHT + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...PANELS.map((panel, index) => panelSvg(panel, sorted, index * WIDTH)),
    `<text x="8" y="${height - 8}" fill="#555">${escape(caption)}</text>`,
    "</svg>",
    "",
  ].join("\n");
}
