import Database from "better-sqlite3";
import { RateLimiterSQLite } from "rate-limiter-flexible";

// Guessing passwords is held back by counting failed sign-ins (rate-limiter-flexible, in the same
// SQLite file as the accounts, so every instance counts together). Addresses are blocked: an
// account and address after a few failures, an address across accounts after more. An account
// itself is never blocked, or anyone could lock a named editor out by failing on purpose: guesses
// at it from many addresses slow every sign-in to it down instead, the editor's own included,
// which then still gets in. A success clears its account-and-address count.

const WINDOW_SECONDS = 15 * 60;
export const FAILURES_PER_ACCOUNT = 5;
export const FAILURES_PER_ADDRESS = 20;
/** Failures at one account, from anywhere, before its sign-ins are slowed. */
export const SLOW_DOWN_AFTER = 10;
/** The slowing grows by a step per this many further failures, up to the most. */
const SLOW_DOWN_STEP_MS = 1000;
const FAILURES_PER_STEP = 10;
export const SLOW_DOWN_MOST_MS = 5000;

export interface LimitVerdict {
  allowed: boolean;
  /** When refused: seconds until the next attempt may be made. */
  retryAfterSeconds: number;
  /** When allowed: how long to wait before the password is checked. */
  slowDownMs: number;
}

/** The wait before a sign-in to an account that has failed this often in the window. */
export function slowDownFor(failuresAnywhere: number): number {
  if (failuresAnywhere < SLOW_DOWN_AFTER) return 0;
  const steps = 1 + Math.floor((failuresAnywhere - SLOW_DOWN_AFTER) / FAILURES_PER_STEP);
  return Math.min(SLOW_DOWN_MOST_MS, steps * SLOW_DOWN_STEP_MS);
}

export class SignInLimits {
  private readonly db: Database.Database;
  private readonly perAccount: RateLimiterSQLite;
  private readonly perAddress: RateLimiterSQLite;
  private readonly perAccountAnywhere: RateLimiterSQLite;
  /** The limiter makes its tables after its constructor returns: every use waits for them. */
  private readonly ready: Promise<unknown>;

  constructor(location: string) {
    this.db = new Database(location, { timeout: 10_000 });
    this.db.pragma("journal_mode = WAL");
    const made: Array<Promise<void>> = [];
    const limiter = (tableName: string, points: number) => {
      let created!: (error?: unknown) => void;
      made.push(
        new Promise<void>((resolve, reject) => (created = (error) => (error ? reject(error) : resolve()))),
      );
      const options = {
        storeClient: this.db,
        storeType: "better-sqlite3",
        duration: WINDOW_SECONDS,
        tableName,
        points,
      };
      return new RateLimiterSQLite(options, created);
    };
    this.perAccount = limiter("sign_in_failures_per_account", FAILURES_PER_ACCOUNT);
    this.perAddress = limiter("sign_in_failures_per_address", FAILURES_PER_ADDRESS);
    // Counted, never refused: its points only have to outnumber any count it is asked about.
    this.perAccountAnywhere = limiter("sign_in_failures_per_account_anywhere", Number.MAX_SAFE_INTEGER);
    this.ready = Promise.all(made);
  }

  private static accountKey(name: string, address: string): string {
    return `${name}\u0000${address}`;
  }

  /** Whether another attempt may be made now. */
  async check(name: string, address: string): Promise<LimitVerdict> {
    await this.ready;
    const [pair, fromAddress, anywhere] = await Promise.all([
      this.perAccount.get(SignInLimits.accountKey(name, address)),
      this.perAddress.get(address),
      this.perAccountAnywhere.get(name),
    ]);
    const blocked = (count: typeof pair, limit: number) =>
      count && count.consumedPoints >= limit ? count.msBeforeNext : 0;
    const wait = Math.max(blocked(pair, FAILURES_PER_ACCOUNT), blocked(fromAddress, FAILURES_PER_ADDRESS));
    return {
      allowed: wait === 0,
      retryAfterSeconds: Math.ceil(wait / 1000),
      slowDownMs: slowDownFor(anywhere?.consumedPoints ?? 0),
    };
  }

  async failed(name: string, address: string): Promise<void> {
    await this.ready;
    // Past the limit consume() rejects: that is the count we want kept, not an error.
    await Promise.allSettled([
      this.perAccount.consume(SignInLimits.accountKey(name, address)),
      this.perAddress.consume(address),
      this.perAccountAnywhere.consume(name),
    ]);
  }

  async succeeded(name: string, address: string): Promise<void> {
    await this.ready;
    await this.perAccount.delete(SignInLimits.accountKey(name, address));
  }

  close(): void {
    this.db.close();
  }
}
