import { FOLDER_AUTHOR } from "./authors";
import { contentRepositoryOf } from "./content-repository";
import { commitFiles, folderMessage } from "./record-changes";
import { withRepositoryLock } from "./repository-lock";
import { setUpRepository } from "./set-up-repository";
import { pushSoon } from "./shared-origin";
import { catchUpVersions } from "./versions";

// For the publishing watcher: after each pass, what changed in the folder without the editor
// (a file saved by hand or by another tool) is committed, credited to the folder. What an editor
// saved, or what arrived by `git push`, is already committed and makes no second commit. Runs
// beside publishing, never before it.

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function folderRecorder(
  contentDir: string,
  log: (line: string) => void,
): (files: ReadonlySet<string> | "all") => void {
  const repo = contentRepositoryOf(contentDir);
  const ready = setUpRepository(repo).then(
    (made) => {
      if (made) log(`bắt đầu lưu lịch sử thư mục nội dung trong ${repo.gitDir}`);
      // The index of versions, brought up to date now rather than by an editor's first history
      // page (a first catch-up at 100,000 reports lists every file once).
      void catchUpVersions(repo).catch((error: unknown) =>
        log(`không cập nhật được chỉ mục phiên bản: ${message(error)}`),
      );
      return true;
    },
    (error: unknown) => {
      log(`không lưu được lịch sử (git): ${message(error)}`);
      return false;
    },
  );
  return (files) => {
    if (files !== "all" && files.size === 0) return;
    const named = files === "all" ? "all" : [...files];
    void ready
      .then((usable) =>
        usable
          ? withRepositoryLock(repo, () =>
              commitFiles(repo, { files: named, author: FOLDER_AUTHOR, message: folderMessage }),
            )
          : null,
      )
      .then((recorded) => {
        if (!recorded) return;
        log(`lịch sử: ${folderMessage(recorded.changes)} (${recorded.commit.slice(0, 8)})`);
        // To the other machines now, not at the next exchange (up to SYNC_MS later).
        pushSoon(repo);
      })
      .catch((error: unknown) => log(`không ghi được lịch sử: ${message(error)}`));
  };
}
