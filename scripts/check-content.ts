// `npm run check-content`: checks every report in the content folder without building, and lists
// every problem in every file at once. Exits 1 when any file has an error; warnings do not fail.
// `--index-search` (the build's first step) then brings the search index in step with the store,
// so that a server started after a build searches the whole archive from its first request: left
// to the server, a fresh 500,000-report archive was indexed in the background for over half an
// hour. In this process, because the folder has just been looked at (500,000 files: a stat each).
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import {
  checkArchive,
  lookAtArchive,
  prefillStore,
  contentDirectory,
  folderLabel,
  listReportFiles,
  formatProblemList,
  recordBuildCheck,
  scheduledReportFiles,
} from "../lib/content/refresh";
import { formatChangeTime } from "../lib/dates";
import { syncSearchIndex } from "../lib/search/archive-search";
import { shareContentStore } from "../tools/content-store";

// The same store as the build: the files checked here are not parsed again by its workers.
shareContentStore();

// A helper process parses its share of the files into the store and says nothing.
const part = /^(\d+)\/(\d+)$/.exec(process.env.CHECK_CONTENT_PART ?? "");
if (part) {
  const [index, parts] = [Number(part[1]), Number(part[2])];
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const names = JSON.parse(input) as string[];
  prefillStore(names.filter((_, n) => n % parts === index));
  process.exit(0);
}

// Parsing is the cost of a cold store (10,000 reports: about 40 s on one core): split it across
// the cores when there is much to read, then check with every file read.
const taken = lookAtArchive();
const stale = taken.stale.map((file) => file.name);
const parts = Math.min(availableParallelism(), Math.ceil(stale.length / 250));
if (parts > 1) {
  const helpers = Array.from({ length: parts - 1 }, (_, n) =>
    spawn(process.execPath, [...process.execArgv, process.argv[1]], {
      stdio: ["pipe", "inherit", "inherit"],
      env: { ...process.env, CHECK_CONTENT_PART: `${n + 1}/${parts}` },
    }),
  );
  // The names go on standard input (thousands do not fit in the environment), all of them before
  // this process starts parsing, which holds its event loop until done.
  await Promise.all(
    helpers.map(
      (helper) => new Promise((resolve) => helper.stdin?.end(JSON.stringify(stale), () => resolve(null))),
    ),
  );
  prefillStore(stale.filter((_, n) => n % parts === 0));
  await Promise.all(helpers.map((helper) => new Promise((resolve) => helper.on("exit", resolve))));
}

const directory = contentDirectory();
const folder = folderLabel(directory);
const fileCount = listReportFiles(directory).length;
const { counts, problems, warnings } = checkArchive(taken);

console.log(`Kiểm tra ${fileCount} tệp bài viết trong ${folder}`);
if (warnings.length > 0) {
  console.log(
    `\nCảnh báo (${warnings.length}), không chặn việc đăng bài:\n${formatProblemList(warnings, "!")}`,
  );
}
if (problems.length > 0) {
  const files = new Set(problems.map((problem) => problem.file)).size;
  console.error(
    `\nLỗi (${problems.length}) trong ${files} tệp, phải sửa trước khi đăng:\n${formatProblemList(problems, "✗")}`,
  );
  console.error(`\nKhông đạt: ${problems.length} lỗi. Sửa các dòng trên rồi chạy lại npm run check-content.`);
  process.exit(1);
}
const scheduled = scheduledReportFiles();
if (scheduled.length > 0) {
  const lines = scheduled.map(({ file, due }) => `  ⏰ ${file}: tự đăng lúc ${formatChangeTime(due)}`);
  console.log(`\nHẹn giờ đăng (${scheduled.length}), giờ Việt Nam:\n${lines.join("\n")}`);
}
console.log(
  `\nĐạt: ${counts.valid} bài hợp lệ (${counts.drafts} chưa đăng: bản nháp, chờ duyệt, hẹn giờ hoặc đã gỡ), ${warnings.length} cảnh báo.`,
);
// Under `npm run build`, its workers take the store as this check leaves it (scripts/build.ts).
recordBuildCheck();
if (process.argv.includes("--index-search")) {
  const started = performance.now();
  const { changed, compared } = syncSearchIndex();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    compared
      ? `Chỉ mục tìm kiếm: ${changed} bài cập nhật trong ${seconds} s.`
      : "Chỉ mục tìm kiếm: đã khớp với kho bài, không cần so lại.",
  );
}
