import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { createClient } from "redis";
import { HOUR_MS, KEPT_HOURS, underCap, VIEWS_PER_ADDRESS_PER_HOUR } from "./views";

// Where counts go: Redis when the stack has one (REDIS_URL, shared by every instance), SQLite
// otherwise (a file in the editors' data folder, shared by the instances of one machine). Both
// keep one number per report per hour, and nothing else that outlives the hour.

/** Views of one report in one hour, from one address (known only by its cap key). */
export interface PendingViews {
  key: string;
  slug: string;
  hour: number;
  views: number;
}

export type HourCounts = Record<string, number | string>;

export interface ViewStore {
  /** Counts a batch; a store shared by instances applies the per-address cap across them. */
  add(batch: readonly PendingViews[]): Promise<void>;
  /** Each hour's counts (slug → views) from `fromHour` to `toHour`, both included, one entry per hour. */
  hours(fromHour: number, toHour: number): Promise<HourCounts[]>;
  /** The secret cap keys are made with: the process's own, or one every instance shares. */
  secret(): Promise<Buffer | string>;
  close(): Promise<void>;
}

/**
 * SQLite: one row per report per hour. The cap is the counter's, per instance (a map in memory):
 * with n instances on one machine, a flood from one address counts at most n × the cap.
 */
export class SqliteViewStore implements ViewStore {
  private readonly db: Database.Database;
  private readonly ownSecret = randomBytes(32);
  private sweptHour = 0;

  constructor(location: string) {
    this.db = new Database(location, { timeout: 5_000 });
    this.db.pragma("journal_mode = WAL");
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS views (hour INTEGER NOT NULL, slug TEXT NOT NULL, views INTEGER NOT NULL, PRIMARY KEY (hour, slug)) WITHOUT ROWID",
    );
  }

  async add(batch: readonly PendingViews[]): Promise<void> {
    const upsert = this.db.prepare(
      "INSERT INTO views (hour, slug, views) VALUES (?, ?, ?) ON CONFLICT (hour, slug) DO UPDATE SET views = views + excluded.views",
    );
    this.db.transaction(() => {
      for (const { hour, slug, views } of batch) upsert.run(hour, slug, views);
    })();
    const hour = Math.max(...batch.map((pending) => pending.hour));
    if (hour > this.sweptHour) {
      this.sweptHour = hour;
      this.db.prepare("DELETE FROM views WHERE hour < ?").run(hour - KEPT_HOURS);
    }
  }

  async hours(fromHour: number, toHour: number): Promise<HourCounts[]> {
    const rows = this.db
      .prepare("SELECT hour, slug, views FROM views WHERE hour BETWEEN ? AND ?")
      .all(fromHour, toHour) as Array<{ hour: number; slug: string; views: number }>;
    const byHour: HourCounts[] = Array.from({ length: toHour - fromHour + 1 }, () => ({}));
    for (const row of rows) byHour[row.hour - fromHour][row.slug] = row.views;
    return byHour;
  }

  async secret(): Promise<Buffer> {
    return this.ownSecret;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

const PREFIX = "tin-xu-nghe:luot-xem:";
const bucketKey = (hour: number) => `${PREFIX}gio:${hour}`;
const SECRET_KEY = `${PREFIX}khoa`;
const endOfHour = (hour: number) => ((hour + 1) * HOUR_MS) / 1000;

/**
 * Redis: a hash per hour (report → views), expiring KEPT_HOURS later, and a counter per cap key
 * expiring at the end of its hour. The secret is made by the first instance (SET NX) and read by
 * every other, so one address meets one cap whichever instance it reaches; it lives in Redis's
 * memory only (the stack's Redis saves nothing to disk).
 */
export class RedisViewStore implements ViewStore {
  private readonly client: ReturnType<typeof createClient>;
  private readonly ready: Promise<unknown>;

  constructor(url: string) {
    // Offline, a command fails at once instead of waiting: a page's list is then empty, not late.
    this.client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 2_000 } });
    this.client.on("error", (error: unknown) =>
      console.error(`[lượt xem] Lỗi Redis: ${error instanceof Error ? error.message : String(error)}`),
    );
    this.ready = this.client.connect();
  }

  async add(batch: readonly PendingViews[]): Promise<void> {
    await this.ready;
    const caps = this.client.multi();
    for (const { key, hour, views } of batch) {
      caps.incrBy(`${PREFIX}han:${key}`, views);
      caps.expireAt(`${PREFIX}han:${key}`, endOfHour(hour));
    }
    const totals = await caps.execAsPipeline();
    const counts = this.client.multi();
    batch.forEach(({ slug, hour, views }, index) => {
      const allowed = underCap(Number(totals[index * 2]) - views, views, VIEWS_PER_ADDRESS_PER_HOUR);
      if (allowed === 0) return;
      counts.hIncrBy(bucketKey(hour), slug, allowed);
      counts.expireAt(bucketKey(hour), endOfHour(hour + KEPT_HOURS));
    });
    await counts.execAsPipeline();
  }

  async hours(fromHour: number, toHour: number): Promise<HourCounts[]> {
    await this.ready;
    const read = this.client.multi();
    for (let hour = fromHour; hour <= toHour; hour += 1) read.hGetAll(bucketKey(hour));
    return (await read.execAsPipeline()) as unknown as HourCounts[];
  }

  async secret(): Promise<string> {
    await this.ready;
    const [, secret] = await this.client
      .multi()
      .set(SECRET_KEY, randomBytes(32).toString("base64url"), { NX: true })
      .get(SECRET_KEY)
      .execAsPipeline();
    return String(secret);
  }

  async close(): Promise<void> {
    await this.ready.catch(() => {});
    if (this.client.isOpen) await this.client.quit();
  }
}
