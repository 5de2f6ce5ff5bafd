import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeChange } from "@/lib/history/describe-change";
import { tokens, wordCounts, wordDiff } from "@/lib/history/word-diff";
import { REPO_CONTENT, SEED_FILE } from "../support/paths";

const seed = readFileSync(path.join(REPO_CONTENT, SEED_FILE), "utf8");

describe("a word-level diff of Vietnamese", () => {
  it("keeps a letter's diacritics in its word: Vinh → Vĩnh is one word changed, not a mark", () => {
    expect(wordDiff("thành phố Vinh", "thành phố Vĩnh")).toEqual([
      { kind: "same", text: "thành phố " },
      { kind: "removed", text: "Vinh" },
      { kind: "added", text: "Vĩnh" },
    ]);
  });

  it("reads text typed decomposed (NFD) as the same words as composed (NFC)", () => {
    const composed = "Hội nghị tổng kết công tác quốc phòng";
    expect(composed.normalize("NFD")).not.toBe(composed);
    expect(wordDiff(composed, composed.normalize("NFD"))).toEqual([{ kind: "same", text: composed }]);
    expect(tokens(composed.normalize("NFD"))).toEqual(tokens(composed));
  });

  it("counts words, not spaces or punctuation", () => {
    expect(wordCounts("An ninh, trật tự.", "An ninh, trật tự được giữ vững!")).toEqual({
      added: 3,
      removed: 0,
    });
    expect(wordCounts("một hai ba", "một ba")).toEqual({ added: 0, removed: 1 });
  });
});

describe("what a version changed, in an editor's words", () => {
  const retitled = seed.replace(/^title: .*$/m, "title: Tiêu đề đã sửa");

  it("names a new report, a deleted one, and a save that changed nothing", () => {
    expect(describeChange(null, seed)).toEqual(["tạo bài"]);
    expect(describeChange(seed, null)).toEqual(["xóa bài"]);
    expect(describeChange(seed, seed)).toEqual(["không đổi nội dung"]);
  });

  it("names each field changed by its label, and counts the body's words", () => {
    const changed = `${retitled}\nMột đoạn mới có sáu chữ.\n`;
    expect(describeChange(seed, changed)).toEqual(["sửa tiêu đề", "+6 / −0 chữ"]);
  });

  it("counts photos added and removed", () => {
    const twoMore = `${seed}\n![Ảnh một](/images/x/1.jpg)\n\n![Ảnh hai](/images/x/2.jpg)\n`;
    expect(describeChange(seed, twoMore)).toContain("thêm 2 ảnh");
    expect(describeChange(twoMore, seed)).toContain("bỏ 2 ảnh");
  });

  it("says a correction first, and not the automatic time of the change", () => {
    const corrected = seed.replace(
      /^title: .*$/m,
      (line) =>
        `${line}\nupdated: 2026-12-05T09:00:00+07:00\ncorrections:\n  - at: 2026-12-05T09:00:00+07:00\n    note: Sửa tên đơn vị`,
    );
    expect(describeChange(seed, corrected)).toEqual(["đính chính"]);
  });
});

describe("an inline diff reads as whole changes", () => {
  it("keeps a phrase added after a comma in one piece", () => {
    expect(wordDiff("thành phố Vinh tổ chức", "thành phố Vinh, tỉnh Nghệ An tổ chức")).toEqual([
      { kind: "same", text: "thành phố Vinh" },
      { kind: "added", text: ", tỉnh Nghệ An " },
      { kind: "same", text: "tổ chức" },
    ]);
  });
});
