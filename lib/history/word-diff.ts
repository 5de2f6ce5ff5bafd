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
  const runs: DiffPart[] = diffArrays(tokens(before), tokens(after)).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value.join(""),
  }));
  const parts: DiffPart[] = [];
  runs.forEach((run, index) => {
    const previous = parts.at(-1);
    const next = runs[index + 1];
    // A lone space kept between two added (or two removed) runs reads as part of the change.
    const bridging =
      run.kind === "same" &&
      /^\s+$/.test(run.text) &&
      previous &&
      next &&
      previous.kind === next.kind &&
      next.kind !== "same";
    if (previous && (previous.kind === run.kind || bridging)) previous.text += run.text;
    else parts.push({ ...run });
  });
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
