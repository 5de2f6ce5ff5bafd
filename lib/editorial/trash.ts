import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { isReportFileName } from "../content/refresh";

// A deleted report goes to the content folder's trash, not away: restorable, photos and all, by
// moving its file back. The loaders read the content folder's own files only, never a subfolder,
// so a report in the trash is not published. Once it has been there TRASH_DAYS (30 by default),
// a sweep deletes the file; its versions, and its photos, stay (restorable from its history).

export const TRASH_FOLDER = ".thung-rac";
const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a deleted report stays restorable: TRASH_DAYS, 30 days unless set. */
export function trashDays(): number {
  const days = Number(process.env.TRASH_DAYS ?? 30);
  return Number.isFinite(days) && days >= 0 ? days : 30;
}

/**
 * Moves a report file into the trash, stamped with the time of its deletion (its modification
 * time there). A file of the same name deleted earlier is replaced: the latest is what is restored.
 */
export function moveToTrash(contentDir: string, file: string, now = new Date()): void {
  const trash = path.join(contentDir, TRASH_FOLDER);
  mkdirSync(trash, { recursive: true });
  const target = path.join(trash, file);
  renameSync(path.join(contentDir, file), target);
  utimesSync(target, now, now);
}

export interface SweepOutcome {
  reports: string[];
}

/**
 * Deletes the trashed reports older than `days`. Their photos stay: the content folder's history
 * keeps every version of a report, and a version restored from it shows the photos it showed
 * (docs/van-hanh/backups.md says what that costs in disk). Reads only the trash.
 */
export function sweepTrash({
  contentDir,
  days = trashDays(),
  now = Date.now(),
}: {
  contentDir: string;
  days?: number;
  now?: number;
}): SweepOutcome {
  const trash = path.join(contentDir, TRASH_FOLDER);
  if (!existsSync(trash)) return { reports: [] };
  const expired = readdirSync(trash)
    .filter(isReportFileName)
    .filter((file) => now - statSync(path.join(trash, file)).mtimeMs >= days * DAY_MS);
  for (const file of expired) rmSync(path.join(trash, file));
  return { reports: expired };
}

/** How often the publishing watcher sweeps the trash (its first pass sweeps at start). */
export const TRASH_SWEEP_MS = 60 * 60 * 1000;

/**
 * For the publishing watcher: call after each pass (the store is then up to date); sweeps at the
 * first call and then at most once per TRASH_SWEEP_MS, and logs what it deleted.
 */
export function trashSweeper(contentDir: string, log: (line: string) => void): () => void {
  let nextAt = 0;
  return () => {
    if (Date.now() < nextAt) return;
    nextAt = Date.now() + TRASH_SWEEP_MS;
    // Never a reason for publishing to fail: what went wrong is said, and tried again next time.
    try {
      const { reports } = sweepTrash({ contentDir });
      if (reports.length > 0) {
        log(`thùng rác: bỏ ${reports.length} bài quá ${trashDays()} ngày (các bản vẫn còn trong lịch sử)`);
      }
    } catch (error) {
      log(`thùng rác: không dọn được: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
