// npm run bench:bodies: how long the real loader (loadReport on a temporary folder, the repo's
// glossary) takes over bodies an attacker or a careless paste could save, by kind and
// size; the limits in lib/content/limits.ts refuse the rest before parsing. Prints a Markdown
// table: the median of three runs, or "refused (…)" and how long refusing took. Bounded: the
// limits keep every accepted body small, and a cell stops after a run over MAX_RUN_MS.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadGlossary, loadReport } from "@/lib/content/refresh";
import { CANDIDATE_SIZES_KB, fill, HOSTILE_KINDS, hostileReport } from "@/tools/measure/hostile-bodies";

const SIZES_KB = [10, 100, 500, 1024, 2048];
const RUNS = 3;
const MAX_RUN_MS = 10_000;

const glossary = loadGlossary(path.resolve("content"));
const folder = mkdtempSync(path.join(tmpdir(), "hostile-bodies-"));

function cell(body: string): string {
  writeFileSync(path.join(folder, "bai.md"), hostileReport(body));
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
  for (const kb of CANDIDATE_SIZES_KB) {
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
  for (const [name, unit] of HOSTILE_KINDS) {
    const cells = SIZES_KB.map((kb) => cell(fill(kb * 1024, unit)));
    console.log(`| ${name} | ${cells.join(" | ")} | ${largestAccepted(unit)} |`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
