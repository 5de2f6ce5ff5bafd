import type { PendingViews, ViewStore } from "./stores";
import { capKey, hourOf, underCap, VIEWS_PER_ADDRESS_PER_HOUR } from "./views";

/** How often counted views go to the store: a beacon costs a map update, not a write. */
export const FLUSH_MS = 1_000;

/**
 * Counts views in memory and hands them to the store once a second, one row per (report, hour,
 * cap key). An address's views of a report this hour are known by a keyed hash alone, kept until
 * the hour ends; past the cap they are not counted.
 */
export class ViewCounter {
  /** Null until the store's secret is known: views are not counted before (the first moments after a start). */
  private secret: Buffer | string | null = null;
  private seen = new Map<string, number>();
  private seenHour = -1;
  private pending = new Map<string, PendingViews>();
  private readonly timer: NodeJS.Timeout;
  private failing = false;

  constructor(
    private readonly store: ViewStore,
    private readonly cap = VIEWS_PER_ADDRESS_PER_HOUR,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS).unref();
  }

  /** Counts one view of `slug` from `address`; false when the address is past the cap. */
  count(address: string, slug: string, now = Date.now()): boolean {
    if (this.secret === null) return false;
    const hour = hourOf(now);
    if (hour !== this.seenHour) {
      this.seen = new Map();
      this.seenHour = hour;
    }
    const key = capKey(this.secret, address, slug, hour);
    const before = this.seen.get(key) ?? 0;
    if (underCap(before, 1, this.cap) === 0) return false;
    this.seen.set(key, before + 1);
    const pending = this.pending.get(key);
    if (pending) pending.views += 1;
    else this.pending.set(key, { key, slug, hour, views: 1 });
    return true;
  }

  /**
   * Hands what was counted to the store, and takes the store's secret for the next keys: with
   * Redis, the one every instance shares, so that one address meets one cap.
   */
  async flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      if (batch.length > 0) await this.store.add(batch);
      this.secret = await this.store.secret();
      this.failing = false;
    } catch (error) {
      // Said once per outage, not once a second; the batch is lost (a few seconds of counts).
      if (!this.failing) console.error(`[lượt xem] Không ghi được lượt xem: ${String(error)}`);
      this.failing = true;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    await this.store.close();
  }
}
