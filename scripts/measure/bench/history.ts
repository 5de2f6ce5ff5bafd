// `npm run bench:history [-- --sizes=10000,100000]`: the content folder's history (issue 26) at
// each archive size. Synthetic reports (scripts/measure/bench/archive-addresses.ts) in a temporary
// folder made a repository and packed; then, timed: one save's commit (an edit written, then committed as
// the editor's save commits it), 100 times; the history of a report with 200 versions; a
// comparison of two versions of the seed report; the repository's size and a full clone's time.
// Prints a Markdown table; the temporary folder is removed at the end.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { compareVersions, reportHistory } from "../../../lib/editorial/report-history";
import { editorAuthor } from "../../../lib/history/authors";
import { locateContentRepository } from "../../../lib/history/git";
import { commitFiles, readLastTree } from "../../../lib/history/record-changes";
import { repositoryIdle, withRepositoryLock } from "../../../lib/history/repository-lock";
import { setUpRepository } from "../../../lib/history/set-up-repository";
import { writeArchive } from "./archive-addresses";
import { spread } from "./publishing";

const SAVES = 100;
const VERSIONS = 200;
const RUNS = 5;
const sizesArgument = process.argv.find((arg) => arg.startsWith("--sizes="));
const SIZES = sizesArgument
  ? sizesArgument.slice("--sizes=".length).split(",").map(Number)
  : [10_000, 100_000];
const SEED = "ubnd-thanh-pho-vinh-tong-ket-cong-tac-quoc-phong-an-ninh.md";

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function sizeMB(folder: string): number {
  const kilobytes = Number(
    spawnSync("du", ["-sk", "--", folder], { encoding: "utf8" }).stdout.split("\t")[0],
  );
  return Math.round(kilobytes / 102.4) / 10;
}

/** A full gc, once any gc git started by itself has finished (a second one would refuse to run). */
async function packNow(gitDir: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (existsSync(path.join(gitDir, "gc.pid")) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const gc = spawnSync("git", [`--git-dir=${gitDir}`, "gc", "--quiet"], { encoding: "utf8" });
  if (gc.status !== 0) throw new Error(`git gc: ${gc.stderr}`);
}

async function measure(reports: number) {
  const work = mkdtempSync(path.join(tmpdir(), "bench-lich-su-"));
  try {
    const content = path.join(work, "content");
    let started = performance.now();
    const { slugs } = writeArchive(reports, content);
    cpSync(path.join("content", SEED), path.join(content, SEED));
    console.error(`  ${reports} reports written in ${seconds(started)} s; first commit…`);
    const repo = locateContentRepository(content, path.join(work, "data"));
    started = performance.now();
    await setUpRepository(repo);
    const firstCommitSeconds = seconds(started);
    // Packed once, as git's automatic gc (started by the first commit) does: the saves below are
    // timed in the steady state, not beside a repack of every report's first version.
    await packNow(repo.gitDir);
    const author = editorAuthor("bientap");
    // As the server does at start (lib/history/folder-recorder.ts).
    await withRepositoryLock(repo, () => readLastTree(repo));

    const saveMs: number[] = [];
    const upkeepMs: number[] = [];
    for (let index = 0; index < SAVES; index += 1) {
      const file = `${slugs[(index * 7919) % slugs.length]}.md`;
      const target = path.join(content, file);
      writeFileSync(target, `${readFileSync(target, "utf8")}\nĐoạn thêm lần ${index}.\n`);
      const before = performance.now();
      await withRepositoryLock(repo, () =>
        commitFiles(repo, { files: [file], author, message: () => `Sửa ${file}` }),
      );
      saveMs.push(performance.now() - before);
      // Git's index brought in step after the save has answered, before the next one starts.
      const answered = performance.now();
      await repositoryIdle(repo);
      upkeepMs.push(performance.now() - answered);
    }

    const busy = path.join(content, SEED);
    const seedText = readFileSync(busy, "utf8");
    for (let version = 1; version < VERSIONS; version += 1) {
      writeFileSync(busy, `${seedText}\nCập nhật lần thứ ${version}: thêm một câu.\n`);
      await withRepositoryLock(repo, () =>
        commitFiles(repo, { files: [SEED], author, message: () => `Sửa ${SEED}` }),
      );
    }
    const historyMs: number[] = [];
    const compareMs: number[] = [];
    let listed = 0;
    for (let run = 0; run < RUNS; run += 1) {
      let before = performance.now();
      const history = await reportHistory(content, SEED.slice(0, -3));
      historyMs.push(performance.now() - before);
      listed = history?.entries.length ?? 0;
      const newest = history?.entries[0]?.commit ?? "";
      const oldest = history?.entries.at(-1)?.commit ?? "";
      before = performance.now();
      await compareVersions(content, SEED.slice(0, -3), oldest, newest);
      compareMs.push(performance.now() - before);
    }

    await packNow(repo.gitDir);
    started = performance.now();
    const clone = path.join(work, "ban-sao");
    spawnSync("git", ["clone", "--quiet", "--no-local", "--", content, clone]);
    const cloneSeconds = seconds(started);
    const save = spread(saveMs);
    return {
      reports,
      firstCommitSeconds,
      save: `${save.p50.toFixed(0)} / ${save.p99.toFixed(0)} / ${save.max.toFixed(0)}`,
      upkeep: `${spread(upkeepMs).p50.toFixed(0)} / ${spread(upkeepMs).p99.toFixed(0)}`,
      history: `${median(historyMs).toFixed(0)} (${listed} versions)`,
      compare: median(compareMs).toFixed(0),
      repositoryMB: sizeMB(repo.gitDir),
      cloneSeconds,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

console.log(
  `\n# Content history ${new Date().toISOString()}: ${SAVES} saves, a report of ${VERSIONS} versions\n`,
);
console.log(
  "| reports | first commit (s) | one save's commit p50 / p99 / max (ms) | index upkeep after it p50 / p99 (ms) | history page data, median of 5 (ms) | comparison of two seed versions, median (ms) | repository after gc (MB) | full clone (s) |",
);
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const reports of SIZES) {
  const row = await measure(reports);
  console.log(
    `| ${row.reports.toLocaleString("en")} | ${row.firstCommitSeconds} | ${row.save} | ${row.upkeep} | ${row.history} | ${row.compare} | ${row.repositoryMB} | ${row.cloneSeconds} |`,
  );
}
