// npm run bench:bodies: how long the real loader (loadReport on a temporary folder, the repo's
// glossary) takes over bodies an attacker or a careless paste could save, by kind and
// size; the limits in lib/content/limits.ts refuse the rest before parsing. Prints a Markdown
// table: the median of three runs, or "refused (…)" and how long refusing took. Bounded: the
// limits keep every accepted body small, and a cell stops after a run over MAX_RUN_MS.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BODY_MAX_INLINE_NESTING, BODY_MAX_NESTING, loadGlossary, loadReport } from "@/lib/content/refresh";

const SIZES_KB = [10, 100, 500, 1024, 2048];
const RUNS = 3;
const MAX_RUN_MS = 10_000;

/** Repeats `unit` until the text is `bytes` long in UTF-8 (cut on a character boundary). */
function fill(bytes: number, unit: (index: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const part = unit(index);
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  const text = parts.join("");
  return Buffer.from(text)
    .subarray(0, bytes)
    .toString("utf8")
    .replace(/\uFFFD$/, "");
}

const PROSE =
  "Hội nghị đánh giá công tác quốc phòng, an ninh năm qua được triển khai đồng bộ, tình hình chính trị ổn định. ";
// As deep as the limits let through: the slowest nesting accepted.
const LEVELS = BODY_MAX_NESTING;
const INLINE_LEVELS = BODY_MAX_INLINE_NESTING;

const KINDS: Array<[name: string, unit: (index: number) => string]> = [
  ["plain text", (i) => (i % 4 === 3 ? `${PROSE}\n\n` : PROSE)],
  ["abbreviations", () => "UBND "],
  [
    `emphasis (${INLINE_LEVELS} levels)`,
    () =>
      `${Array.from({ length: INLINE_LEVELS }, (_, i) => (i % 2 ? "*x " : "_y ")).join("")}z${Array.from(
        { length: INLINE_LEVELS },
        (_, i) => (i % 2 ? " x*" : " y_"),
      )
        .reverse()
        .join("")}\n\n`,
  ],
  [`nested lists (${LEVELS} levels)`, (i) => `${"  ".repeat(i % LEVELS)}- mục ${i + 1}\n`],
  [`nested quotes (${LEVELS} levels)`, (i) => `${"> ".repeat((i % LEVELS) + 1)}trích dẫn ${i + 1}\n`],
  [
    "long tables",
    (i) =>
      i === 0 ? "| Tên | Đơn vị | Ghi chú |\n| --- | --- | --- |\n" : `| Người ${i} | UBND xã | Có mặt |\n`,
  ],
  ["long links", (i) => `[liên kết ${i}](https://example.vn/${"duong-dan-dai/".repeat(20)}${i}) `],
];

const FRONT = "---\ntitle: Bài thử\ndate: 2026-12-04\n---\n";
const glossary = loadGlossary(path.resolve("content"));
const folder = mkdtempSync(path.join(tmpdir(), "hostile-bodies-"));

function cell(body: string): string {
  writeFileSync(path.join(folder, "bai.md"), FRONT + body);
  const times: number[] = [];
  let refused: string | null = null;
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    const result = loadReport(folder, "bai.md", glossary);
    const took = performance.now() - start;
    times.push(took);
    const problem = result.problems.find((p) => p.field === "nội dung");
    if (problem) refused = problem.message.split(/ \(|, | của nội dung/)[0];
    if (took > MAX_RUN_MS) break;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const ms = median < 10 ? median.toFixed(1) : Math.round(median).toString();
  return refused ? `refused (${refused}) ${ms} ms` : `${ms} ms`;
}

/** The slowest case the limits let through: the largest body of this kind that is accepted. */
function largestAccepted(unit: (index: number) => string): string {
  for (const kb of [63, 48, 32, 24, 16, 12, 8, 6, 4, 3, 2, 1]) {
    const result = cell(fill(kb * 1024, unit));
    if (!result.startsWith("refused")) return `${kb} KB: ${result}`;
  }
  return "none";
}

try {
  console.log(
    `| body | ${SIZES_KB.map((kb) => (kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`)).join(" | ")} | largest accepted |`,
  );
  console.log(`| --- | ${SIZES_KB.map(() => "---:").join(" | ")} | ---: |`);
  for (const [name, unit] of KINDS) {
    const cells = SIZES_KB.map((kb) => cell(fill(kb * 1024, unit)));
    console.log(`| ${name} | ${cells.join(" | ")} | ${largestAccepted(unit)} |`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
