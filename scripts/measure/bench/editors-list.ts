// `npm run bench:editors-list [-- --sizes=1000,20000]`: the editors' list (/quan-tri) at each
// archive size, without Next: synthetic reports written as files and read into a store file by
// the real loader, then the list's reads timed as the live server makes them (a page from the
// store's indexes), beside what the list did before issue 25's change (a look at the whole folder
// and every report's summary, which `npm run check-content` still does). Prints a Markdown table
// of medians; a measurement, not a test. Also a save that gives a new report an address of its
// own, whose check that no other file holds it read every file before and asks the store now.
// Each size runs in a process of its own.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { checkArchive, startLiveArchive } from "../../../lib/content/refresh";
import type { StatusKind } from "../../../lib/content";
import { reportRowsPage } from "../../../lib/editorial/report-rows";
import { saveReport } from "../../../lib/editorial/save-report";
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
  { name: "filter a few titles hold (“thử nghiệm 777”)", filter: "thử nghiệm 777", status: null, page: 1 },
  { name: "filter matching nothing", filter: "khong co bai nao", status: null, page: 1 },
  { name: "status “đã đăng”", filter: "", status: "da-dang", page: 1 },
  { name: "status “chờ duyệt” (none)", filter: "", status: "cho-duyet", page: 1 },
];

/** One size, in a process of its own (the live server's mode, once on, stays on for the process). */
async function measure(size: number): Promise<string[][]> {
  const rows: string[][] = [];
  const label = size.toLocaleString("en");
  const work = mkdtempSync(path.join(tmpdir(), "danh-sach-bien-tap-"));
  try {
    const content = path.join(work, "content");
    writeSyntheticReports({ count: size, directory: content, shape: "archive" });
    process.env.CONTENT_DIR = content;
    process.env.CONTENT_STORE = path.join(work, "store.sqlite");
    process.env.EDITOR_DATA_DIR = path.join(work, "data");
    console.error(`${size} reports written; reading them into the store …`);
    checkArchive();
    // Before: every view of the list looked at the whole folder and read every summary.
    const before = await timed(() => checkArchive().reports.length);
    // A new report saved with an address of its own, which the save checks no other file holds.
    let saved = 0;
    const saveWithAddress = () => {
      saved += 1;
      const data = {
        title: `Bài đo ${saved}`,
        date: "2026-11-27T08:00:00+07:00",
        slug: `dia-chi-do-${saved}`,
      };
      if (!saveReport({ contentDir: content, editor: "do-luong", draft: { data, body: "\nĐoạn.\n" } }).saved)
        throw new Error("the measured save was refused");
    };
    const saveBefore = await timed(saveWithAddress);
    startLiveArchive();
    const saveAfter = await timed(saveWithAddress);
    rows.push([label, "before: the whole folder and every summary", before.toFixed(1), ""]);
    for (const load of LOADS) {
      let shown = 0;
      const time = await timed(async () => {
        const page = await reportRowsPage(load.filter, load.status, load.page);
        shown = page.rows.length;
      });
      rows.push([label, load.name, time.toFixed(1), String(shown)]);
    }
    rows.push([label, "a save claiming an address, before: every file read", saveBefore.toFixed(1), ""]);
    rows.push([label, "a save claiming an address, live: the store asked", saveAfter.toFixed(1), ""]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

const oneSize = process.argv.find((arg) => arg.startsWith("--size="));
if (oneSize) {
  console.log(JSON.stringify(await measure(Number(oneSize.slice("--size=".length)))));
} else {
  const rows: string[][] = [];
  for (const size of SIZES) {
    const child = spawnSync(process.execPath, ["--import", "tsx", process.argv[1], `--size=${size}`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`the run at ${size} reports failed`);
    rows.push(...(JSON.parse(child.stdout.trim().split("\n").at(-1) as string) as string[][]));
  }
  console.log(`\n## The editors' list, medians of ${REPEATS} reads (ms)\n`);
  console.log("| reports | read | ms | rows |\n|---:|---|---:|---:|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}
