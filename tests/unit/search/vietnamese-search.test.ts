import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText, foldWord, wordKey, words } from "../../../lib/search/vietnamese";

const nfd = (text: string) => text.normalize("NFD");

describe("foldWord: what a reader typing without diacritics matches", () => {
  it.each([
    ["quốc", "quoc"],
    ["phòng", "phong"],
    ["Đảng", "dang"],
    ["đường", "duong"],
    ["dương", "duong"],
    ["Ðà", "da"], // U+00D0, the eth old fonts use for Đ
    ["ðà", "da"],
    ["NGHỆ", "nghe"],
    ["Bạt", "bat"],
    ["Văn", "van"],
    ["2020", "2020"],
  ])("%s → %s", (word, folded) => {
    expect(foldWord(word)).toBe(folded);
    expect(foldWord(nfd(word))).toBe(folded);
  });
});

describe("wordKey: exact matching, but for case and where the tone mark sits", () => {
  it("reads old and new tone placement alike", () => {
    expect(wordKey("hoà")).toBe(wordKey("hòa"));
    expect(wordKey("thuỵ")).toBe(wordKey("thụy"));
    expect(wordKey("khoẻ")).toBe(wordKey("khỏe"));
    expect(wordKey("hoà")).toBe("hoa2");
  });

  it("reads NFC and NFD, and any case, alike", () => {
    for (const word of ["Quốc", "phòng", "Đinh", "Nguyễn", "thuỵ"]) {
      expect(wordKey(nfd(word))).toBe(wordKey(word));
      expect(wordKey(word.toUpperCase())).toBe(wordKey(word.toLowerCase()));
    }
  });

  it("tells apart what differs in letters or tone", () => {
    expect(wordKey("đường")).not.toBe(wordKey("dương"));
    expect(wordKey("dương")).not.toBe(wordKey("duong"));
    expect(wordKey("má")).not.toBe(wordKey("mà"));
    expect(wordKey("Ðà")).toBe(wordKey("Đà"));
  });

  it("knows when the reader typed marks", () => {
    expect(wordKey("đường")).not.toBe(foldWord("đường"));
    expect(wordKey("Đinh")).not.toBe(foldWord("Đinh"));
    expect(wordKey("duong")).toBe(foldWord("duong"));
    expect(wordKey("QUOC")).toBe(foldWord("QUOC"));
  });
});

describe("words", () => {
  it("splits on anything but letters and digits, keeping offsets into the text as written", () => {
    const text = nfd("UBND thành phố Vinh: “Quốc phòng - An ninh” năm 2020.");
    const found = words(text);
    expect(found.map((word) => word.folded)).toEqual([
      "ubnd",
      "thanh",
      "pho",
      "vinh",
      "quoc",
      "phong",
      "an",
      "ninh",
      "nam",
      "2020",
    ]);
    for (const word of found) expect(text.slice(word.start, word.end)).toBe(word.text);
  });

  it("folds and keys whole texts", () => {
    expect(foldText("Đại tá Đinh Bạt Văn")).toBe("dai ta dinh bat van");
    expect(words("Hoà bình").map((word) => word.key)).toEqual(["hoa2", "binh2"]);
  });

  it("never fails, and agrees with itself, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        const found = words(text);
        for (const word of found) expect(text.slice(word.start, word.end)).toBe(word.text);
        expect(foldText(foldText(text))).toBe(foldText(text));
        const keys = (form: string) => words(form).map((word) => word.key);
        expect(keys(text.normalize("NFD"))).toEqual(keys(text.normalize("NFC")));
      }),
    );
  });
});
