import { renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type ArchiveProblems, formatProblemList } from "../content/refresh";
import { formatDateLine } from "../dates";

/**
 * Where an editor without a terminal finds what is wrong: a text file beside the reports, in the
 * folder they save into. Its name starts with "_", so it is never read as a report, and nothing
 * in content/ is served to readers.
 */
export const PROBLEMS_FILE = "_loi-can-sua.txt";

/** The problems file's text, or null when every file is fine. */
export function problemsReport(archive: ArchiveProblems, now: Date): string | null {
  if (archive.problems.length === 0) return null;
  const files = [...new Set(archive.problems.map((problem) => problem.file))].sort();
  const status = files.map((file) => {
    const online = archive.online.has(file);
    return `  ${file}: ${online ? "bạn đọc vẫn thấy bản đăng trước, chưa có phần sửa" : "chưa được đăng"}`;
  });
  return [
    `Có ${archive.problems.length} lỗi trong ${files.length} tệp, cập nhật lúc ${formatDateLine(now)}.`,
    "Sửa tệp rồi lưu lại: bài được đăng trong vài giây và tệp này tự cập nhật (hết lỗi thì tự xóa).",
    "",
    formatProblemList(archive.problems, "✗"),
    "",
    "Tình trạng từng tệp:",
    ...status,
    "",
  ].join("\n");
}

/** Tells the log and the problems file, once per change in what is wrong. */
export function createProblemReporter(directory: string, log: (line: string) => void) {
  let last: string | null = null;
  const file = path.join(directory, PROBLEMS_FILE);
  return (archive: ArchiveProblems) => {
    const lines = formatProblemList(archive.problems, "✗");
    if (lines === last) return;
    const hadProblems = last !== null && last !== "";
    last = lines;
    const text = problemsReport(archive, new Date());
    if (text) {
      log(`Nội dung có lỗi, chưa đăng phần lỗi (xem ${PROBLEMS_FILE} trong thư mục bài):\n${lines}`);
      // Written whole, then renamed: an editor opening it never sees half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, text);
      renameSync(temporary, file);
    } else {
      if (hadProblems) log("Nội dung hết lỗi.");
      rmSync(file, { force: true });
    }
  };
}
