import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

// The docs are read by following links: README.md → docs/<audience>/… → each other and the code.
// A link that names a missing file or a heading that was renamed is found here, not by a reporter.

/** README.md and every Markdown file under docs/, relative to the repository's root. */
function documents(): string[] {
  const found = ["README.md"];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(REPO_ROOT, folder), { withFileTypes: true })) {
      const relative = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith(".md")) found.push(relative);
    }
  };
  if (existsSync(path.join(REPO_ROOT, "docs"))) walk("docs");
  return found.sort();
}

/** The text outside fenced code blocks; inline code spans blanked unless `keepCode` (headings keep
 * theirs: GitHub's anchor holds their text). Links in code are examples, not links. */
function prose(markdown: string, keepCode = false): string[] {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      lines.push("");
    } else lines.push(fence !== null ? "" : keepCode ? line : line.replace(/`[^`]*`/g, "``"));
  }
  return lines;
}

/** GitHub's anchor for a heading: the rendered text, lower case, punctuation dropped (letters of any
 * script, their marks, digits, `-` and `_` kept), each space a `-`. */
export function slugify(heading: string): string {
  const rendered = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images: their text
    .replace(/<[^>]+>/g, "") // inline HTML tags
    .replace(/[`*]/g, "") // code spans and emphasis
    .replace(/(^|\s)_+|_+(\s|$)/g, "$1$2"); // _emphasis_, not snake_case
  return rendered
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a document's headings give, with GitHub's -1, -2 … for repeated ones. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of prose(markdown.replace(/\r\n/g, "\n"), true)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = slugify(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

interface Link {
  line: number;
  target: string;
}

/** The relative links and images of a document: inline `[text](target)` and `[name]: target`. */
export function relativeLinks(markdown: string): Link[] {
  const links: Link[] = [];
  prose(markdown.replace(/\r\n/g, "\n")).forEach((text, index) => {
    const targets = [
      ...[...text.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]),
      ...[...(/^ {0,3}\[[^\]]+\]:\s+(\S+)/.exec(text)?.slice(1) ?? [])],
    ];
    for (const raw of targets) {
      const target = raw.replace(/^<|>$/g, "");
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto: and the like
      links.push({ line: index + 1, target });
    }
  });
  return links;
}

/** What is wrong with each relative link of `document` (a path under `base`), as readable lines. */
export function brokenLinks(document: string, base: string = REPO_ROOT): string[] {
  const markdown = readFileSync(path.join(base, document), "utf8");
  const problems: string[] = [];
  for (const { line, target } of relativeLinks(markdown)) {
    const hash = target.indexOf("#");
    const file = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
    const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
    const where = `${document}:${line} → ${target}`;
    const resolved = file === "" ? path.join(base, document) : path.join(base, path.dirname(document), file);
    if (
      !path
        .relative(base, resolved)
        .split(path.sep)
        .every((part) => part !== "..")
    ) {
      problems.push(`${where}: leaves the repository`);
    } else if (!existsSync(resolved)) {
      problems.push(`${where}: no such file`);
    } else if (anchor !== null) {
      if (statSync(resolved).isDirectory() || !resolved.endsWith(".md")) {
        problems.push(`${where}: an anchor into something that is not a Markdown file`);
      } else if (!anchors(readFileSync(resolved, "utf8")).has(anchor)) {
        problems.push(`${where}: no heading there gives #${anchor}`);
      }
    }
  }
  return problems;
}

describe("the docs' links", () => {
  it("every relative link between the docs names a file and a heading that exist", () => {
    const docs = documents();
    expect(docs.length).toBeGreaterThan(1);
    expect(docs.flatMap((document) => brokenLinks(document))).toEqual([]);
  });

  it("README.md links to every page under docs/", () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const linked = new Set(
      relativeLinks(readme).map(({ target }) => path.normalize(decodeURIComponent(target.split("#")[0]))),
    );
    const reachable = new Set<string>(["README.md"]);
    // Pages reached from README.md directly, or from a page it links to (an audience's index).
    const queue = [...linked].filter((target) => target.endsWith(".md"));
    while (queue.length > 0) {
      const page = queue.shift()!;
      if (reachable.has(page) || !existsSync(path.join(REPO_ROOT, page))) continue;
      reachable.add(page);
      for (const { target } of relativeLinks(readFileSync(path.join(REPO_ROOT, page), "utf8"))) {
        const file = decodeURIComponent(target.split("#")[0]);
        if (file.endsWith(".md")) queue.push(path.normalize(path.join(path.dirname(page), file)));
      }
    }
    expect(documents().filter((document) => !reachable.has(document))).toEqual([]);
  });
});

describe("how a link is checked", () => {
  it("a heading's anchor keeps Vietnamese letters and drops punctuation, as GitHub's does", () => {
    expect(slugify("Lỗi thường gặp và cách sửa")).toBe("lỗi-thường-gặp-và-cách-sửa");
    expect(slugify("A reader's first seconds on a phone")).toBe("a-readers-first-seconds-on-a-phone");
    expect(slugify("The production stack: nginx, several instances, Redis")).toBe(
      "the-production-stack-nginx-several-instances-redis",
    );
    expect(slugify("`npm run docs:fields` và bảng các trường")).toBe("npm-run-docsfields-và-bảng-các-trường");
    expect(slugify("Upgrading Next 16.4 → 17")).toBe("upgrading-next-164--17");
    expect([...anchors("# Ảnh\n\n## Ảnh\n\n```\n# not a heading\n```\n")]).toEqual(["ảnh", "ảnh-1"]);
  });

  it("a link to a missing file or heading is reported with its line, and outside links are not checked", () => {
    const markdown = [
      "[ok](README.md) [ok too](#how-the-code-is-laid-out) [web](https://example.com) [mail](mailto:a@b.vn)",
      "[gone](docs/khong-co.md) [renamed](README.md#a-heading-that-is-not-there)",
      "`[in code](nowhere.md)`",
      "```",
      "[in a fence](nowhere.md)",
      "```",
    ].join("\n");
    expect(relativeLinks(markdown).map((link) => `${link.line} ${link.target}`)).toEqual([
      "1 README.md",
      "1 #how-the-code-is-laid-out",
      "2 docs/khong-co.md",
      "2 README.md#a-heading-that-is-not-there",
    ]);

    const base = temporaryFolder("docs-links-");
    mkdirSync(path.join(base, "docs/bien-tap"), { recursive: true });
    writeFileSync(path.join(base, "README.md"), "# How the code is laid out\n\n" + markdown);
    writeFileSync(
      path.join(base, "docs/bien-tap/anh.md"),
      "# Ảnh\n\n[về](../../README.md#nowhere) [ổn](#ảnh)\n",
    );
    expect(brokenLinks("README.md", base)).toEqual([
      "README.md:4 → docs/khong-co.md: no such file",
      "README.md:4 → README.md#a-heading-that-is-not-there: no heading there gives #a-heading-that-is-not-there",
    ]);
    expect(brokenLinks("docs/bien-tap/anh.md", base)).toEqual([
      "docs/bien-tap/anh.md:3 → ../../README.md#nowhere: no heading there gives #nowhere",
    ]);
  });
});
