// `npm run bench:editors-list [-- --sizes=1000,20000]`: the editors' list (/quan-tri) at each
// archive size, without Next: synthetic reports written as files and read into a store file by
// the real loader, then the list's reads timed as the live server makes them (a page from the
// store's indexes), beside what the list did before issue 25's change (a look at the whole folder
// and every report's summary, which `npm run check-content` still does). Prints a Markdown table
// of medians; a measurement, not a test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { checkArchive, startLiveArchive } from "../../../lib/content/refresh";
import type { StatusKind } from "../../../lib/content";
import { reportRowsPage } from "../../../lib/editorial/report-rows";
import { writeSyntheticReports } from "./synthetic-reports";

const sizesArgument = process.argv.find((arg) => arg.startsWith("--sizes="));
const SIZES = sizesArgument ? sizesArgument.slice("--sizes=".length).split(",").map(Number) : [1_000, 20_000];
const REPEATS = 9;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

const LOADS: Array<{ name: string; filter: string; status: StatusKind | null; page: number }> = [
  { name: "first page", filter: "", status: null, page: 1 },
  { name: "page 20", filter: "", status: null, page: 20 },
  { name: "filter by common words (“thành phố”)", filter: "thành phố", status: null, page: 1 },
  { name: "filter matching nothing", filter: "khong co bai nao", status: null, page: 1 },
  { name: "status “đã đăng”", filter: "", status: "da-dang", page: 1 },
  { name: "status “chờ duyệt” (none)", filter: "", status: "cho-duyet", page: 1 },
];

const rows: string[][] = [];
for (const size of SIZES) {
  const work = mkdtempSync(path.join(tmpdir(), "danh-sach-bien-tap-"));
  try {
    const content = path.join(work, "content");
    writeSyntheticReports({ count: size, directory: content, shape: "archive" });
    process.env.CONTENT_DIR = content;
    process.env.CONTENT_STORE = path.join(work, "store.sqlite");
    console.log(`${size} reports written; reading them into the store …`);
    checkArchive();
    // Before: every view of the list looked at the whole folder and read every summary.
    const before = await timed(() => checkArchive().reports.length);
    startLiveArchive();
    rows.push([
      `${size.toLocaleString("en")}`,
      "before: the whole folder and every summary",
      before.toFixed(1),
      "",
    ]);
    for (const load of LOADS) {
      let shown = 0;
      const time = await timed(async () => {
        const page = await reportRowsPage(load.filter, load.status, load.page);
        shown = page.rows.length;
      });
      rows.push([`${size.toLocaleString("en")}`, load.name, time.toFixed(1), String(shown)]);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

console.log(`\n## The editors' list, medians of ${REPEATS} reads (ms)\n`);
console.log("| reports | read | ms | rows |\n|---:|---|---:|---:|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
