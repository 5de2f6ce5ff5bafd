import { spawnSync } from "node:child_process";
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { archiveCatalog, BUILD_CHECK_ID } from "@/lib/content/archive";
import { ContentStore } from "@/lib/content/store";
import { publicDirectory } from "@/lib/content/images";
import { ContentError } from "@/lib/content/problems";
import { stubFolders } from "../support/environment";
import { FIXTURES, REPO_ROOT } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

// `npm run build` names its content check, and `next build`'s workers, given the same name, take
// the store as that check left it instead of looking at every file again. The check is the real
// script on real files; the worker is this process asking for the archive as a page does.

const tsx = path.join(REPO_ROOT, "node_modules/.bin/tsx");
// Both sides must read the store as written by the same loaders, or it is read again from scratch.
const LOADER = "build-check-test";

function checkContent(env: Record<string, string>): void {
  const result = spawnSync(tsx, [path.join(REPO_ROOT, "scripts/check-content.ts")], {
    cwd: REPO_ROOT,
    env: { ...process.env, CONTENT_LOADER_VERSION: LOADER, ...env },
    encoding: "utf8",
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
}

/** A folder checked by `npm run build`'s check named `id`, then one of its reports broken. */
function checkedThenBroken(id: string) {
  const folder = temporaryFolder("kiem-tra-khi-dung-");
  const content = path.join(folder, "bai");
  const store = path.join(folder, "kho.sqlite");
  cpSync(path.join(FIXTURES, "content-valid"), content, { recursive: true });
  checkContent({ CONTENT_DIR: content, CONTENT_STORE: store, [BUILD_CHECK_ID]: id });
  writeFileSync(path.join(content, "ban-nhap.md"), "---\ntitle: 12\n---\nKhông có ngày.\n");
  stubFolders({ content });
  vi.stubEnv("CONTENT_STORE", store);
  vi.stubEnv("CONTENT_LOADER_VERSION", LOADER);
  return { content, store };
}

/** What a build worker given `id` finds: the archive's reports, or the problem that stops the build. */
function workerSees(id: string | undefined): number | string {
  vi.stubEnv(BUILD_CHECK_ID, id);
  try {
    return archiveCatalog().count();
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
}

// A new Node process per test, about 2 s here: room for a machine three times slower.
describe("a build's workers and its content check", { timeout: 30_000 }, () => {
  it("take the store as the build's own check left it, without looking at the files again", () => {
    checkedThenBroken("dung-1");
    // The file broken after the check is not read: the worker trusted the check (4 published reports).
    expect(workerSees("dung-1")).toBe(4);
  });

  it("look at every file when the check was another build's, or none", () => {
    checkedThenBroken("dung-2");
    expect(workerSees("dung-khac")).toMatch(/ban-nhap\.md/);
  });

  it("look at every file when the store was written after the check", () => {
    const { content, store } = checkedThenBroken("dung-3");
    // Another process (a server, a second check) reads a file into the store after the check.
    const other = new ContentStore(store, {
      contentDirectory: content,
      publicDirectory: publicDirectory(),
      loader: LOADER,
    });
    expect(other.checkedBy("dung-3")).toBe(true);
    other.remove("tom-tat-rieng.md");
    expect(other.checkedBy("dung-3")).toBe(false);
    expect(workerSees("dung-3")).toMatch(/ban-nhap\.md/);
  });
});
