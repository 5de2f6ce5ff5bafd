// What a report, its front matter and the glossary may hold, checked before anything is parsed.
// Every watcher parses every saved file on the server's one thread, so one hostile file could
// hold every instance: these limits keep the largest accepted file well under a
// second of parsing (docs/do-luong/2026-12-04-hostile-bodies.md has the measurements).

/** Reports are typically 5–30 KB; remark parses 1.5–6 ms a KB of plain text, lines and links here. */
export const BODY_MAX_BYTES = 64 * 1024;
/** List items and quotes inside each other; remark slows down and recurses once per level. */
export const BODY_MAX_NESTING = 10;
/** Emphasis and links inside each other on one paragraph: quadratic in the parser, and recursive. */
export const BODY_MAX_INLINE_NESTING = 10;
/**
 * List items, ">" markers, emphasis runs and "[" in the whole body: remark's time grows with them
 * faster than with the text (2,000 list items took about a second, 64 KB of nested emphasis two).
 * A long report has a few hundred.
 */
export const BODY_MAX_MARKS = 1000;
/** The front matter (between the two --- lines): a long list of attendees is a few KB. */
export const FRONT_MATTER_MAX_BYTES = 32 * 1024;
/** A photo's caption (the text in quotes after its address), credit included. */
export const CAPTION_MAX_CHARACTERS = 1000;
/** content/chu-viet-tat.yml: every body is matched against all its entries. */
export const GLOSSARY_MAX_BYTES = 64 * 1024;
export const GLOSSARY_MAX_ENTRIES = 1000;

const KB = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

export const limitMessages = {
  body: (bytes: number) =>
    `nội dung dài ${KB(bytes)}, quá giới hạn ${KB(BODY_MAX_BYTES)}; cần tách thành nhiều bài hoặc bỏ bớt`,
  nesting: (depth: number, line: number) =>
    `danh sách hoặc trích dẫn lồng nhau ${depth} lớp ở dòng ${line} của nội dung, quá giới hạn ${BODY_MAX_NESTING} lớp; cần bỏ bớt các lớp lồng nhau (dấu >, dấu - và khoảng trắng thụt đầu dòng)`,
  marks: (marks: number) =>
    `nội dung có ${marks} dấu định dạng (mục danh sách, dấu >, *, _ và [), quá giới hạn ${BODY_MAX_MARKS}; cần bỏ bớt định dạng hoặc tách thành nhiều bài`,
  inlineNesting: (depth: number, line: number) =>
    `chữ đậm, nghiêng hoặc liên kết lồng nhau ${depth} lớp ở dòng ${line} của nội dung, quá giới hạn ${BODY_MAX_INLINE_NESTING} lớp; cần bỏ bớt các dấu *, _ hoặc [`,
  frontMatter: (bytes: number) =>
    `phần đầu bài (giữa hai dòng ---) dài ${KB(bytes)}, quá giới hạn ${KB(FRONT_MATTER_MAX_BYTES)}; cần rút gọn`,
  aliases:
    "phần đầu bài dùng tham chiếu YAML (dấu * trước một tên, trỏ đến dấu & đặt trước); không dùng được: hãy viết thẳng giá trị, hoặc đặt chữ có dấu * trong ngoặc kép",
  caption: (characters: number) =>
    `chú thích ảnh dài ${characters} ký tự, quá giới hạn ${CAPTION_MAX_CHARACTERS} ký tự; cần rút gọn`,
  glossarySize: (bytes: number) => `tệp dài ${KB(bytes)}, quá giới hạn ${KB(GLOSSARY_MAX_BYTES)}`,
  glossaryEntries: (entries: number) => `có ${entries} chữ viết tắt, quá giới hạn ${GLOSSARY_MAX_ENTRIES}`,
};

/** The YAML options that refuse aliases: "a: &a [x, x]; b: &b [*a, *a]…" grows exponentially. */
export const NO_ALIASES = { maxAliases: 0 } as const;

export function isAliasRefusal(reason: string | undefined): boolean {
  return reason !== undefined && reason.startsWith("aliases exceeded maxAliases");
}

export interface TooDeep {
  kind: "block" | "inline" | "marks";
  depth: number;
  /** Counted from 1, in the body. */
  line: number;
}

// Opening emphasis: a run of * or _ before a non-space, after the start, a space or punctuation;
// closing: after a non-space, before the end, a space or punctuation. A [ opens a link, ] closes.
const INLINE_TOKEN = /(?<opens>(?<=^|[\s\p{P}\p{S}])[*_]+(?=[^\s*_]))|(?<=[^\s*_])[*_]+(?=$|[\s\p{P}\p{S}])|\[|\]/gu;

/**
 * How deeply the body nests, and how much markup it holds, found in one pass over its lines without parsing it: block nesting
 * from each line's leading ">", list markers and the indentation before them (two columns a
 * level, the least a nested list item needs), inline
 * nesting from the emphasis runs and brackets still open within a paragraph. An over-estimate
 * for odd text, never an under-estimate of what remark would build. Fenced code is skipped.
 */
export function firstTooDeep(body: string): TooDeep | null {
  const lines = body.split("\n");
  let fence: string | null = null;
  let open = 0;
  let marks = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    let position = 0;
    let columns = 0;
    let depth = 0;
    // The container prefix: spaces, tabs, ">" and list markers, in any order.
    for (;;) {
      const char = line[position];
      // Only the indentation before the line's first marker nests ("> > a" is two levels).
      if (char === " ") columns += depth === 0 ? 1 : 0;
      else if (char === "\t") columns += depth === 0 ? 4 : 0;
      else if (char === ">") depth += 1;
      else {
        const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(position, position + 11));
        if (!marker) break;
        depth += 1;
        position += marker[0].length;
        continue;
      }
      position += 1;
    }
    const rest = line.slice(position);
    const fenceMark = /^(`{3,}|~{3,})/.exec(rest)?.[1];
    if (fence !== null) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      open = 0;
      continue;
    }
    marks += depth;
    depth += Math.floor(columns / 2);
    if (depth > BODY_MAX_NESTING) return { kind: "block", depth, line: index + 1 };
    if (marks > BODY_MAX_MARKS) return { kind: "marks", depth: marks, line: index + 1 };
    if (rest.trim() === "") {
      open = 0;
      continue;
    }
    for (const match of rest.matchAll(INLINE_TOKEN)) {
      const token = match[0];
      marks += 1;
      if (marks > BODY_MAX_MARKS) return { kind: "marks", depth: marks, line: index + 1 };
      if (token === "[") open += 1;
      else if (token === "]") open = Math.max(0, open - 1);
      else if (match.groups?.opens) open += token.length;
      else open = Math.max(0, open - token.length);
      if (open > BODY_MAX_INLINE_NESTING) return { kind: "inline", depth: open, line: index + 1 };
    }
  }
  return null;
}
