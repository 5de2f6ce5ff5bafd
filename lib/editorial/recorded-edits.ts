import { readFileSync } from "node:fs";
import path from "node:path";
import { editorAuthor } from "../history/authors";
import { splitReportText, titleOf } from "../history/describe-change";
import { contentRepositoryOf } from "../history/content-repository";
import { commitFiles } from "../history/record-changes";
import { withRepositoryLock } from "../history/repository-lock";
import { catchUpBeforeChange, pushSoon } from "../history/shared-origin";
import { prepareRepository } from "../history/set-up-repository";
import { type FormSave, type PostedDraft, saveFromForm } from "./editor-form";
import {
  type DeleteOutcome,
  type DeleteRequest,
  deleteReport,
  isEditableReportFile,
  type WorkflowRequest,
} from "./save-report";
import type { Decision } from "./workflow";

// The editors' saves and deletes, each written and committed in one step under the history's
// lock, credited to the editor. A commit that fails never undoes a save: the file is written and
// the watcher commits it later, credited to the folder; the failure is logged.

async function commitQuietly(step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    console.error(
      `[lịch sử] Không ghi được lịch sử: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export interface RecordedSaveRequest {
  contentDir: string;
  editor: string;
  draft: PostedDraft;
  /** A correction's note: readers are told of it, and the history says so. */
  correction?: string;
  /** The account's role and what it asks of the workflow. */
  workflow?: WorkflowRequest;
}

/** The history's word for a save, by what it asked of the workflow. */
const SAVE_KINDS: Record<Decision, string> = {
  luu: "Sửa",
  "gui-duyet": "Gửi duyệt",
  dang: "Đăng",
  "len-lich": "Hẹn giờ đăng",
  "tra-lai": "Trả lại",
  go: "Gỡ",
};

export function recordedSave({
  contentDir,
  editor,
  draft,
  correction,
  workflow,
}: RecordedSaveRequest): Promise<FormSave> {
  const repo = contentRepositoryOf(contentDir);
  return withRepositoryLock(repo, async () => {
    await commitQuietly(() => prepareRepository(repo));
    await commitQuietly(() => catchUpBeforeChange(repo));
    const outcome = saveFromForm({ contentDir, editor, draft, correction, workflow });
    const file = draft.file ?? (outcome.created !== null ? `${outcome.created}.md` : null);
    const saved = outcome.created !== null || outcome.state.saved;
    if (saved && file) {
      const asked = SAVE_KINDS[workflow?.decision ?? "luu"];
      const kind = correction ? "Đính chính" : draft.file || asked !== "Sửa" ? asked : "Tạo";
      await commitQuietly(() =>
        commitFiles(repo, {
          files: [file],
          author: editorAuthor(editor),
          message: () => `${kind} bài “${titleOf(draft)}” (${file})`,
          trailers: correction ? [`Đính chính: ${correction}`] : [],
        }),
      );
    }
    return outcome;
  }).finally(() => pushSoon(repo));
}

/** The title a report file gives, or "" (for a commit message). */
function fileTitle(contentDir: string, file: string): string {
  try {
    return titleOf(splitReportText(readFileSync(path.join(contentDir, file), "utf8")));
  } catch {
    return "";
  }
}

export function recordedDelete(request: DeleteRequest): Promise<DeleteOutcome> {
  const repo = contentRepositoryOf(request.contentDir);
  return withRepositoryLock(repo, async () => {
    await commitQuietly(() => prepareRepository(repo));
    await commitQuietly(() => catchUpBeforeChange(repo));
    const title = isEditableReportFile(request.file) ? fileTitle(request.contentDir, request.file) : "";
    const outcome = deleteReport(request);
    if (outcome.deleted) {
      await commitQuietly(() =>
        commitFiles(repo, {
          files: [request.file],
          author: editorAuthor(request.editor),
          message: () => `Xóa bài “${title}” (${request.file})`,
        }),
      );
    }
    return outcome;
  }).finally(() => pushSoon(repo));
}
