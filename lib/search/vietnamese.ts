// How search compares Vietnamese words. Readers type with or without diacritics, in
// NFC or NFD, with the tone mark on either vowel of "hoà"/"hòa" (old and new placement rules):
// each word gets two forms.
// - Its key keeps the letters' own marks (â ă ê ô ơ ư đ) and moves the tone to the end as a digit,
//   wherever it was written: "hoà" and "hòa" are both "hoa2", "Đường" is "đương2". Matching keys
//   is matching exactly what the reader typed, but for case and tone placement.
// - Its folded form drops every mark: "duong" for both "đường" and "dương". đ/Đ have no Unicode
//   decomposition and are folded by hand, as is Ð (U+00D0, Icelandic eth), which old Vietnamese
//   fonts and keyboards put where Đ belongs.

/** The five tone marks as combining characters, and the digit each becomes in a key. */
const TONES: Record<string, string> = {
  "\u0301": "1", // sắc
  "\u0300": "2", // huyền
  "\u0309": "3", // hỏi
  "\u0303": "4", // ngã
  "\u0323": "5", // nặng
  // Deprecated duplicates of grave and acute that some converters still write.
  "\u0340": "2",
  "\u0341": "1",
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** A word: letters and digits with their combining marks, in the text as written (NFC or NFD). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** One word of a text, where it is, and its two forms for matching. */
export interface Word {
  /** The word as written in the text. */
  text: string;
  /** Offset of its first UTF-16 unit in the text, and one past its last. */
  start: number;
  end: number;
  key: string;
  folded: string;
}

/** Lower case, Ð and ð (eth) read as đ, tone marks taken out: what a key and a folded form share. */
function withoutTone(word: string): { letters: string; tone: string } {
  let tone = "";
  let letters = "";
  for (const char of word.normalize("NFD")) {
    const digit = TONES[char];
    if (digit) tone = digit;
    else letters += char;
  }
  return { letters: letters.normalize("NFC").toLowerCase().replace(/ð/g, "đ"), tone };
}

/** "Hoà", "hòa", "HÒA" → "hoa2"; "Đường" → "đương2"; "dương" → "dương". */
export function wordKey(word: string): string {
  const { letters, tone } = withoutTone(word);
  return letters + tone;
}

/** "Đường", "dương", "DUONG" → "duong"; "Ðà" (with U+00D0) → "da". */
export function foldWord(word: string): string {
  return withoutTone(word).letters.normalize("NFD").replace(COMBINING_MARKS, "").replace(/đ/g, "d");
}

// A language has a few thousand distinct syllables: each spelling's two forms are worked out once
// (indexing 100,000 reports otherwise spends most of its time normalising the same words).
const FORMS_KEPT = 100_000;
const forms = new Map<string, { key: string; folded: string }>();

function formsOf(word: string): { key: string; folded: string } {
  let known = forms.get(word);
  if (!known) {
    if (forms.size >= FORMS_KEPT) forms.clear();
    known = { key: wordKey(word), folded: foldWord(word) };
    forms.set(word, known);
  }
  return known;
}

/** Every word of a text, in order, with its offsets in the text as given. */
export function words(text: string): Word[] {
  return Array.from(text.matchAll(WORD), (match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
    ...formsOf(match[0]),
  }));
}

/** A whole text folded: its words' folded forms, one space apart ("Quốc phòng - An ninh" → "quoc phong an ninh"). */
export function foldText(text: string): string {
  return words(text)
    .map((word) => word.folded)
    .join(" ");
}
