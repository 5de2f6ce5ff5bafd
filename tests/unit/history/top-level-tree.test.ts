import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { editTree, fileIdIn, isTopLevelFileName, readTree } from "@/lib/history/top-level-tree";
import { temporaryFolder } from "../support/temporary-folder";

// The tree splice a save's commit makes, against trees Debian's git builds itself from the same files.

let repo: string;

function runGit(args: string[], input?: string | Buffer): Buffer {
  const result = spawnSync("git", ["-C", repo, ...args], { input });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${String(result.stderr)}`);
  return result.stdout;
}

/** The id git gives the folder's files written as a tree through its own index. */
function treeOfFolder(): string {
  runGit(["add", "--all"]);
  return String(runGit(["write-tree"])).trim();
}

function blob(text: string): string {
  return String(runGit(["hash-object", "-w", "--stdin"], text)).trim();
}

const NAMES = ["a-b.md", "a.md", "a0.md", "đường-phố.md", "z.md", "ủy-ban.md"];

beforeEach(() => {
  repo = temporaryFolder("cay-");
  runGit(["init", "--quiet"]);
  for (const name of NAMES) writeFileSync(path.join(repo, name), `${name}\n`);
  // A folder sorts as its name and "/": between "a.md" and "a0.md" here.
  mkdirSync(path.join(repo, "a"));
  writeFileSync(path.join(repo, "a", "trong.md"), "trong\n");
});

describe("a top-level tree edited as bytes", () => {
  it("replaces, adds in git's order and removes files, giving the tree git itself writes", () => {
    const tree = readTree(runGit(["cat-file", "tree", treeOfFolder()]));
    expect(fileIdIn(tree, "a.md")).toBe(blob("a.md\n"));
    expect(fileIdIn(tree, "chưa-có.md")).toBeNull();
    expect(fileIdIn(tree, "a")).toBeNull();

    const changed = blob("sửa\n");
    const added = blob("mới\n");
    const edited = Buffer.concat(
      editTree(tree, [
        { name: "ủy-ban.md", id: changed },
        { name: "a-c.md", id: added },
        { name: "a.n", id: added },
        { name: "0.md", id: added },
        { name: "zz.md", id: added },
        { name: "z.md", id: null },
        { name: "không-có.md", id: null },
      ]),
    );

    writeFileSync(path.join(repo, "ủy-ban.md"), "sửa\n");
    for (const name of ["a-c.md", "a.n", "0.md", "zz.md"]) writeFileSync(path.join(repo, name), "mới\n");
    rmSync(path.join(repo, "z.md"));
    const expected = treeOfFolder();
    expect(String(runGit(["hash-object", "-t", "tree", "--stdin"], edited)).trim()).toBe(expected);
    expect(fileIdIn(readTree(edited), "a.n")).toBe(added);
  });

  it("edits an empty tree, and refuses a name inside or equal to a folder", () => {
    const empty = readTree(Buffer.alloc(0));
    const id = blob("một\n");
    const one = Buffer.concat(editTree(empty, [{ name: "một.md", id }]));
    expect(fileIdIn(readTree(one), "một.md")).toBe(id);

    const tree = readTree(runGit(["cat-file", "tree", treeOfFolder()]));
    expect(isTopLevelFileName(tree, "a/trong.md")).toBe(false);
    expect(isTopLevelFileName(tree, "a")).toBe(false);
    expect(isTopLevelFileName(tree, "a.md")).toBe(true);
    expect(() => editTree(tree, [{ name: "a", id }])).toThrow(/“a”/);
  });

  it("says a tree cut short is broken", () => {
    const bytes = runGit(["cat-file", "tree", treeOfFolder()]);
    expect(() => readTree(bytes.subarray(0, bytes.length - 3))).toThrow(/cắt cụt/);
  });
});
