import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  utimesSync,
} from "node:fs";
import path from "node:path";
import { decodedAddress, isReportFileName, loadReport, photoIsUsed } from "../content/refresh";
import { photoFolder, readablePhotoFile } from "../photo-files";

// A deleted report goes to the content folder's trash, not away: restorable, photos and all, by
// moving its file back. The loaders read the content folder's own files only, never a subfolder,
// so a report in the trash is not published. Once it has been there TRASH_DAYS (30 by default),
// a sweep deletes it, and those of its photos no report in the folder names any more.

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

/**
 * The photos (decoded addresses) a trashed report shows, and those in the photo folder named
 * after it: the editor's uploads for it, shown or not.
 */
function photosOf(trash: string, publicDir: string, file: string): string[] {
  const shown = loadReport(trash, file).photos.map(decodedAddress);
  const folder = file.slice(0, -3);
  let uploads: string[] = [];
  try {
    uploads = readdirSync(path.join(photoFolder(publicDir), folder)).map(
      (name) => `/images/${folder}/${name}`,
    );
  } catch {
    // No folder of its own.
  }
  return [...new Set([...shown, ...uploads])];
}

export interface SweepOutcome {
  reports: string[];
  photos: string[];
}

/**
 * Deletes the trashed reports older than `days`, and those of their photos that no report of the
 * content folder (as the archive's store last read it: refresh it first) nor a report still in the
 * trash names. Reads only the trash, never the archive's reports.
 */
export function sweepTrash({
  contentDir,
  publicDir,
  days = trashDays(),
  now = Date.now(),
}: {
  contentDir: string;
  publicDir: string;
  days?: number;
  now?: number;
}): SweepOutcome {
  const trash = path.join(contentDir, TRASH_FOLDER);
  if (!existsSync(trash)) return { reports: [], photos: [] };
  const expired: string[] = [];
  const kept = new Set<string>();
  for (const file of readdirSync(trash).filter(isReportFileName)) {
    if (now - statSync(path.join(trash, file)).mtimeMs >= days * DAY_MS) expired.push(file);
    else for (const photo of photosOf(trash, publicDir, file)) kept.add(photo);
  }
  const outcome: SweepOutcome = { reports: [], photos: [] };
  for (const file of expired) {
    const photos = photosOf(trash, publicDir, file);
    rmSync(path.join(trash, file));
    outcome.reports.push(file);
    for (const photo of photos) {
      if (kept.has(photo) || !photo.startsWith("/images/") || photoIsUsed(photo)) continue;
      // Only a photo file by lib/photo-files.ts's rule: never through a link out of the folder.
      const real = readablePhotoFile(publicDir, photo.slice("/images/".length).split("/"));
      if (!real) continue;
      rmSync(real);
      outcome.photos.push(photo);
    }
    try {
      // The report's own photo folder goes too, once nothing is left in it.
      rmdirSync(path.join(photoFolder(publicDir), file.slice(0, -3)));
    } catch {
      // Not there, or still holding photos.
    }
  }
  return outcome;
}

/** How often the publishing watcher sweeps the trash (its first pass sweeps at start). */
export const TRASH_SWEEP_MS = 60 * 60 * 1000;

/**
 * For the publishing watcher: call after each pass (the store is then up to date); sweeps at the
 * first call and then at most once per TRASH_SWEEP_MS, and logs what it deleted.
 */
export function trashSweeper(contentDir: string, publicDir: string, log: (line: string) => void): () => void {
  let nextAt = 0;
  return () => {
    if (Date.now() < nextAt) return;
    nextAt = Date.now() + TRASH_SWEEP_MS;
    // Never a reason for publishing to fail: what went wrong is said, and tried again next time.
    try {
      const { reports, photos } = sweepTrash({ contentDir, publicDir });
      if (reports.length > 0) {
        log(
          `thùng rác: xóa hẳn ${reports.length} bài quá ${trashDays()} ngày, ${photos.length} ảnh không bài nào dùng`,
        );
      }
    } catch (error) {
      log(`thùng rác: không dọn được: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
