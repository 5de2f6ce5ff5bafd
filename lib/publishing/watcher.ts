import { existsSync, watch } from "node:fs";
import path from "node:path";
import {
  type AddressChange,
  createWorkerParser,
  type FileScope,
  PARSE_WORKER_FILE,
  archiveProblems,
  type PhotoChanges,
  type ReportParser,
  refreshArchive,
  startLiveArchive,
  contentDirectory,
  GLOSSARY_FILE,
  isReportFileName,
  publicDirectory,
  waitingPhotos,
  dueReportFiles,
  archiveStoreId,
} from "../content/refresh";
import { TRASH_SWEEP_MS, trashSweeper } from "../editorial/trash";
import { folderRecorder } from "../history/folder-recorder";
import { keepInStepWithOrigin } from "../history/origin-sync";
import { catchUpSearchIndex } from "../search/archive-search";
import { type Announcer, startAnnouncing } from "../notify/announcer";
import { MAX_PHOTO_BYTES } from "../photo-files";
import { routes } from "../routes";
import { peerPhotoFetcher, photoPeers } from "./peer-photos";
import { createProblemReporter } from "./problem-report";
import { publishingSecret, SECRET_HEADER } from "./secret";
import { publishingBusy, publishingIdle } from "./publishing-state";
import { stalePaths } from "./stale-paths";

// A burst of saves (a folder copied in, an editor saving twice) is one pass: it starts once the
// folder has been quiet this long, or at the latest this long after the first change.
const QUIET_MS = 100;
const MAX_WAIT_MS = 1000;
/**
 * Past this many changed reports in one batch, every page is marked stale at once rather than
 * each worked out: working out costs a few milliseconds a report and names a few dozen pages
 * (500 changes took 4 s and named 4,000 pages at 30,000 reports); marking everything costs nothing.
 */
const MASS_CHANGE = 100;
/** How often the photos broken reports name are looked for: one copied in publishes its report within this. */
const WAITING_PHOTOS_MS = 1000;
/** At most this many of them each time (as many as a few hundred broken reports name). */
const WAITING_PHOTOS_MAX = 2000;
/** How long after a publish its pages are marked stale once more (see publish). */
const SETTLE_MS = 2000;
/** How often the store is asked for scheduled reports whose time has come, and at most how many. */
const SCHEDULE_CHECK_MS = 1000;
const DUE_REPORTS_MAX = 2000;

const log = (line: string) => console.log(`[đăng bài] ${line}`);

/** Search engines and the WebSub hub, if this machine tells them (lib/notify); a bad setting is said, not fatal. */
function announcer(): Announcer | null {
  const say = (line: string) => console.log(`[báo tin] ${line}`);
  try {
    return startAnnouncing(say);
  } catch (error) {
    console.error(
      `[báo tin] Không báo được thay đổi: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
}

/** The running server, as this process reaches it: itself on loopback unless bound elsewhere. */
function ownOrigin(): string {
  const port = process.env.PORT ?? "3000";
  const host = process.env.HOSTNAME;
  const loopback = !host || host === "0.0.0.0" || host === "::" || host === "localhost";
  return `http://${loopback ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host}:${port}`;
}

/**
 * Asks this server to revalidate the pages (revalidatePath works only inside a request). At
 * start the server may not listen yet: the request is retried until it does.
 */
async function revalidate(paths: string[] | "everything"): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${ownOrigin()}/api/revalidate`, {
        method: "POST",
        headers: { "content-type": "application/json", [SECRET_HEADER]: publishingSecret() },
        body: JSON.stringify(paths === "everything" ? { everything: true } : { paths }),
      });
      if (!response.ok) throw new Error(`máy chủ trả lời ${response.status}`);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * The worker thread that parses reports, so that a long parse never holds the thread answering
 * requests, nor a stop signal. Its bundle lies beside server.js (the standalone server runs from
 * that folder; tools/standalone.ts puts it there); without it, reports are parsed in this thread.
 */
function reportParser(): ReportParser | undefined {
  const file = path.resolve(/*turbopackIgnore: true*/ PARSE_WORKER_FILE);
  if (existsSync(/*turbopackIgnore: true*/ file)) return createWorkerParser(file).parse;
  console.error(`[đăng bài] Không thấy ${file}: bài được đọc ngay trong luồng trả lời yêu cầu`);
  return undefined;
}

/**
 * Publishing without a rebuild: watches the content folder and the photos, and after each burst
 * of changes reads the changed files again, reports what is wrong, and revalidates exactly the
 * pages whose content changed. Also run once at start, for what changed while the server was down.
 */
export function startPublishing(): void {
  startLiveArchive();
  const contentDir = contentDirectory();
  const publicDir = publicDirectory();
  const reportProblems = createProblemReporter(contentDir, (line) => console.error(`[đăng bài] ${line}`));
  const sweepTrash = trashSweeper(contentDir, log);
  const recordInHistory = folderRecorder(contentDir, log);
  keepInStepWithOrigin(contentDir, log);
  const parse = reportParser();
  const announce = announcer();

  // What changed since the last pass: the report files by name (all of them at start, after a
  // glossary change or a failed pass) and the photos by address.
  let files: Set<string> | "all" = "all";
  let photos: Set<string> | "all" = "all";
  let pending = true;
  let running = false;
  let quietTimer: NodeJS.Timeout | null = null;
  let firstChangeAt = 0;

  /**
   * Publishes what one batch changed: search in the background, the stale pages at once, then
   * tells search engines and the hub, unless `quietly` (the first pass, which on a fresh machine
   * finds every report new; what changed while the server was down is left to the sitemaps).
   */
  const publish = async (changes: AddressChange[], started: number, quietly: boolean) => {
    // Search follows in the background: a first start on a large archive must not hold publishing.
    void catchUpSearchIndex(changes).catch((error: unknown) =>
      console.error(
        `[tìm kiếm] Không cập nhật được chỉ mục: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    if (changes.length > MASS_CHANGE) {
      await revalidate("everything");
      if (!quietly) announce?.announce(changes, [routes.feed], archiveStoreId());
      log(
        `${changes.length} bài thay đổi: mọi trang làm mới khi được đọc lại (${Math.round(performance.now() - started)} ms)`,
      );
      return;
    }
    const paths = stalePaths(changes);
    if (paths.length === 0) return;
    await revalidate(paths);
    if (!quietly) announce?.announce(changes, paths, archiveStoreId());
    // A render a reader's request started just before the store changed finishes after this
    // revalidation and is cached as fresh, with the old text. The same pages are marked stale
    // once more when such a render has had time to end: a reader sees the change on the next
    // request after that, not only after the report's next change.
    setTimeout(() => {
      void revalidate(paths).catch((error: unknown) =>
        console.error(
          `[đăng bài] Không làm mới lần hai: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }, SETTLE_MS).unref();
    const shown = paths.slice(0, 5).join(", ");
    log(
      `${paths.length} trang làm mới trong ${Math.round(performance.now() - started)} ms: ${shown}${paths.length > 5 ? ", …" : ""}`,
    );
  };

  let firstPass = true;
  const pass = async (changedFiles: FileScope, changedPhotos: PhotoChanges) => {
    let started = performance.now();
    const quietly = firstPass;
    firstPass = false;
    const last = await refreshArchive(changedFiles, changedPhotos, parse, async (changes) => {
      await publish(changes, started, quietly);
      started = performance.now();
    });
    reportProblems(archiveProblems());
    sweepTrash();
    recordInHistory(changedFiles);
    await publish(last, started, quietly);
    if (quietly) log("đã đọc lại thư mục khi khởi động");
  };

  const run = async () => {
    if (running || !pending) return;
    running = true;
    pending = false;
    const [changedFiles, changedPhotos] = [files, photos];
    files = new Set();
    photos = new Set();
    try {
      await pass(changedFiles, changedPhotos);
    } catch (error) {
      // The next pass looks at everything again rather than lose what this one was given.
      files = "all";
      photos = "all";
      // A bad glossary or a folder that cannot be read: say so, keep serving what is published.
      console.error(
        `[đăng bài] Không đăng được thay đổi: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      running = false;
      if (pending) void run();
      else publishingIdle();
    }
  };

  const schedule = () => {
    publishingBusy();
    const now = Date.now();
    if (!quietTimer) firstChangeAt = now;
    else clearTimeout(quietTimer);
    const wait = Math.min(QUIET_MS, Math.max(0, firstChangeAt + MAX_WAIT_MS - now));
    quietTimer = setTimeout(() => {
      quietTimer = null;
      void run();
    }, wait);
  };

  const isWatchedName = (name: string) => isReportFileName(name) || name === GLOSSARY_FILE;

  // One watch on the folder itself (inotify on Linux), not one per file: a watcher per file, as
  // chokidar sets them, held 300 MB of the server's heap at 100,000 reports. Subfolders, the
  // problems file and editors' temporary files do not count.
  const watcher = watch(contentDir, (_event, name) => {
    if (name !== null && !isWatchedName(name)) return;
    if (files !== "all") {
      if (name === null || name === GLOSSARY_FILE) files = "all";
      else files.add(name);
    }
    pending = true;
    schedule();
  });
  watcher.on("error", (error) => console.error(`[đăng bài] Lỗi theo dõi thư mục: ${String(error)}`));

  // Photos are not watched: watching every folder of photos grows with the archive. A photo
  // matters to publishing when a report waits for it (a broken report names it): those few are
  // looked for every second, and each one that appears or changes is handed to the next pass. A
  // photo an editor uploads gets a new name and comes with its report's save.
  // A photo missing here is asked of the other machines (PHOTO_PEERS), if there are any.
  const handed = new Map<string, number>();
  const peers = photoPeers();
  const askPeers = peers.length ? peerPhotoFetcher(publicDir, peers, MAX_PHOTO_BYTES) : null;
  setInterval(() => {
    const waiting = waitingPhotos(WAITING_PHOTOS_MAX);
    for (const { src, mtimeMs } of waiting) {
      if (mtimeMs === null) askPeers?.(src);
      if (mtimeMs === null || handed.get(src) === mtimeMs) continue;
      handed.set(src, mtimeMs);
      if (photos !== "all") photos.add(src);
      pending = true;
      schedule();
    }
    if (handed.size > WAITING_PHOTOS_MAX) handed.clear();
  }, WAITING_PHOTOS_MS).unref();

  // Scheduled reports: each second the store is asked (through its own index) for those whose
  // time has come; they are read again, which publishes them like new ones. No reader's request is
  // needed, every instance does it for itself, and one that was down at that second does it at its
  // start (the store reads again every file whose time has passed).
  setInterval(() => {
    const due = dueReportFiles(DUE_REPORTS_MAX);
    if (due.length === 0 || files === "all") return;
    for (const file of due) files.add(file);
    pending = true;
    schedule();
  }, SCHEDULE_CHECK_MS).unref();

  // A pass an hour even when nothing changes: the trash is swept after it.
  setInterval(() => {
    pending = true;
    schedule();
  }, TRASH_SWEEP_MS).unref();
  publishingBusy();
  void run();
  log(`theo dõi ${contentDir}; ảnh bài đang chờ tìm trong ${publicDir}`);
}
