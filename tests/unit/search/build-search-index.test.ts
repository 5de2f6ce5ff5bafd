import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, REPO_ROOT } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

// `npm run build` indexes the archive for search before Next builds, through the real script on
// real Markdown files: a server started after it has nothing left to index.

const tsx = path.join(REPO_ROOT, "node_modules/.bin/tsx");

/** `npm run check-content`, by default with `--index-search` as the build's first step runs it: its output. */
function check(env: Record<string, string>, options = ["--index-search"]): string {
  const result = spawnSync(tsx, [path.join(REPO_ROOT, "scripts/check-content.ts"), ...options], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  return result.stdout;
}

// Six new Node processes a test, about 2 s each here: room for a machine three times slower.
describe("the build's search step", { timeout: 60_000 }, () => {
  it("indexes every published report once, then only what changed", () => {
    const folder = temporaryFolder("chi-muc-tim-kiem-");
    const content = path.join(folder, "bai");
    cpSync(path.join(FIXTURES, "content-valid"), content, { recursive: true });
    const env = { CONTENT_DIR: content, CONTENT_STORE: path.join(folder, "kho.sqlite") };

    // Five valid reports, one of them a draft: four are searchable.
    const first = check(env);
    expect(first).toMatch(/^Đạt: 5 bài hợp lệ/m);
    expect(first).toMatch(/^Chỉ mục tìm kiếm: 4 bài cập nhật trong [\d.]+ s\.$/m);
    // Nothing written to the store since: the index is not compared with it again.
    expect(check(env)).toMatch(/^Chỉ mục tìm kiếm: đã khớp với kho bài, không cần so lại\.$/m);

    rmSync(path.join(content, "tom-tat-rieng.md"));
    expect(check(env)).toMatch(/^Chỉ mục tìm kiếm: 1 bài cập nhật/m);
    expect(check(env)).toMatch(/^Chỉ mục tìm kiếm: đã khớp/m);
    // A draft published: the store is written, so the index is compared again and the report indexed.
    const draft = path.join(content, "ban-nhap.md");
    writeFileSync(draft, readFileSync(draft, "utf8").replace("draft: true", "draft: false"));
    expect(check(env)).toMatch(/^Chỉ mục tìm kiếm: 1 bài cập nhật/m);
    // Without the option, the check leaves the index alone.
    expect(check(env, [])).not.toMatch(/Chỉ mục tìm kiếm/);
  });
});
