// `npm run check-content`: checks every report in the content folder without building, and lists
// every problem in every file at once. Exits 1 when any file has an error; warnings do not fail.
import { checkArchive } from "../lib/content/archive";
import { contentDirectory, folderLabel, listReportFiles } from "../lib/content/files";
import { formatProblemList } from "../lib/content/problems";
import { shareContentStore } from "./content-store";

// The same store as the build: the files checked here are not parsed again by its workers.
shareContentStore();
const directory = contentDirectory();
const folder = folderLabel(directory);
const fileCount = listReportFiles(directory).length;
const { reports, problems, warnings } = checkArchive();

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
const drafts = reports.filter((report) => report.draft).length;
console.log(`\nĐạt: ${reports.length} bài hợp lệ (${drafts} bản nháp), ${warnings.length} cảnh báo.`);
