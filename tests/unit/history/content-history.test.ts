import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { getPriority } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recordedDelete, recordedSave } from "@/lib/editorial/recorded-edits";
import { openReportFile } from "@/lib/editorial/report-file";
import { compareVersions, deletedReports, reportHistory } from "@/lib/editorial/report-history";
import { restoreVersion } from "@/lib/editorial/restore-version";
import { fileVersion } from "@/lib/editorial/save-report";
import { FOLDER_AUTHOR } from "@/lib/history/authors";
import { contentRepositoryOf } from "@/lib/history/content-repository";
import { git, locateContentRepository } from "@/lib/history/git";
import {
  looseObjectCount,
  PACK_AFTER_LOOSE_OBJECTS,
  packLooseObjects,
} from "@/lib/history/pack-loose-objects";
import { commitFiles, folderMessage, holdsLastTree, TREE_KEPT_MS } from "@/lib/history/record-changes";
import { repositoryIdle, withRepositoryLock } from "@/lib/history/repository-lock";
import { setUpRepository } from "@/lib/history/set-up-repository";
import { fileVersions, LOG_FORMAT, parseLog } from "@/lib/history/versions";
import { stubFolders } from "../support/environment";
import { REPO_CONTENT, SEED_FILE } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

// The content folder's history through Debian's git, on real folders and real report files.
// Each test runs git a few dozen times (1.4 s at most here): room for a machine three times slower.
vi.setConfig({ testTimeout: 15_000, hookTimeout: 15_000 });

let work: string;
let content: string;
let data: string;

beforeEach(() => {
  work = temporaryFolder("lich-su-");
  content = path.join(work, "content");
  data = path.join(work, "data");
  cpSync(REPO_CONTENT, content, { recursive: true });
  stubFolders({ editorData: data, content });
});

// A commit's upkeep of git's index runs after the save has answered: done before the folder goes.
afterEach(() => repositoryIdle(contentRepositoryOf(content)));

const log = async (format = "%an|%s") =>
  (await git(contentRepositoryOf(content), ["log", `--format=${format}`, "--name-status"])).trim();
const commits = async () =>
  (await git(contentRepositoryOf(content), ["rev-list", "HEAD"])).trim().split("\n").filter(Boolean);
const seedText = () => readFileSync(path.join(content, SEED_FILE), "utf8");

/** The seed as the form would post it, changed by `change`. */
function postedSeed(
  change: (data: Record<string, unknown>, body: string) => { data: Record<string, unknown>; body: string },
) {
  const text = seedText();
  const { data: fields, body } = openReportFile(text);
  const changed = change(fields, body);
  return { file: SEED_FILE, version: fileVersion(text), ...changed };
}

describe("the content folder becomes a repository", () => {
  it("with a first commit of what it holds, once, whoever asks first", async () => {
    const repo = contentRepositoryOf(content);
    expect(repo.gitDir).toBe(path.join(content, ".git"));
    const made = await Promise.all([setUpRepository(repo), setUpRepository(repo)]);
    expect(made.sort()).toEqual([false, true]);
    expect(await log()).toContain(`A\t${SEED_FILE}`);
    expect(await commits()).toHaveLength(1);
  });

  it("keeps its history beside the editors' data when the folder lies inside another checkout", async () => {
    const outer = path.join(work, "site");
    mkdirSync(outer);
    spawnSync("git", ["init", "--quiet", outer]);
    const inside = path.join(outer, "content");
    cpSync(REPO_CONTENT, inside, { recursive: true });
    const repo = locateContentRepository(inside, data);
    expect(repo.gitDir).toBe(path.join(data, "noi-dung.git"));
    await setUpRepository(repo);
    expect(existsSync(path.join(inside, ".git"))).toBe(false);
    expect((await git(repo, ["ls-files"])).trim().split("\n")).toContain(SEED_FILE);
  });

  it("never holds the trash or an editor's half-written file", async () => {
    mkdirSync(path.join(content, ".thung-rac"));
    writeFileSync(path.join(content, ".thung-rac", "cu.md"), "---\ntitle: Cũ\n---\n");
    writeFileSync(path.join(content, `.${SEED_FILE}.123.tmp`), "nửa chừng");
    await setUpRepository(contentRepositoryOf(content));
    expect(await git(contentRepositoryOf(content), ["ls-files"])).not.toMatch(/thung-rac|\.tmp/);
  });
});

describe("git's housekeeping", () => {
  it("runs at the lowest CPU priority where asked (gc after saves), other commands at the server's", async () => {
    const repo = contentRepositoryOf(content);
    await setUpRepository(repo);
    // `nice` without arguments prints the priority it runs at.
    const priority = async (lowPriority: boolean) =>
      Number((await git(repo, ["-c", "alias.priority=!nice", "priority"], { lowPriority })).trim());
    expect(await priority(false)).toBe(getPriority());
    expect(await priority(true)).toBe(19);
  });

  it("holds the folder's last tree while saves come, and lets it go ten minutes after the last", async () => {
    const repo = contentRepositoryOf(content);
    await setUpRepository(repo);
    const save = async (line: string) => {
      writeFileSync(path.join(content, SEED_FILE), `${seedText()}\n${line}\n`);
      return withRepositoryLock(repo, () =>
        commitFiles(repo, { files: [SEED_FILE], author: FOLDER_AUTHOR, message: folderMessage }),
      );
    };
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      expect(holdsLastTree(repo)).toBe(false);
      expect(await save("Lần một.")).not.toBeNull();
      expect(holdsLastTree(repo)).toBe(true);
      vi.advanceTimersByTime(TREE_KEPT_MS - 1000);
      // Another save within the ten minutes: they count from it.
      expect(await save("Lần hai.")).not.toBeNull();
      vi.advanceTimersByTime(TREE_KEPT_MS - 1000);
      expect(holdsLastTree(repo)).toBe(true);
      vi.advanceTimersByTime(1000);
      expect(holdsLastTree(repo)).toBe(false);
      // The next save reads it from git again.
      expect((await save("Lần ba."))?.changes).toEqual([{ file: SEED_FILE, kind: "sửa" }]);
      expect(holdsLastTree(repo)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("packs the loose objects once sixty have gathered, counted rather than guessed", async () => {
    const repo = contentRepositoryOf(content);
    await setUpRepository(repo);
    await git(repo, ["repack", "-d", "-q"]);
    const loose = async () => looseObjectCount(await git(repo, ["count-objects"]));
    expect(await loose()).toBe(0);
    /** Loose objects as saves leave them, reachable from a branch: `files` blobs, their tree and a commit. */
    const commitLoose = async (files: number, branch: string) => {
      const names = Array.from({ length: files }, (_, n) => path.join(work, `${branch}-${n}.txt`));
      for (const name of names) writeFileSync(name, `Nội dung ${name}\n`);
      const ids = (await git(repo, ["hash-object", "-w", "--", ...names])).trim().split("\n");
      const listing = ids.map((id, n) => `100644 blob ${id}\t${n}.txt`).join("\n");
      const tree = (await git(repo, ["mktree"], { input: `${listing}\n` })).trim();
      const env = {
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@t",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@t",
      };
      const commit = (await git(repo, ["commit-tree", tree, "-m", branch], { env })).trim();
      await git(repo, ["update-ref", `refs/heads/${branch}`, commit]);
    };
    await commitLoose(PACK_AFTER_LOOSE_OBJECTS - 3, "vat");
    expect(await loose()).toBe(PACK_AFTER_LOOSE_OBJECTS - 1);
    expect(await packLooseObjects(repo)).toBeNull();

    await commitLoose(1, "them");
    expect(await loose()).toBe(PACK_AFTER_LOOSE_OBJECTS + 2);
    const started = await packLooseObjects(repo);
    expect(started).not.toBeNull();
    await started?.packed;
    expect(await loose()).toBe(0);
  });
});

describe("every change is a commit", () => {
  it("a save by an editor, credited to the editor, naming the report; a save that changes nothing makes none", async () => {
    const saved = await recordedSave({
      contentDir: content,
      editor: "bientap",
      draft: postedSeed((fields, body) => ({ data: { ...fields, title: "Tiêu đề mới" }, body })),
    });
    expect(saved.created === null && saved.state.saved).toBe(true);
    const [latest] = (await log("%an <%ae>|%s")).split("\n");
    expect(latest).toBe(`bientap <bientap@bien-tap.invalid>|Sửa bài “Tiêu đề mới” (${SEED_FILE})`);
    const before = await commits();
    await recordedSave({
      contentDir: content,
      editor: "bientap",
      draft: postedSeed((fields, body) => ({ data: fields, body })),
    });
    expect(await commits()).toEqual(before);
  });

  it("commits a save without git's index, then brings the index in step: git sees a clean folder", async () => {
    const repo = contentRepositoryOf(content);
    writeFileSync(path.join(content, "bai-moi.md"), "---\ntitle: Bài mới\n---\nThân bài.\n");
    await setUpRepository(repo);
    for (const text of ["Một.", "Hai."]) {
      writeFileSync(path.join(content, "bai-moi.md"), `---\ntitle: Bài mới\n---\n${text}\n`);
      await withRepositoryLock(repo, () =>
        commitFiles(repo, {
          files: ["bai-moi.md", SEED_FILE],
          author: FOLDER_AUTHOR,
          message: folderMessage,
        }),
      );
    }
    rmSync(path.join(content, "bai-moi.md"));
    await withRepositoryLock(repo, () =>
      commitFiles(repo, { files: ["bai-moi.md"], author: FOLDER_AUTHOR, message: folderMessage }),
    );
    await repositoryIdle(repo);
    expect(await git(repo, ["status", "--porcelain"])).toBe("");
    expect((await log("%s")).split("\n").filter((line) => line.startsWith("Lưu"))).toEqual([
      "Lưu từ thư mục: xóa bai-moi.md",
      "Lưu từ thư mục: sửa bai-moi.md",
      "Lưu từ thư mục: sửa bai-moi.md",
    ]);
    expect(await git(repo, ["show", "HEAD~1:bai-moi.md"])).toContain("Hai.");
  });

  it("a save of a published report says when it changed; a correction adds its note and time", async () => {
    const now = Date.now();
    await recordedSave({
      contentDir: content,
      editor: "bientap",
      correction: "Sửa tên đơn vị tham dự",
      draft: postedSeed((fields, body) => ({ data: fields, body: body.replace("Vinh", "Vinh (Nghệ An)") })),
    });
    const { data: fields } = openReportFile(seedText());
    expect(Date.parse(String(fields.updated))).toBeGreaterThan(now - 60_000);
    expect(fields.corrections).toEqual([{ at: fields.updated, note: "Sửa tên đơn vị tham dự" }]);
    expect(await log("%s%n%b")).toMatch(/^Đính chính bài “.+” \(.+\)\nĐính chính: Sửa tên đơn vị tham dự/);
  });

  it("a file saved by hand, credited to the folder; one already committed makes no second commit", async () => {
    const repo = contentRepositoryOf(content);
    await setUpRepository(repo);
    writeFileSync(path.join(content, "tay.md"), "---\ntitle: Viết tay\ndate: 2026-12-05\n---\nThân bài.\n");
    const commit = () =>
      withRepositoryLock(repo, () =>
        commitFiles(repo, { files: ["tay.md"], author: FOLDER_AUTHOR, message: folderMessage }),
      );
    expect((await commit())?.changes).toEqual([{ file: "tay.md", kind: "thêm" }]);
    expect(await commit()).toBeNull();
    expect((await log()).split("\n")[0]).toBe("thư mục nội dung|Lưu từ thư mục: thêm tay.md");
  });

  it("a file name that looks like an option is a file name (it comes after --)", async () => {
    const repo = contentRepositoryOf(content);
    await setUpRepository(repo);
    writeFileSync(path.join(content, "--help.md"), "không phải tùy chọn\n");
    const recorded = await withRepositoryLock(repo, () =>
      commitFiles(repo, { files: ["--help.md"], author: FOLDER_AUTHOR, message: folderMessage }),
    );
    expect(recorded?.changes).toEqual([{ file: "--help.md", kind: "thêm" }]);
  });

  it("a delete, credited to the editor; the report is listed under “Đã xóa”", async () => {
    await recordedDelete({
      contentDir: content,
      editor: "bientap",
      file: SEED_FILE,
      version: fileVersion(seedText()),
    });
    expect((await log()).split("\n")[0]).toMatch(/^bientap\|Xóa bài “.+” \(/);
    expect((await deletedReports(content)).map((report) => report.name)).toEqual([SEED_FILE.slice(0, -3)]);
  });
});

describe("history, comparison and restore", () => {
  async function twoEdits() {
    await recordedSave({
      contentDir: content,
      editor: "bientap",
      draft: postedSeed((fields, body) => ({ data: { ...fields, title: "Tiêu đề thứ hai" }, body })),
    });
    await recordedSave({
      contentDir: content,
      editor: "truongban",
      correction: "Bỏ câu sai",
      draft: postedSeed((fields, body) => ({ data: fields, body: `${body}\nThêm một câu mới.\n` })),
    });
  }

  it("lists every version newest first, who, and what changed in words", async () => {
    await twoEdits();
    const history = await reportHistory(content, SEED_FILE.slice(0, -3));
    expect(history?.entries.map((entry) => [entry.author, entry.changes, entry.correction])).toEqual([
      ["truongban", ["đính chính", "+4 / −0 chữ"], "Bỏ câu sai"],
      ["bientap", ["sửa tiêu đề"], null],
      ["thư mục nội dung", ["tạo bài"], null],
    ]);
    expect(history?.currentVersion).toBe(fileVersion(seedText()));
  });

  it("compares two versions field by field and word by word", async () => {
    await twoEdits();
    const [newest, , first] = (await reportHistory(content, SEED_FILE.slice(0, -3)))!.entries;
    const comparison = await compareVersions(content, SEED_FILE.slice(0, -3), first!.commit, newest!.commit);
    const title = comparison?.fields.find((field) => field.name === "title");
    expect(title).toMatchObject({ label: "Tiêu đề", after: "Tiêu đề thứ hai", changed: true });
    expect(comparison?.body.filter((part) => part.kind === "added").map((part) => part.text.trim())).toEqual([
      "Thêm một câu mới.",
    ]);
    expect(
      await compareVersions(content, SEED_FILE.slice(0, -3), "--output=/tmp/x", newest!.commit),
    ).toBeNull();
  });

  it("restores a version as a new commit, keeping every earlier one and the corrections readers saw", async () => {
    await twoEdits();
    const history = (await reportHistory(content, SEED_FILE.slice(0, -3)))!;
    const first = history.entries.at(-1)!;
    const before = await commits();
    const outcome = await restoreVersion({
      contentDir: content,
      editor: "bientap",
      file: SEED_FILE,
      commit: first.commit,
      version: history.currentVersion,
    });
    expect(outcome).toEqual({ restored: true, file: SEED_FILE });
    const after = await commits();
    expect(after.slice(1)).toEqual(before);
    const restored = openReportFile(seedText());
    const original = openReportFile(readFileSync(path.join(REPO_CONTENT, SEED_FILE), "utf8"));
    expect(restored.data.title).toBe(original.data.title);
    expect(restored.body).toBe(original.body);
    expect(restored.data.corrections).toMatchObject([{ note: "Bỏ câu sai" }]);
    expect((await log()).split("\n")[0]).toMatch(
      /^bientap\|Khôi phục bài “.+” \(.+\) về bản [0-9a-f]{8} lúc /,
    );
  });

  it("refuses a restore from a history older than the file, as a save is refused", async () => {
    await twoEdits();
    const history = (await reportHistory(content, SEED_FILE.slice(0, -3)))!;
    writeFileSync(path.join(content, SEED_FILE), `${seedText()}\nSửa ở nơi khác.\n`);
    const outcome = await restoreVersion({
      contentDir: content,
      editor: "bientap",
      file: SEED_FILE,
      commit: history.entries.at(-1)!.commit,
      version: history.currentVersion,
    });
    expect(outcome).toMatchObject({ restored: false, reason: "changed" });
    expect(seedText()).toMatch(/Sửa ở nơi khác/);
  });

  it("brings a deleted report back", async () => {
    await recordedDelete({
      contentDir: content,
      editor: "bientap",
      file: SEED_FILE,
      version: fileVersion(seedText()),
    });
    const history = (await reportHistory(content, SEED_FILE.slice(0, -3)))!;
    expect(history.currentVersion).toBe("");
    expect(history.entries[0]?.deleted).toBe(true);
    const outcome = await restoreVersion({
      contentDir: content,
      editor: "bientap",
      file: SEED_FILE,
      commit: history.entries[1]!.commit,
      version: "",
    });
    expect(outcome.restored).toBe(true);
    expect(existsSync(path.join(content, SEED_FILE))).toBe(true);
    expect(await deletedReports(content)).toEqual([]);
    rmSync(path.join(content, SEED_FILE));
  });
});

describe("the index of versions beside the repository", () => {
  it("says what git's own log of the file says, for the site's commits and one made elsewhere", async () => {
    const repo = contentRepositoryOf(content);
    const saveTitle = (title: string) =>
      recordedSave({
        contentDir: content,
        editor: "bientap",
        draft: postedSeed((fields, body) => ({ data: { ...fields, title }, body })),
      });
    await saveTitle("Một");
    // The index now stands at the head: the next save is added to it as it is committed.
    await fileVersions(repo, SEED_FILE);
    await saveTitle("Hai");
    // A commit by a reporter's own git, as a push would bring.
    writeFileSync(path.join(content, SEED_FILE), seedText().replace("title: Hai", "title: Ba"));
    await git(repo, ["commit", "--quiet", "-am", "Sửa bằng git"], {
      env: {
        GIT_AUTHOR_NAME: "pv",
        GIT_AUTHOR_EMAIL: "pv@x.invalid",
        GIT_COMMITTER_NAME: "pv",
        GIT_COMMITTER_EMAIL: "pv@x.invalid",
      },
    });
    await saveTitle("Bốn");
    const fromGit = parseLog(
      await git(repo, [
        "log",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        `--format=${LOG_FORMAT}`,
        "HEAD",
        "--",
        SEED_FILE,
      ]),
    ).map(({ files, ...commit }) => ({ ...commit, blob: files[0]?.blob ?? null }));
    expect(fromGit.map((version) => version.authorName)).toEqual([
      "bientap",
      "pv",
      "bientap",
      "bientap",
      "thư mục nội dung",
    ]);
    expect(await fileVersions(repo, SEED_FILE)).toEqual(fromGit);
  });
});
