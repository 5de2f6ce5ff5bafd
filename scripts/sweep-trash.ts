// `npm run trash:sweep`: deletes now what the running server's watcher deletes within the hour:
// reports in the trash for over TRASH_DAYS days (their versions stay in the content folder's
// history, their photos in the photo folder). `-- --days N` uses N days instead (0: empty the trash).
import { contentDirectory } from "../lib/content/refresh";
import { sweepTrash, trashDays } from "../lib/editorial/trash";

const at = process.argv.indexOf("--days");
const days = at === -1 ? trashDays() : Number(process.argv[at + 1]);
if (!Number.isFinite(days) || days < 0) {
  console.error("--days cần một số ngày (0 trở lên).");
  process.exit(1);
}
const { reports } = sweepTrash({ contentDir: contentDirectory(), days });
console.log(
  `Đã bỏ ${reports.length} bài trong thùng rác quá ${days} ngày; các bản và ảnh của chúng vẫn còn trong lịch sử.`,
);
for (const line of reports) console.log(`  ${line}`);
