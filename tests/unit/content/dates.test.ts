import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDateLine, formatShortDate, parseReportDate, toVietnamIso, vietnamYear } from "@/lib/dates";
import { isValidSlug, MAX_SLUG_LENGTH, shortenSlug, slugify } from "@/lib/slugs";
import { FIXTURES, REPO_ROOT } from "../support/paths";

const zoneScript = path.join(FIXTURES, "dates-in-zone.ts");

/** 08:00 on 12 January 2021 in Vietnam: the seed report's date. */
const seedInstant = new Date("2021-01-12T01:00:00Z");

interface ZoneOutput {
  zone: string;
  offsetMinutes: number;
  dateLine: string;
  iso: string;
  shortDate: string;
  withoutOffset: string | null;
  dateOnly: string | null;
  dateOnlyLine: string | null;
}

const run = promisify(execFile);

async function runInZone(zone: string): Promise<ZoneOutput> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", zoneScript], {
    cwd: REPO_ROOT,
    env: { ...process.env, TZ: zone },
    timeout: 15_000,
  });
  return JSON.parse(stdout.trim()) as ZoneOutput;
}

describe("dates are shown in Vietnam time", () => {
  it("the date line reads like a Vietnamese newspaper", () => {
    expect(formatDateLine(seedInstant)).toBe("Thứ Ba, 12/01/2021, 08:00 (GMT+7)");
  });

  it("the ISO form carries the +07:00 offset", () => {
    expect(toVietnamIso(seedInstant)).toBe("2021-01-12T08:00:00+07:00");
  });

  it("a short date is day/month/year in Vietnam", () => {
    expect(formatShortDate(seedInstant)).toBe("12/01/2021");
    // 20:00 UTC on 11 January is already 12 January in Vietnam.
    expect(formatShortDate(new Date("2021-01-11T20:00:00Z"))).toBe("12/01/2021");
  });

  it("a report's year is its year in Vietnam", () => {
    expect(vietnamYear(new Date("2020-12-31T16:59:59Z"))).toBe(2020);
    expect(vietnamYear(new Date("2020-12-31T17:00:00Z"))).toBe(2021);
    expect(vietnamYear(seedInstant)).toBe(2021);
  });
});

describe("dates do not depend on the machine's time zone", () => {
  const zones = ["UTC", "Pacific/Honolulu", "Asia/Tokyo"] as const;
  const outputs = new Map<string, ZoneOutput>();

  beforeAll(async () => {
    const results = await Promise.all(zones.map(runInZone));
    zones.forEach((zone, index) => outputs.set(zone, results[index]));
  }, 30_000);

  it("each child process really runs in a different zone", () => {
    expect(zones.map((zone) => outputs.get(zone)?.zone)).toEqual([...zones]);
    expect(zones.map((zone) => outputs.get(zone)?.offsetMinutes)).toEqual([0, 600, -540]);
    expect(new Set(zones.map((zone) => outputs.get(zone)?.offsetMinutes)).size).toBe(zones.length);
  });

  it.each(zones)("under TZ=%s the date line and ISO form are unchanged", (zone) => {
    const output = outputs.get(zone);
    expect(output?.dateLine).toBe("Thứ Ba, 12/01/2021, 08:00 (GMT+7)");
    expect(output?.iso).toBe("2021-01-12T08:00:00+07:00");
    expect(output?.shortDate).toBe("12/01/2021");
  });

  it.each(zones)("under TZ=%s a date without an offset is read as Vietnam time", (zone) => {
    const output = outputs.get(zone);
    expect(output?.withoutOffset).toBe("2021-01-12T01:00:00.000Z");
    expect(output?.dateOnly).toBe("2021-01-11T17:00:00.000Z");
    expect(output?.dateOnlyLine).toBe("Thứ Ba, 12/01/2021, 00:00 (GMT+7)");
  });
});

describe("parseReportDate", () => {
  it("reads an offset-free date and time as Vietnam time", () => {
    expect(parseReportDate("2021-03-05T09:30")?.toISOString()).toBe("2021-03-05T02:30:00.000Z");
  });

  it("reads a date alone as midnight in Vietnam", () => {
    expect(parseReportDate("2021-01-12")?.toISOString()).toBe("2021-01-11T17:00:00.000Z");
  });

  it("accepts a UTC time and shows it as 08:00 in Vietnam", () => {
    const date = parseReportDate("2021-01-12T01:00:00Z");
    expect(date).not.toBeNull();
    expect(toVietnamIso(date as Date)).toBe("2021-01-12T08:00:00+07:00");
  });

  it("keeps an explicit offset", () => {
    expect(parseReportDate("2021-01-12T08:00:00+07:00")?.toISOString()).toBe("2021-01-12T01:00:00.000Z");
  });

  it.each(["2021-02-30", "2021-13-01", "32/13/2021", "12/01/2021", "", "   ", "hôm qua", "2021-01-12T25:00"])(
    "rejects %j",
    (text) => {
      expect(parseReportDate(text)).toBeNull();
    },
  );
});

describe("slugs", () => {
  it("are at most MAX_SLUG_LENGTH (100) characters; a long one is cut at a word", () => {
    expect(MAX_SLUG_LENGTH).toBe(100);
    expect(isValidSlug("a".repeat(100))).toBe(true);
    expect(isValidSlug("a".repeat(101))).toBe(false);
    expect(shortenSlug("le-hoi")).toBe("le-hoi");
    expect(shortenSlug(`${"ab-".repeat(40)}cd`)).toBe("ab-".repeat(33).slice(0, -1));
    expect(shortenSlug("x".repeat(300))).toBe("x".repeat(100));
    for (const slug of [slugify("Tiêu đề rất dài ".repeat(20)), "a-".repeat(80) + "b"]) {
      expect(isValidSlug(shortenSlug(slug)), slug).toBe(true);
    }
  });

  it("a Vietnamese headline becomes a plain ASCII slug", () => {
    expect(slugify("Phường Hưng Dũng ra quân dọn vệ sinh đầu năm")).toBe(
      "phuong-hung-dung-ra-quan-don-ve-sinh-dau-nam",
    );
  });

  it("đ and Đ, which have no decomposition, become d", () => {
    expect(slugify("Đà Nẵng")).toBe("da-nang");
    expect(slugify("Đinh Bạt Văn")).toBe("dinh-bat-van");
  });

  it("decomposed (NFD) input gives the same slug as composed input", () => {
    const headline = "Phường Hưng Dũng ra quân dọn vệ sinh đầu năm";
    expect(slugify(headline.normalize("NFD"))).toBe(slugify(headline.normalize("NFC")));
  });

  it("punctuation and repeated spaces collapse into single hyphens, none at the ends", () => {
    expect(slugify("  Quốc phòng - An ninh: tổng kết năm 2020!  ")).toBe(
      "quoc-phong-an-ninh-tong-ket-nam-2020",
    );
  });

  it("every slug that slugify produces is valid", () => {
    for (const text of ["Đà Nẵng", "UBND thành phố Vinh", "Tổng kết năm 2020"]) {
      expect(isValidSlug(slugify(text))).toBe(true);
    }
  });

  it.each(["da-nang", "tong-ket-2020", "a", "2021"])("accepts %j", (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });

  it.each(["Bài Mới", "Da-Nang", "da--nang", "-da-nang", "da-nang-", "da_nang", "../package", "đà-nẵng", ""])(
    "rejects %j",
    (slug) => {
      expect(isValidSlug(slug)).toBe(false);
    },
  );
});
