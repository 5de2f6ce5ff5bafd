import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openReportFile, reportFileText } from "@/lib/editorial/report-file";
import { loadReport } from "@/lib/content/refresh";
import { REPO_CONTENT, REPO_ROOT, SEED_FILE } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

const SEED = path.join(REPO_CONTENT, SEED_FILE);

/** Every report file the project holds: the seed, the e2e fixtures, the valid fixtures. */
function reportFiles(): string[] {
  return ["content", "tests/fixtures/e2e-content", "tests/fixtures/content-valid"].flatMap((folder) =>
    readdirSync(path.join(REPO_ROOT, folder))
      .filter((name) => name.endsWith(".md") && !name.startsWith("_"))
      .map((name) => path.join(REPO_ROOT, folder, name)),
  );
}

describe("a report opened and saved unchanged", () => {
  it("is the same bytes, the seed report and every fixture", () => {
    const files = reportFiles();
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      const saved = reportFileText(openReportFile(source), source);
      expect(Buffer.from(saved).equals(Buffer.from(source)), file).toBe(true);
    }
  });

  it("is the same bytes when the form sends its blank fields back blank", () => {
    const source = readFileSync(SEED, "utf8");
    const draft = openReportFile(source);
    expect(draft.data.updated).toBeUndefined();
    const blanks = { updated: "", cover: undefined, attendeeGroups: [], source: { name: "", url: "" } };
    expect(reportFileText({ ...draft, data: { ...blanks, ...draft.data } }, source)).toBe(source);
  });
});

describe("a report saved with a change", () => {
  it("changes that field only, and the file still loads as the same report", () => {
    const source = readFileSync(SEED, "utf8");
    const draft = openReportFile(source);
    const saved = reportFileText({ ...draft, data: { ...draft.data, title: "Tiêu đề đã sửa" } }, source);
    expect(saved).not.toBe(source);
    const after = openReportFile(saved);
    expect(after.data.title).toBe("Tiêu đề đã sửa");
    expect({ ...after.data, title: draft.data.title }).toEqual(draft.data);
    expect(after.body).toBe(draft.body);

    const folder = temporaryFolder("luu-bai-");
    writeFileSync(path.join(folder, "bai.md"), saved);
    writeFileSync(path.join(folder, "goc.md"), source);
    const edited = loadReport(folder, "bai.md");
    const original = loadReport(folder, "goc.md");
    expect(edited.problems).toEqual([]);
    // The address comes from the file's name here: the two files differ by it alone.
    const same = { title: "", file: "", slug: "" };
    expect({ ...edited.report, ...same }).toEqual({ ...original.report, ...same });
  });

  it("writes the contract's fields in its order and leaves empty ones out", () => {
    const text = reportFileText({
      data: { draft: true, tags: [], title: "Bài mới", summary: "", date: "2026-11-27T08:00:00+07:00" },
      body: "\nĐoạn đầu.\n",
    });
    expect(text).toBe(
      "---\ntitle: Bài mới\ndate: 2026-11-27T08:00:00+07:00\ndraft: true\n---\n\nĐoạn đầu.\n",
    );
  });

  it("keeps script, quotes, colons and YAML look-alikes as text", () => {
    const hostile = [
      '<script>alert("x")</script>',
      "a: b",
      "- list",
      "# not a comment",
      "'single' \"double\"",
      "yes",
      "null",
      "2021-01-12",
      "---",
      "{ a: 1 }",
      "*anchor &ref",
      "line\nbreak",
    ];
    for (const value of hostile) {
      const draft = {
        data: { title: value, tags: [value], attendees: [{ name: value, role: value }] },
        body: "\n",
      };
      expect(openReportFile(reportFileText(draft)).data, value).toEqual(draft.data);
    }
  });

  it("gives back any text it is given, whatever it holds", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", minLength: 1 }),
        fc.string({ unit: "grapheme" }),
        (title, body) => {
          const draft = { data: { title, tags: [title] }, body: `\n${body}` };
          const saved = openReportFile(reportFileText(draft));
          expect(saved.data).toEqual(draft.data);
          expect(saved.body).toBe(draft.body);
        },
      ),
    );
  });
});
