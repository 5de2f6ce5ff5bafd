import { TZDate } from "@date-fns/tz";
import { format, isValid, parse, parseISO } from "date-fns";
import { vi } from "date-fns/locale/vi";

export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact.
const VIETNAM_OFFSET = "+07:00";
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads an ISO 8601 date from front matter. A date without an offset means Vietnam time,
 * whatever the machine's time zone. Returns null when the text is not a real date.
 */
export function parseReportDate(text: string): Date | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [, day, time = "00:00:00", offset = VIETNAM_OFFSET] = match;
  // parseISO rolls 2021-02-30 over into March; date-fns' parse refuses it.
  if (!isValid(parse(day, "yyyy-MM-dd", new Date(0)))) return null;
  const date = parseISO(`${day}T${time}${offset}`);
  return isValid(date) ? date : null;
}

function inVietnam(date: Date): TZDate {
  return new TZDate(date, VIETNAM_TIME_ZONE);
}

/** "2021-01-12T08:00:00+07:00": for `<time datetime>`, metadata and feeds. */
export function toVietnamIso(date: Date): string {
  return format(inVietnam(date), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** The newest change among these reports (each one's update, else its date); null for none. */
export function newestChange(reports: readonly { date: Date; updated: Date | null }[]): Date | null {
  let newest: Date | null = null;
  for (const { date, updated } of reports) {
    const changed = updated ?? date;
    if (!newest || changed > newest) newest = changed;
  }
  return newest;
}

/** "Thứ Ba, 12/01/2021, 08:00 (GMT+7)": the date line above a report. */
export function formatDateLine(date: Date): string {
  return `${format(inVietnam(date), "EEEE, dd/MM/yyyy, HH:mm", { locale: vi })} (GMT+7)`;
}

/** "08:30 ngày 12/01/2021": the moment of a change (an update, a correction), in Vietnam. */
export function formatChangeTime(date: Date): string {
  return format(inVietnam(date), "HH:mm 'ngày' dd/MM/yyyy", { locale: vi });
}

/** "12/01/2021": dates in lists. */
export function formatShortDate(date: Date): string {
  return format(inVietnam(date), "dd/MM/yyyy");
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The year in Vietnam: a report of 31 December, 20:00 UTC, is of the next year there. */
export function vietnamYear(date: Date): number {
  // The fixed offset (above): cheap enough for every report of a large archive.
  return new Date(date.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();
}

/** "Thứ Ba, 12/01/2021": a day's heading in the month archive. */
export function formatDayHeading(date: Date): string {
  return format(inVietnam(date), "EEEE, dd/MM/yyyy", { locale: vi });
}

/** "08:00": a report's time beside its title, under its day's heading. */
export function formatTime(date: Date): string {
  return format(inVietnam(date), "HH:mm");
}

/** "2021-01-12": the day in Vietnam a report belongs to. */
export function vietnamDay(date: Date): string {
  return new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
