// Bodies an attacker or a careless paste could save, by kind: what `npm run bench:bodies` times
// through the loader and `npm run bench:publish-load` publishes into a server under load.
import { BODY_MAX_INLINE_NESTING, BODY_MAX_NESTING } from "../../lib/content/refresh";

/** Repeats `unit` until the text is `bytes` long in UTF-8 (cut on a character boundary). */
export function fill(bytes: number, unit: (index: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const part = unit(index);
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  const text = parts.join("");
  return Buffer.from(text)
    .subarray(0, bytes)
    .toString("utf8")
    .replace(/\uFFFD$/, "");
}

const PROSE =
  "Hội nghị đánh giá công tác quốc phòng, an ninh năm qua được triển khai đồng bộ, tình hình chính trị ổn định. ";
// As deep as the limits let through: the slowest nesting accepted.
const LEVELS = BODY_MAX_NESTING;
const INLINE_LEVELS = BODY_MAX_INLINE_NESTING;

export const HOSTILE_KINDS: Array<[name: string, unit: (index: number) => string]> = [
  ["plain text", (i) => (i % 4 === 3 ? `${PROSE}\n\n` : PROSE)],
  ["abbreviations", () => "UBND "],
  [
    `emphasis (${INLINE_LEVELS} levels)`,
    () =>
      `${Array.from({ length: INLINE_LEVELS }, (_, i) => (i % 2 ? "*x " : "_y ")).join("")}z${Array.from(
        { length: INLINE_LEVELS },
        (_, i) => (i % 2 ? " x*" : " y_"),
      )
        .reverse()
        .join("")}\n\n`,
  ],
  [`nested lists (${LEVELS} levels)`, (i) => `${"  ".repeat(i % LEVELS)}- mục ${i + 1}\n`],
  [`nested quotes (${LEVELS} levels)`, (i) => `${"> ".repeat((i % LEVELS) + 1)}trích dẫn ${i + 1}\n`],
  [
    "long tables",
    (i) =>
      i === 0 ? "| Tên | Đơn vị | Ghi chú |\n| --- | --- | --- |\n" : `| Người ${i} | UBND xã | Có mặt |\n`,
  ],
  ["long links", (i) => `[liên kết ${i}](https://example.vn/${"duong-dan-dai/".repeat(20)}${i}) `],
];

/** The sizes tried, largest first, for the largest body of a kind that the limits accept. */
export const CANDIDATE_SIZES_KB = [63, 48, 32, 24, 16, 12, 8, 6, 4, 3, 2, 1];

/** The front matter of a report file around a hostile body. */
export function hostileReport(body: string, title = "Bài thử"): string {
  return `---\ntitle: ${title}\ndate: 2026-12-04\n---\n${body}`;
}
