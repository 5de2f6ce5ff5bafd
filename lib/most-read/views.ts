import { createHmac } from "node:crypto";

// What counts as a reader's view, and the hour it falls in: the rules both stores share
// (docs/van-hanh/privacy.md says what is kept). Counts are kept per report per hour; the lists add
// up the last 24 and 168 hours, the current one included.

export const HOUR_MS = 3_600_000;

/** The "Đọc nhiều" windows, in hours. */
export const WINDOWS = { day: 24, week: 168 } as const;

/** Hour buckets are kept this long, then deleted: the week's list and a day to spare. */
export const KEPT_HOURS = WINDOWS.week + 24;

/**
 * Views one address can add to one report in one hour. Above 1: many readers share one address
 * (a newsroom's office, a carrier's CGNAT on phones); low enough that a flood from one address
 * cannot lift a report into the list.
 */
export const VIEWS_PER_ADDRESS_PER_HOUR = 10;

/** The hour a moment falls in: hours since 1970 (UTC), the buckets' key. */
export const hourOf = (ms: number) => Math.floor(ms / HOUR_MS);

// Crawlers, link previews, monitors and scripted clients name themselves; a browser's agent never
// holds these words. HeadlessChrome is automation (Lighthouse, scrapers), not a reader.
const BOT_AGENT =
  /bot\b|bot\/|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|preview|headless|lighthouse|pagespeed|curl|wget|python|httpclient|okhttp|axios|node-fetch|undici|go-http|java\/|libwww|scrapy|phantomjs|monitor/i;

/** An agent that is no reader: missing, or a crawler's, preview's or script's. */
export function isBotAgent(userAgent: string | null | undefined): boolean {
  return !userAgent || BOT_AGENT.test(userAgent);
}

/**
 * A request a browser makes ahead of a visit (a prefetch or a prerender) rather than for one:
 * `Sec-Purpose: prefetch` (and `prefetch;prerender`), the older `Purpose`/`X-Purpose`, Firefox's `X-Moz`.
 */
export function isPrefetch(header: (name: string) => string | null | undefined): boolean {
  return ["sec-purpose", "purpose", "x-purpose", "x-moz"].some((name) =>
    /prefetch|preview|prerender/i.test(header(name) ?? ""),
  );
}

/**
 * The key that stands for (address, report, hour) in the per-address cap: an HMAC under a secret
 * that is never written to disk, so the address cannot be read back from it, and a new hour or
 * secret gives unrelated keys.
 */
export function capKey(secret: Buffer | string, address: string, slug: string, hour: number): string {
  return createHmac("sha256", secret).update(`${address}\n${slug}\n${hour}`).digest("base64url").slice(0, 22);
}

/** How many of `views` more fit under the cap when `before` were already counted. */
export function underCap(before: number, views: number, cap = VIEWS_PER_ADDRESS_PER_HOUR): number {
  return Math.max(0, Math.min(views, cap - before));
}

export interface ViewTotal {
  slug: string;
  views: number;
}

/** Per-hour counts (hour → slug → views) added up per report, most viewed first, then by slug. */
export function addUp(hours: Iterable<Record<string, number | string>>, limit: number): ViewTotal[] {
  const totals = new Map<string, number>();
  for (const counts of hours) {
    for (const [slug, views] of Object.entries(counts))
      totals.set(slug, (totals.get(slug) ?? 0) + Number(views));
  }
  return [...totals]
    .map(([slug, views]) => ({ slug, views }))
    .sort((a, b) => b.views - a.views || (a.slug < b.slug ? -1 : 1))
    .slice(0, limit);
}
