// `npm run trash:sweep`: deletes now what the running server's watcher deletes within the hour:
// reports in the trash for over TRASH_DAYS days, and those of their photos no report names.
// `-- --days N` uses N days instead (0: empty the trash).
import { checkArchive, contentDirectory, publicDirectory } from "../lib/content/refresh";
import { sweepTrash, trashDays } from "../lib/editorial/trash";
import { shareContentStore } from "../tools/content-store";

shareContentStore();
const at = process.argv.indexOf("--days");
const days = at === -1 ? trashDays() : Number(process.argv[at + 1]);
if (!Number.isFinite(days) || days < 0) {
  console.error("--days cần một số ngày (0 trở lên).");
  process.exit(1);
}
// Which photos reports still name is asked of the store: bring it up to date with the folder first.
checkArchive();
const { reports, photos } = sweepTrash({
  contentDir: contentDirectory(),
  publicDir: publicDirectory(),
  days,
});
console.log(
  `Đã xóa hẳn ${reports.length} bài trong thùng rác quá ${days} ngày và ${photos.length} ảnh không bài nào dùng.`,
);
for (const line of [...reports, ...photos]) console.log(`  ${line}`);
