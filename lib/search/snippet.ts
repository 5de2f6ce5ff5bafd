import { words } from "./vietnamese";

// Snippets and highlights: the report's own text, diacritics as written, with the
// words that match the query marked. A word matches when it folds to a query word ("Đảng" for
// `dang`), so a reader sees why a report was found whichever way they typed.

/** A run of text, marked or not; rendered as text, never as HTML. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Words around the matches that a snippet shows, at most. */
const SNIPPET_WORDS = 32;

function queryWords(query: string): Set<string> {
  return new Set(words(query).map((word) => word.folded));
}

/** Splits text[from, to) into segments, marking the words whose folded form is wanted. */
function segments(text: string, wanted: Set<string>, from = 0, to = text.length): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const word of words(text.slice(from, to))) {
    if (!wanted.has(word.folded)) continue;
    const start = from + word.start;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, from + word.end), mark: true });
    at = from + word.end;
  }
  if (at < to) out.push({ text: text.slice(at, to), mark: false });
  return out;
}

/** The whole text with the query's words marked (a title). */
export function highlight(text: string, query: string): Segment[] {
  return segments(text, queryWords(query));
}

/**
 * The passage of `text` that holds the most different query words, closest together, cut at
 * word boundaries with "…" where it is cut; the text's beginning when no word matches.
 */
export function snippet(text: string, query: string, maxWords = SNIPPET_WORDS): Segment[] {
  const wanted = queryWords(query);
  const all = words(text);
  if (all.length === 0) return [];
  let best = { start: 0, score: 0 };
  for (let start = 0; start < all.length; start += 1) {
    if (!wanted.has(all[start].folded)) continue;
    const found = new Set<string>();
    let adjacent = 0;
    for (let i = start; i < Math.min(all.length, start + maxWords); i += 1) {
      if (!wanted.has(all[i].folded)) continue;
      if (i > start && wanted.has(all[i - 1].folded)) adjacent += 1;
      found.add(all[i].folded);
    }
    const score = found.size * 10 + adjacent;
    if (score > best.score) best = { start, score };
  }
  // A few words before the first match give it context.
  const first = best.score > 0 ? Math.max(0, best.start - 6) : 0;
  const last = Math.min(all.length, first + maxWords) - 1;
  const from = first === 0 ? 0 : all[first].start;
  const to = last === all.length - 1 ? text.length : all[last].end;
  const body = segments(text, wanted, from, to);
  return [
    ...(from > 0 ? [{ text: "… ", mark: false }] : []),
    ...body,
    ...(to < text.length ? [{ text: " …", mark: false }] : []),
  ];
}
