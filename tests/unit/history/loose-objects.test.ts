import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { adler32, storedZlib, writeLooseObject } from "@/lib/history/loose-objects";
import { temporaryFolder } from "../support/temporary-folder";

// Objects written the way a save's commit writes them, read back by zlib and by Debian's git.

describe("zlib's stored blocks, as a save writes a large tree", () => {
  it("inflate to the same bytes with a checksum zlib accepts, at every block edge", () => {
    for (const size of [0, 1, 5551, 5552, 65535, 65536, 65537, 300_001]) {
      const bytes = randomBytes(size);
      const pieces = [
        bytes.subarray(0, size >> 2),
        bytes.subarray(size >> 2, size >> 1),
        bytes.subarray(size >> 1),
      ];
      expect(inflateSync(Buffer.concat(storedZlib(pieces))).equals(bytes)).toBe(true);
    }
  });

  it("computes Adler-32 as zlib defines it", () => {
    // RFC 1950's own example value for "Wikipedia" is 0x11E60398.
    expect(adler32([Buffer.from("Wikipedia")])).toBe(0x11e60398);
    expect(adler32([Buffer.alloc(100_000, 0xff)])).toBe(
      adler32([Buffer.alloc(40_000, 0xff), Buffer.alloc(60_000, 0xff)]),
    );
  });
});

describe("loose objects in a real repository", () => {
  it("are read back by git, which finds the repository sound", () => {
    const gitDir = `${temporaryFolder("doi-tuong-")}/.git`;
    spawnSync("git", ["init", "--quiet", "--bare", gitDir]);
    const repo = { gitDir, workTree: gitDir };
    const text = Buffer.from("Ủy ban nhân dân thành phố Vinh\n".repeat(5000));
    const blob = writeLooseObject(repo, "blob", [text.subarray(0, 100), text.subarray(100)], {
      compress: false,
    });
    const small = writeLooseObject(repo, "blob", Buffer.from("Nghệ An\n"), { compress: true });
    const tree = writeLooseObject(
      repo,
      "tree",
      [
        Buffer.from("100644 a.md\0"),
        Buffer.from(small, "hex"),
        Buffer.from("100644 b.md\0"),
        Buffer.from(blob, "hex"),
      ],
      { compress: false },
    );
    const show = (...args: string[]) =>
      spawnSync("git", [`--git-dir=${gitDir}`, ...args], { encoding: "utf8" });
    expect(show("cat-file", "-p", `${tree}:b.md`).stdout).toBe(text.toString());
    expect(show("cat-file", "-p", small).stdout).toBe("Nghệ An\n");
    const fsck = show("fsck", "--strict", "--unreachable");
    expect(fsck.status).toBe(0);
    expect(fsck.stdout).toMatch(new RegExp(`(dangling|unreachable) tree ${tree}`));
    expect(fsck.stderr).not.toMatch(/error/i);
    expect(writeLooseObject(repo, "blob", text, { compress: true })).toBe(blob);
  });
});
