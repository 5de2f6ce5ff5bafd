import { describe, expect, it } from "vitest";
import { spellOutAbbreviations } from "@/lib/content";
import { readInteger, readNumber, speakNumbers, spokenText } from "@/lib/speech/spoken";

describe("numbers as Vietnamese speech says them", () => {
  it.each([
    ["0", "không"],
    ["5", "năm"],
    ["10", "mười"],
    ["11", "mười một"],
    ["14", "mười bốn"],
    ["15", "mười lăm"],
    ["21", "hai mươi mốt"],
    ["24", "hai mươi tư"],
    ["25", "hai mươi lăm"],
    ["100", "một trăm"],
    ["105", "một trăm linh năm"],
    ["2020", "hai nghìn không trăm hai mươi"],
    ["2005", "hai nghìn không trăm linh năm"],
    ["1000000", "một triệu"],
    ["1005000", "một triệu không trăm linh năm nghìn"],
    ["3000000000", "ba tỷ"],
  ])("%s → %s", (digits, said) => {
    expect(readInteger(digits)).toBe(said);
  });

  it("reads dots as thousands, a comma as the decimal point, and a lone dot before decimals too", () => {
    expect(readNumber("1.500.000")).toBe("một triệu năm trăm nghìn");
    expect(readNumber("1,5")).toBe("một phẩy năm");
    expect(readNumber("1,05")).toBe("một phẩy không năm");
    expect(readNumber("4.45")).toBe("bốn phẩy bốn mươi lăm");
    expect(readNumber("12.345,6")).toBe("mười hai nghìn ba trăm bốn mươi lăm phẩy sáu");
  });
});

describe("dates, times, ordinals and units in a sentence", () => {
  it.each([
    ["Sáng ngày 12/1, hội nghị", "Sáng ngày mười hai tháng một, hội nghị"],
    ["Hôm 5/4 vừa qua", "Hôm ngày mùng năm tháng tư vừa qua"],
    ["ngày 30/4/1975", "ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm"],
    ["trong tháng 1/2021", "trong tháng một năm hai nghìn không trăm hai mươi mốt"],
    ["lúc 8 giờ 30", "lúc tám giờ ba mươi"],
    ["lúc 8h30 sáng", "lúc tám giờ ba mươi sáng"],
    ["từ 14:05", "từ mười bốn giờ năm"],
    ["đến 7h tối", "đến bảy giờ tối"],
    ["lần thứ 3", "lần thứ ba"],
    ["giải thứ 1 và thứ 4", "giải thứ nhất và thứ tư"],
    ["Đại hội XIII", "Đại hội mười ba"],
    ["tăng 4,5%", "tăng bốn phẩy năm phần trăm"],
    ["rộng 120 ha", "rộng một trăm hai mươi héc ta"],
    [
      "giai đoạn 2021-2025",
      "giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm",
    ],
    ["Quân khu 4", "Quân khu bốn"],
  ])("%s → %s", (written, said) => {
    expect(speakNumbers(written)).toBe(said);
  });

  it("leaves a colon after a number alone, and reads a slash that is not a date as “trên”", () => {
    expect(speakNumbers("Điều 8: quy định")).toBe("Điều tám: quy định");
    expect(speakNumbers("tỷ số 35/40")).toBe("tỷ số ba mươi lăm trên bốn mươi");
  });
});

describe("abbreviations", () => {
  const glossary = [
    { abbreviation: "CHQS", expansion: "Chỉ huy Quân sự" },
    { abbreviation: "BCHQS", expansion: "Bộ Chỉ huy Quân sự" },
    { abbreviation: "QP - AN", expansion: "Quốc phòng - An ninh" },
    { abbreviation: "TP", expansion: "Thành phố" },
  ];

  it("spells out every use, the longest first, with or without spaces round a hyphen", () => {
    expect(spellOutAbbreviations("BCHQS tỉnh, Ban CHQS, QP -AN, QP-AN", glossary)).toBe(
      "Bộ Chỉ huy Quân sự tỉnh, Ban Chỉ huy Quân sự, Quốc phòng - An ninh, Quốc phòng - An ninh",
    );
  });

  it("leaves a token that only contains one alone", () => {
    expect(spellOutAbbreviations("TPHCM và TP Vinh", glossary)).toBe("TPHCM và Thành phố Vinh");
  });

  it("puts both together for one sentence", () => {
    expect(spokenText("TP Vinh  có 3 phường.", glossary)).toBe("Thành phố Vinh có ba phường.");
  });
});
