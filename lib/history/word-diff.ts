import { diffArrays } from "diff";

// A body's changes word by word. A Vietnamese word keeps its diacritics (a letter and its marks
// are one word, never split at a mark), and text typed in decomposed form (NFD, as some phones and
// macOS send it) compares equal to the same text composed (NFC).

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;
const WORD = /^[\p{L}\p{M}\p{N}]/u;

/** Words, runs of spaces and single marks of punctuation, in NFC. */
export function tokens(text: string): string[] {
  return text.normalize("NFC").match(TOKEN) ?? [];
}

export function isWord(token: string): boolean {
  return WORD.test(token);
}

/** The two texts as runs of unchanged, removed and added tokens, in reading order. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(tokens(before), tokens(after))) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const text = change.value.join("");
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  return parts;
}

/** Words added and removed between two texts. */
export function wordCounts(before: string, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const change of diffArrays(tokens(before), tokens(after))) {
    const words = change.value.filter(isWord).length;
    if (change.added) added += words;
    else if (change.removed) removed += words;
  }
  return { added, removed };
}
