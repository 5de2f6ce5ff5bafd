import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { refreshArchive, startLiveArchive } from "@/lib/content/refresh";
import { saveReport } from "@/lib/editorial/save-report";
import { stubFoldersForAll } from "../support/environment";
import { REPO_CONTENT, REPO_PUBLIC, SEED_FILE } from "../support/paths";
import { temporaryFolderForAll } from "../support/temporary-folder";

// On the live server a save that gives a report another address asks the store which files hold
// it (and reads the file named after it), instead of reading every file of the folder: real files,
// the real loader and store, read as the publishing watcher reads them.

const work = temporaryFolderForAll("dia-chi-truc-tuyen-");
const content = path.join(work, "content");
stubFoldersForAll({ content, public: REPO_PUBLIC, editorData: path.join(work, "data") });

const draft = (title: string, slug: string) => ({
  data: { title, date: "2026-11-27T08:00:00+07:00", slug },
  body: "\nĐoạn đầu.\n",
});
const save = (title: string, slug: string) =>
  saveReport({ contentDir: content, editor: "bientap", draft: draft(title, slug) });
const refusal = (outcome: ReturnType<typeof saveReport>) =>
  outcome.saved ? null : outcome.problems.find((problem) => problem.field === "slug")?.message;

beforeAll(async () => {
  cpSync(REPO_CONTENT, content, { recursive: true });
  startLiveArchive();
  await refreshArchive("all", "all");
});

describe("the address a save claims, on the live server", () => {
  it("is refused when the store knows a file that holds it, or a file is named after it", async () => {
    expect(save("Bài một", "dia-chi-rieng")).toMatchObject({ saved: true, file: "bai-mot.md" });
    await refreshArchive(new Set(["bai-mot.md"]), new Set());
    expect(refusal(save("Bài hai", "dia-chi-rieng"))).toBe(
      "địa chỉ “dia-chi-rieng” đã thuộc bài bai-mot.md; đặt slug khác (hoặc đổi tiêu đề) để bài được đăng",
    );
    const seedSlug = SEED_FILE.slice(0, -3);
    expect(refusal(save("Bài ba", seedSlug))).toContain(`đã thuộc bài ${SEED_FILE}`);
    expect(save("Bài bốn", "dia-chi-khac")).toMatchObject({ saved: true, file: "bai-bon.md" });
  });

  it("does not see a file that claims it before the watcher has read that file", () => {
    writeFileSync(
      path.join(content, "viet-tay.md"),
      "---\ntitle: Viết tay\ndate: 2026-11-27T08:00:00+07:00\nslug: dia-chi-viet-tay\n---\n\nĐoạn.\n",
    );
    // Saved: the watcher then reads both, the later one loses the address, and the editors' list
    // and `npm run check-content` name the clash.
    expect(save("Bài năm", "dia-chi-viet-tay").saved).toBe(true);
  });
});
