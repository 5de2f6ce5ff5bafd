import type { Report } from "@/lib/content";
import { spokenText } from "./spoken";

/**
 * One sentence as the player reads and highlights it. `at` names the element that shows it: the
 * headline, the editor's summary, or the body's block of that index (the report-body element's
 * child); `start` and `end` are offsets in that element's text (its text nodes, in order).
 */
export interface ListenSentence {
  text: string;
  at: "title" | "lead" | number;
  start: number;
  end: number;
}

export interface ListenScript {
  lang: "vi-VN";
  sentences: ListenSentence[];
}

/** A stretch of text with no block boundary inside it, at its offset in its element's text. */
interface Run {
  start: number;
  text: string;
}

// A tag that starts or ends one of these ends a run: a sentence never spans two paragraphs.
const BLOCK_TAGS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "blockquote",
  "pre",
  "table",
  "tr",
  "td",
  "th",
  "br",
  "hr",
]);

/** remark-html writes "&", "<" as numeric references; a few named ones are decoded for safety. */
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi,
    (match, hex?: string, dec?: string, name?: string) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(Number(dec));
      return NAMED[name ?? ""] ?? match;
    },
  );
}

/**
 * The runs of a sanitized HTML block, with offsets into the text the browser makes of it (its
 * textContent). Code blocks count towards the offsets but are not read.
 */
export function htmlRuns(html: string): Run[] {
  const runs: Run[] = [];
  let offset = 0;
  let current: Run | null = null;
  let inCode = 0;
  for (const [, closing, tag, text] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|([^<]+)/g)) {
    if (text !== undefined) {
      const decoded = decodeEntities(text);
      if (inCode === 0) {
        current ??= { start: offset, text: "" };
        current.text += decoded;
      }
      offset += decoded.length;
      continue;
    }
    const name = tag.toLowerCase();
    if (name === "pre") inCode += closing ? -1 : 1;
    if (BLOCK_TAGS.has(name) && current) {
      runs.push(current);
      current = null;
    }
  }
  if (current) runs.push(current);
  return runs;
}

// After one of these words, a full stop is the word's own ("TP. Vinh", "TS. Nguyễn …").
const DOTTED_WORDS = /(?:^|\s)(?:\p{Lu}|TP|Tp|TS|ThS|GS|PGS|BS|Th\.S)$/u;
// A sentence ends at . ! ? … (and closing quotes) before a space and a capital, a digit or an opening quote.
const SENTENCE_END = /[.!?…]+["”’»)]*(?=\s+["“‘«(]?[\p{Lu}\p{N}])/gu;
// Chrome cuts off an utterance after about fifteen seconds with some voices: a long sentence is
// read in parts, at its semicolons, then at its commas, each part as long as allows.
const LONG_SENTENCE = 200;

function pack(pieces: string[]): string[] {
  const parts: string[] = [];
  for (const piece of pieces) {
    const last = parts.length - 1;
    if (last >= 0 && parts[last].length + piece.length <= LONG_SENTENCE) parts[last] += piece;
    else parts.push(piece);
  }
  return parts;
}

function splitLong(sentence: string): string[] {
  if (sentence.length <= LONG_SENTENCE) return [sentence];
  return sentence
    .split(/(?<=;)(?=\s)/)
    .flatMap((clause) => (clause.length <= LONG_SENTENCE ? [clause] : pack(clause.split(/(?<=,)(?=\s)/))));
}

/** Offsets [start, end) of the sentences of a run's text, trimmed. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const cuts = [0];
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    if (match[0] === "." && DOTTED_WORDS.test(text.slice(0, match.index))) continue;
    cuts.push(end);
  }
  cuts.push(text.length);
  const spans: Array<[number, number]> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const piece = text.slice(cuts[i], cuts[i + 1]);
    const parts = splitLong(piece);
    let at = cuts[i];
    for (const part of parts) {
      const start = at + (part.length - part.trimStart().length);
      const end = at + part.trimEnd().length;
      if (/[\p{L}\p{N}]/u.test(part)) spans.push([start, end]);
      at += part.length;
    }
  }
  return spans;
}

function sentencesOf(run: Run, at: ListenSentence["at"], report: Report): ListenSentence[] {
  return sentenceSpans(run.text).map(([start, end]) => ({
    text: spokenText(run.text.slice(start, end), report.abbreviations),
    at,
    start: run.start + start,
    end: run.start + end,
  }));
}

/**
 * What "Nghe bài" reads: the headline, the editor's summary (when there is one: otherwise it is
 * the first paragraph, read with the body), then the body's text. Captions, credits, the
 * attendees and the related reports are not read.
 */
export function listenScript(report: Report): ListenScript {
  const sentences = [
    ...sentencesOf({ start: 0, text: report.title }, "title", report),
    ...(report.hasOwnSummary ? sentencesOf({ start: 0, text: report.summary }, "lead", report) : []),
    ...report.body.flatMap((block, index) =>
      block.kind === "html" ? htmlRuns(block.html).flatMap((run) => sentencesOf(run, index, report)) : [],
    ),
  ];
  return { lang: "vi-VN", sentences };
}
