import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { formatChangeTime } from "../dates";
import { editorAuthor } from "../history/authors";
import { contentRepositoryOf } from "../history/content-repository";
import { git } from "../history/git";
import { splitReportText, titleOf } from "../history/describe-change";
import { commitFiles } from "../history/record-changes";
import { withRepositoryLock } from "../history/repository-lock";
import { catchUpBeforeChange, pushSoon } from "../history/shared-origin";
import { prepareRepository } from "../history/set-up-repository";
import { readTexts } from "../history/versions";
import { openReportFile, reportFileText } from "./report-file";
import {
  checkReportText,
  fileVersion,
  isEditableReportFile,
  logEditorAction,
  stampedDraft,
  writeReportFile,
} from "./save-report";

// Restoring a version: its text becomes the report's again, as a new change on top of the history
// (nothing is rewritten), refused like a save when the report changed since the editor looked.
// Corrections stay: a correction readers were told of is never taken back by a restore.

export type RestoreOutcome =
  | { restored: true; file: string }
  | { restored: false; reason: "no-such-version" | "changed" | "problems"; message: string };

export interface RestoreRequest {
  contentDir: string;
  editor: string;
  file: string;
  commit: string;
  /** The file's version when the editor looked ("" for a deleted report). */
  version: string;
  now?: Date;
}

type Correction = { at: unknown; note: unknown };
const correctionsOf = (data: Record<string, unknown>): Correction[] =>
  Array.isArray(data.corrections) ? (data.corrections as Correction[]) : [];

export function restoreVersion({
  contentDir,
  editor,
  file,
  commit,
  version,
  now = new Date(),
}: RestoreRequest): Promise<RestoreOutcome> {
  const noSuch = { restored: false, reason: "no-such-version", message: "Không có bản này." } as const;
  if (!isEditableReportFile(file) || !/^[0-9a-f]{40}$/.test(commit)) return Promise.resolve(noSuch);
  const repo = contentRepositoryOf(contentDir);
  return withRepositoryLock(repo, async (): Promise<RestoreOutcome> => {
    await prepareRepository(repo);
    await catchUpBeforeChange(repo).catch(() => undefined);
    const [old] = await readTexts(repo, [`${commit}:${file}`]);
    if (old === null || old === undefined) return noSuch;
    const target = path.join(contentDir, file);
    const current = existsSync(target) ? readFileSync(target, "utf8") : null;
    if ((current === null ? "" : fileVersion(current)) !== version) {
      return {
        restored: false,
        reason: "changed",
        message:
          "Chưa khôi phục: bài đã được sửa (hoặc xóa, hoặc khôi phục) ở nơi khác sau khi bạn mở lịch sử. Đây là lịch sử mới nhất.",
      };
    }
    const draft = openReportFile(old);
    const kept = current === null ? [] : correctionsOf(splitReportText(current).data);
    const ownAt = new Set(correctionsOf(draft.data).map((correction) => String(correction.at)));
    const corrections = [...correctionsOf(draft.data), ...kept.filter((item) => !ownAt.has(String(item.at)))];
    const withCorrections = {
      data: { ...draft.data, ...(corrections.length ? { corrections } : {}) },
      body: draft.body,
    };
    const published = draft.data.draft !== true;
    const text = published
      ? reportFileText(stampedDraft(withCorrections, now))
      : reportFileText(withCorrections, old);
    const { problems } = checkReportText(contentDir, file, text);
    if (problems.length > 0 && published) {
      return {
        restored: false,
        reason: "problems",
        message: `Chưa khôi phục: bản này có ${problems.length} lỗi với cách kiểm tra hiện nay (${problems
          .map((problem) => `${problem.field ?? ""} ${problem.message}`.trim())
          .join("; ")}). Mở bài, sửa rồi lưu.`,
      };
    }
    writeReportFile(contentDir, file, text, current !== null);
    logEditorAction(editor, "khôi phục", file);
    const seconds = Number((await git(repo, ["show", "-s", "--format=%at", commit, "--"])).trim());
    const when = Number.isFinite(seconds) ? ` lúc ${formatChangeTime(new Date(seconds * 1000))}` : "";
    const title = titleOf(draft);
    await commitFiles(repo, {
      files: [file],
      author: editorAuthor(editor),
      message: () => `Khôi phục bài “${title}” (${file}) về bản ${commit.slice(0, 8)}${when}`,
    });
    return { restored: true, file };
  }).finally(() => pushSoon(repo));
}
