import { type Abbreviation, spellOutAbbreviations } from "@/lib/content";

// Written Vietnamese news text → what a Vietnamese reader would say aloud, for a speech engine.
// Only what reports need: the glossary's abbreviations, numbers, dates, times, ordinals, units.

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const SCALES = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ"];

/** 0–999; `full` when a larger group stands before it: 20 → "không trăm hai mươi" in 2020. */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds], "trăm");
  if (tens === 0) {
    if (units > 0) words.push(...(words.length > 0 ? ["linh"] : []), DIGITS[units]);
  } else {
    words.push(...(tens === 1 ? ["mười"] : [DIGITS[tens], "mươi"]));
    // 21 "hai mươi mốt", 25 "hai mươi lăm", 24 "hai mươi tư"; but 11 "mười một", 14 "mười bốn".
    if (units === 5) words.push("lăm");
    else if (units === 1 && tens > 1) words.push("mốt");
    else if (units === 4 && tens > 1) words.push("tư");
    else if (units > 0) words.push(DIGITS[units]);
  }
  return words;
}

/** "2020" → "hai nghìn không trăm hai mươi"; beyond the trillions, digit by digit. */
export function readInteger(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, "");
  if (trimmed.length > 15) return readDigits(trimmed);
  const groups: number[] = [];
  for (let end = trimmed.length; end > 0; end -= 3)
    groups.unshift(Number(trimmed.slice(Math.max(0, end - 3), end)));
  if (groups.every((group) => group === 0)) return "không";
  const words: string[] = [];
  groups.forEach((group, index) => {
    if (group === 0) return;
    words.push(...readGroup(group, words.length > 0), SCALES[groups.length - 1 - index]);
  });
  return words.filter(Boolean).join(" ");
}

function readDigits(digits: string): string {
  return [...digits].map((digit) => DIGITS[Number(digit)]).join(" ");
}

/**
 * A written number, Vietnamese style: "1.500.000" (dots group thousands), "1,5" (comma before
 * decimals). News copied from elsewhere also writes "4.45": a dot not followed by exactly three
 * digits is read as the decimal point.
 */
export function readNumber(written: string): string {
  let whole = written;
  let decimals = "";
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(written) || /^\d+,\d+$/.test(written)) {
    [whole, decimals = ""] = written.replace(/\./g, "").split(",");
  } else if (/^\d+\.\d+$/.test(written)) {
    [whole, decimals] = written.split(".");
  } else if (!/^\d+$/.test(written)) {
    return written.split(/[.,]/).map(readInteger).join(" chấm ");
  }
  if (!decimals) return readInteger(whole);
  // "1,05" is "một phẩy không năm"; "4,45" is "bốn phẩy bốn mươi lăm".
  const fraction =
    decimals.startsWith("0") || decimals.length > 3 ? readDigits(decimals) : readInteger(decimals);
  return `${readInteger(whole)} phẩy ${fraction}`;
}

/** Days 1–10 are said "mùng một" … "mùng mười". */
function readDay(day: number): string {
  return day <= 10 ? `mùng ${readInteger(String(day))}` : readInteger(String(day));
}

/** April is "tháng tư", not "tháng bốn". */
function readMonth(month: number): string {
  return month === 4 ? "tư" : readInteger(String(month));
}

const isDate = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;

const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}/.,:])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{N}]|[/.,:]\\d)";
const pattern = (source: string) => new RegExp(`${NOT_WORD_BEFORE}${source}${NOT_WORD_AFTER}`, "gu");

const DATE = pattern("(ngày\\s+)?(\\d{1,2})\\/(\\d{1,2})(?:\\/(\\d{4}))?");
const MONTH_YEAR = pattern("tháng\\s+(\\d{1,2})(?:\\/(\\d{4}))?");
// "8h", "8h30", "8g30", "8:30"; "8 giờ 30" needs nothing more than its numbers.
const TIME = pattern("(\\d{1,2})(?:[hg](\\d{2})?|:(\\d{2}))");
const ORDINAL = /(thứ|hạng)\s+(\d+)(?![\p{L}\p{N}])/gu;
// Roman numerals where Vietnamese news writes them: "khóa XIX", "Đại hội XIII", "thế kỷ XXI".
const ROMAN = /(khóa|khoá|Khóa|Khoá|Đại hội|thế kỷ|lần thứ|kỳ họp thứ)\s+([IVXLC]+)(?![\p{L}\p{N}])/gu;
const RANGE = /(?<=\d)\s*[-–]\s*(?=\d)/g;
// What a slash between numbers means once dates are read: "35/40 xã" is "ba mươi lăm trên bốn mươi".
const RATIO = /(?<=\d)\/(?=\d)/g;
const UNITS: Record<string, string> = {
  "%": "phần trăm",
  km2: "ki lô mét vuông",
  "km²": "ki lô mét vuông",
  km: "ki lô mét",
  m2: "mét vuông",
  "m²": "mét vuông",
  m3: "mét khối",
  "m³": "mét khối",
  kg: "ki lô gam",
  ha: "héc ta",
  USD: "đô la Mỹ",
};
const NUMBER_WITH_UNIT = new RegExp(
  `${NOT_WORD_BEFORE}(\\d+(?:[.,]\\d+)*)(?:\\s?(${Object.keys(UNITS).join("|")}))?(?![\\p{L}\\p{N}])`,
  "gu",
);

function romanValue(roman: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  return [...roman].reduce((total, letter, index) => {
    const value = values[letter];
    return value < (values[roman[index + 1]] ?? 0) ? total - value : total + value;
  }, 0);
}

/** Numbers, dates and times as said aloud: "12/1" → "ngày mười hai tháng một". */
export function speakNumbers(text: string): string {
  return (
    text
      // "ngày" is said once: "Sáng ngày 12/1" is not "sáng ngày ngày mười hai …".
      .replace(DATE, (match, _ngay: string | undefined, d: string, m: string, year?: string) => {
        if (!isDate(Number(d), Number(m))) return match;
        const said = `ngày ${readDay(Number(d))} tháng ${readMonth(Number(m))}`;
        return year ? `${said} năm ${readInteger(year)}` : said;
      })
      .replace(MONTH_YEAR, (match, m: string, year?: string) => {
        if (Number(m) < 1 || Number(m) > 12) return match;
        return `tháng ${readMonth(Number(m))}${year ? ` năm ${readInteger(year)}` : ""}`;
      })
      .replace(TIME, (match, hour: string, afterH?: string, afterColon?: string) => {
        const minute = afterH ?? afterColon;
        if (Number(hour) > 24 || (minute && Number(minute) > 59)) return match;
        return `${readInteger(hour)} giờ${minute && Number(minute) > 0 ? ` ${readInteger(minute)}` : ""}`;
      })
      .replace(
        ROMAN,
        (_match, word: string, roman: string) => `${word} ${readInteger(String(romanValue(roman)))}`,
      )
      .replace(ORDINAL, (_match, word: string, n: string) => {
        const ordinal = n === "1" ? "nhất" : n === "4" ? "tư" : readInteger(n);
        return `${word} ${ordinal}`;
      })
      .replace(RANGE, " đến ")
      .replace(RATIO, " trên ")
      .replace(NUMBER_WITH_UNIT, (_match, number: string, unit?: string) =>
        unit ? `${readNumber(number)} ${UNITS[unit]}` : readNumber(number),
      )
  );
}

/** The text a speech engine is given for one sentence of a report. */
export function spokenText(text: string, abbreviations: Abbreviation[]): string {
  return speakNumbers(spellOutAbbreviations(text, abbreviations)).replace(/\s+/g, " ").trim();
}
