import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recordedSave } from "@/lib/editorial/recorded-edits";
import { openReportFile } from "@/lib/editorial/report-file";
import { fileVersion } from "@/lib/editorial/save-report";
import { editorAuthor } from "@/lib/history/authors";
import { contentRepositoryOf } from "@/lib/history/content-repository";
import type { ContentRepository } from "@/lib/history/git";
import { commitFiles, folderMessage } from "@/lib/history/record-changes";
import { repositoryIdle, withRepositoryLock } from "@/lib/history/repository-lock";
import { setUpRepository } from "@/lib/history/set-up-repository";
import { originStatus, syncWithOrigin } from "@/lib/history/shared-origin";
import { fileVersions } from "@/lib/history/versions";
import { stubFolders } from "../support/environment";
import { REPO_CONTENT, SEED_FILE } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

// Two machines' content folders and one bare origin, on this machine: each exchange is the one the
// running server makes every few seconds (lib/history/origin-sync.ts), called here in turn.
// Each test runs git a few dozen times (1.4 s at most here): room for a machine three times slower.
vi.setConfig({ testTimeout: 15_000, hookTimeout: 15_000 });

let work: string;
let contentA: string;
let contentB: string;
let origin: string;
let machineA: ContentRepository;
let machineB: ContentRepository;

beforeEach(async () => {
  work = temporaryFolder("hai-may-");
  contentA = path.join(work, "may-a");
  contentB = path.join(work, "may-b");
  origin = path.join(work, "kho-chung.git");
  cpSync(REPO_CONTENT, contentA, { recursive: true });
  mkdirSync(contentB);
  spawnSync("git", ["init", "--quiet", "--bare", "--initial-branch=main", origin]);
  stubFolders({ editorData: path.join(work, "data"), content: contentA });
  vi.stubEnv("CONTENT_GIT_REMOTE", origin);
  machineA = contentRepositoryOf(contentA);
  machineB = contentRepositoryOf(contentB);
  await setUpRepository(machineA);
  expect(await sync(machineA)).toBe("pushed");
  // A new machine takes the shared history.
  await setUpRepository(machineB);
  expect(readFileSync(path.join(contentB, SEED_FILE), "utf8")).toBe(
    readFileSync(path.join(contentA, SEED_FILE), "utf8"),
  );
});

// A commit's upkeep of git's index runs after the save has answered: done before the folders go.
afterEach(async () => {
  await repositoryIdle(machineA);
  await repositoryIdle(machineB);
});

const sync = (repo: ContentRepository) => withRepositoryLock(repo, () => syncWithOrigin(repo));
const seedOf = (folder: string) => readFileSync(path.join(folder, SEED_FILE), "utf8");
const titleOf = (folder: string) => openReportFile(seedOf(folder)).data.title;

/** The seed as a form on `folder`'s machine posts it, opened at `version`, with a new title. */
function retitled(folder: string, title: string, version = fileVersion(seedOf(folder))) {
  const { data, body } = openReportFile(seedOf(folder));
  return { file: SEED_FILE, version, data: { ...data, title }, body };
}

async function commitByHand(repo: ContentRepository, folder: string, file: string, text: string) {
  writeFileSync(path.join(folder, file), text);
  await withRepositoryLock(repo, () =>
    commitFiles(repo, { files: [file], author: editorAuthor("tay"), message: folderMessage }),
  );
}

describe("several machines in step through a shared origin", () => {
  it("a save on one machine reaches the other; a save there from the version before is refused as a conflict", async () => {
    const openedOnB = fileVersion(seedOf(contentB));
    await recordedSave({ contentDir: contentA, editor: "bientap", draft: retitled(contentA, "Sửa ở máy A") });
    await sync(machineA);
    expect(await sync(machineB)).toBe("pulled");
    expect(titleOf(contentB)).toBe("Sửa ở máy A");

    const refused = await recordedSave({
      contentDir: contentB,
      editor: "truongban",
      draft: { ...retitled(contentB, "Sửa ở máy B"), version: openedOnB },
    });
    expect(refused.created === null && refused.state.saved).toBe(false);
    expect(refused.created === null && refused.state.message).toMatch(/đã được sửa/);
    expect(titleOf(contentB)).toBe("Sửa ở máy A");
  });

  it("two machines that each made a first commit before the origin had one join their histories", async () => {
    // A new, empty origin, and two machines started at once: neither finds a history to take.
    const newOrigin = path.join(work, "kho-moi.git");
    spawnSync("git", ["init", "--quiet", "--bare", "--initial-branch=main", newOrigin]);
    vi.stubEnv("CONTENT_GIT_REMOTE", newOrigin);
    const [machineC, machineD] = ["c", "d"].map((name) => {
      const folder = path.join(work, `may-${name}`);
      cpSync(REPO_CONTENT, folder, { recursive: true });
      writeFileSync(
        path.join(folder, `bai-${name}.md`),
        `---\ntitle: Bài ${name}\ndate: 2026-12-06\n---\n${name}.\n`,
      );
      return { folder, repo: contentRepositoryOf(folder) };
    });
    await setUpRepository(machineC.repo);
    await setUpRepository(machineD.repo);
    expect(await sync(machineD.repo)).toBe("pushed");
    expect(await sync(machineC.repo)).toBe("merged");
    expect(await sync(machineD.repo)).toBe("pulled");
    for (const { folder } of [machineC, machineD]) {
      expect(existsSync(path.join(folder, "bai-c.md")) && existsSync(path.join(folder, "bai-d.md"))).toBe(
        true,
      );
    }
    await Promise.all([repositoryIdle(machineC.repo), repositoryIdle(machineD.repo)]);
  });

  it("saves to different reports on two machines at once are both on both", async () => {
    await commitByHand(machineA, contentA, "bai-a.md", "---\ntitle: Bài A\ndate: 2026-12-06\n---\nA.\n");
    await commitByHand(machineB, contentB, "bai-b.md", "---\ntitle: Bài B\ndate: 2026-12-06\n---\nB.\n");
    expect(await sync(machineA)).toBe("pushed");
    expect(await sync(machineB)).toBe("merged");
    expect(await sync(machineA)).toBe("pulled");
    for (const folder of [contentA, contentB]) {
      expect(existsSync(path.join(folder, "bai-a.md")) && existsSync(path.join(folder, "bai-b.md"))).toBe(
        true,
      );
    }
  });

  it("with the origin out of reach a save still lands here, is pushed when it returns, and the status says so", async () => {
    renameSync(origin, `${origin}-mat`);
    await recordedSave({
      contentDir: contentA,
      editor: "bientap",
      draft: retitled(contentA, "Lúc mất liên lạc"),
    });
    expect(titleOf(contentA)).toBe("Lúc mất liên lạc");
    expect(await sync(machineA)).toBe("unreachable");
    expect(await originStatus(machineA)).toMatchObject({ unpushed: 1, inStep: false });

    renameSync(`${origin}-mat`, origin);
    expect(await sync(machineA)).toBe("pushed");
    expect(await originStatus(machineA)).toMatchObject({ unpushed: 0, inStep: true });
    expect(await sync(machineB)).toBe("pulled");
    expect(titleOf(contentB)).toBe("Lúc mất liên lạc");
  });

  it("two saves of one report that cross: one text wins everywhere, the other stays in the history", async () => {
    await commitByHand(
      machineA,
      contentA,
      SEED_FILE,
      seedOf(contentA).replace(/^title: .*$/m, "title: Bản của A"),
    );
    await commitByHand(
      machineB,
      contentB,
      SEED_FILE,
      seedOf(contentB).replace(/^title: .*$/m, "title: Bản của B"),
    );
    await sync(machineA);
    expect(await sync(machineB)).toBe("merged");
    expect(await sync(machineA)).toBe("pulled");
    expect(titleOf(contentA)).toBe(titleOf(contentB));
    const versions = await fileVersions(machineA, SEED_FILE);
    const texts = spawnSync(
      "git",
      ["-C", contentA, "log", "--full-history", "--format=%s", "-p", "--", SEED_FILE],
      {
        encoding: "utf8",
      },
    ).stdout;
    expect(texts).toContain("title: Bản của A");
    expect(texts).toContain("title: Bản của B");
    expect(versions.length).toBeGreaterThanOrEqual(3);
  });
});
