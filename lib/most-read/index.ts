import path from "node:path";
import { editorDataDirectory } from "../auth/editor-data";
import { getReportSummaryBySlug, type ReportSummary } from "../content";
import { perProcess } from "../process-singleton.mjs";
import { isValidSlug } from "../slugs";
import { ViewCounter } from "./counter";
import { RedisViewStore, SqliteViewStore, type ViewStore } from "./stores";
import { addUp, hourOf, isBotAgent, isPrefetch, WINDOWS } from "./views";

// "Đọc nhiều": views counted from a beacon each report page sends once per browser session, and
// the most viewed reports of the last 24 hours and 7 days (docs/van-hanh/privacy.md).

/** How long the lists are reused: they change at most once a minute. */
const LISTS_MS = 60_000;

/** How many reports each list shows. */
export const MOST_READ_LENGTH = 5;

function openStore(): ViewStore {
  return process.env.REDIS_URL
    ? new RedisViewStore(process.env.REDIS_URL)
    : new SqliteViewStore(path.join(editorDataDirectory(), "luot-xem.sqlite"));
}

const store = () => perProcess("most-read-store", openStore);
const counter = () =>
  perProcess("most-read-counter", () => {
    const made = new ViewCounter(store());
    // Takes the store's secret now rather than a second later.
    void made.flush();
    return made;
  });

/** Opens the store and takes its secret, so that the first beacons are counted: at the server's start. */
export function startCounting(): void {
  counter();
}

/**
 * Slugs found published lately: under a spike every beacon names the same report, and the catalog
 * lookup (a query and a decoded summary) costs more than the rest of the beacon. A report taken
 * down is still counted for up to this long.
 */
const PUBLISHED_MS = 5_000;
const recentlyPublished = () => perProcess("most-read-published", () => new Map<string, number>());

function isPublished(slug: string, now: number): boolean {
  const known = recentlyPublished();
  if ((known.get(slug) ?? 0) > now) return true;
  const report = getReportSummaryBySlug(slug);
  if (!report || report.draft) return false;
  // Bounded: a flood of real slugs cannot grow it past this.
  if (known.size >= 10_000) known.clear();
  known.set(slug, now + PUBLISHED_MS);
  return true;
}

export interface Beacon {
  userAgent: string | null | undefined;
  header: (name: string) => string | null | undefined;
  /** The reader's address as the front door found it: used for the cap's hash, never kept. */
  address: string;
  /** The report's slug as the beacon named it, unchecked. */
  slug: string;
}

/** Counts a beacon when it is a reader's view of a published report; says whether it counted. */
export function recordBeacon(beacon: Beacon, now = Date.now()): boolean {
  if (isBotAgent(beacon.userAgent) || isPrefetch(beacon.header)) return false;
  const slug = beacon.slug.trim();
  if (!isValidSlug(slug)) return false;
  return isPublished(slug, now) && counter().count(beacon.address, slug, now);
}

export interface MostReadEntry {
  report: ReportSummary;
  views: number;
}

export interface MostRead {
  day: MostReadEntry[];
  week: MostReadEntry[];
}

/** Totals → the published reports among them, the first `limit`. */
function published(totals: Array<{ slug: string; views: number }>, limit: number): MostReadEntry[] {
  return totals
    .map(({ slug, views }) => ({ report: getReportSummaryBySlug(slug), views }))
    .filter((entry): entry is MostReadEntry => entry.report !== null && !entry.report.draft)
    .slice(0, limit);
}

/** Both lists from one read of the store: the week's hours, the last 24 of them for the day. */
export async function readMostRead(
  viewStore: ViewStore,
  now = Date.now(),
  limit = MOST_READ_LENGTH,
): Promise<MostRead> {
  const hour = hourOf(now);
  const hours = await viewStore.hours(hour - WINDOWS.week + 1, hour);
  // Room for reports unpublished since they were counted.
  const spare = limit * 3;
  return {
    day: published(addUp(hours.slice(-WINDOWS.day), spare), limit),
    week: published(addUp(hours, spare), limit),
  };
}

const NONE: MostRead = { day: [], week: [] };

/**
 * The lists, read from the store at most once a minute per process. Empty during the build (its
 * pages are refreshed within their revalidation time) and when the store cannot be read.
 */
export function getMostRead(): Promise<MostRead> {
  if (process.env.NEXT_PHASE === "phase-production-build") return Promise.resolve(NONE);
  const cache = perProcess("most-read-lists", () => ({ at: 0, lists: Promise.resolve(NONE) }));
  if (Date.now() - cache.at >= LISTS_MS) {
    cache.at = Date.now();
    cache.lists = readMostRead(store()).catch((error: unknown) => {
      console.error(`[lượt xem] Không đọc được danh sách đọc nhiều: ${String(error)}`);
      cache.at = 0;
      return NONE;
    });
  }
  return cache.lists;
}
