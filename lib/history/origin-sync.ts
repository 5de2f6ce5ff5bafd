import { contentRepositoryOf } from "./content-repository";
import { withRepositoryLock } from "./repository-lock";
import { setUpRepository } from "./set-up-repository";
import { SYNC_MS, type SyncOutcome, sharedOrigin, syncWithOrigin } from "./shared-origin";

const SAID: Partial<Record<SyncOutcome, string>> = {
  pulled: "đã nhận thay đổi từ kho chung",
  merged: "đã gộp thay đổi từ kho chung và đẩy lên",
  pushed: "đã đẩy thay đổi lên kho chung",
};

/**
 * For the running server, when CONTENT_GIT_REMOTE is set: an exchange with the shared origin
 * every SYNC_MS. What it brings changes the folder, and the watcher publishes it.
 */
export function keepInStepWithOrigin(contentDir: string, log: (line: string) => void): void {
  const origin = sharedOrigin();
  if (!origin) return;
  const repo = contentRepositoryOf(contentDir);
  let running = false;
  let reachable = true;
  setInterval(() => {
    if (running) return;
    running = true;
    void setUpRepository(repo)
      .then(() => withRepositoryLock(repo, () => syncWithOrigin(repo)))
      .then((outcome) => {
        const nowReachable = outcome !== "unreachable" && outcome !== "push-failed";
        if (nowReachable !== reachable) {
          log(
            nowReachable
              ? `liên lạc lại được kho chung ${origin}`
              : `không liên lạc được kho chung ${origin}: sửa vẫn đăng ở máy này, đẩy lên sau`,
          );
        }
        reachable = nowReachable;
        const said = SAID[outcome];
        if (said) log(said);
      })
      .catch((error: unknown) =>
        log(`đồng bộ kho chung lỗi: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = false;
      });
  }, SYNC_MS).unref();
}
