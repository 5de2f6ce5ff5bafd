import Database from "better-sqlite3";
import { RateLimiterSQLite } from "rate-limiter-flexible";

// Guessing passwords is slowed by counting failed sign-ins (rate-limiter-flexible, in the same
// SQLite file as the accounts, so every instance counts together): per account and address; per
// address across accounts; and per account across addresses, higher, against guesses spread over
// many addresses (at the cost of locking the editor out for the window). A success clears its
// account-and-address count.

const WINDOW_SECONDS = 15 * 60;
export const FAILURES_PER_ACCOUNT = 5;
export const FAILURES_PER_ADDRESS = 20;
export const FAILURES_PER_ACCOUNT_ANYWHERE = 50;

export interface LimitVerdict {
  allowed: boolean;
  /** When refused: seconds until the next attempt may be made. */
  retryAfterSeconds: number;
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
    this.perAccountAnywhere = limiter("sign_in_failures_per_account_anywhere", FAILURES_PER_ACCOUNT_ANYWHERE);
    this.ready = Promise.all(made);
  }

  private static accountKey(name: string, address: string): string {
    return `${name}\u0000${address}`;
  }

  /** Whether another attempt may be made now. */
  async check(name: string, address: string): Promise<LimitVerdict> {
    await this.ready;
    const counts = await Promise.all([
      this.perAccount.get(SignInLimits.accountKey(name, address)),
      this.perAddress.get(address),
      this.perAccountAnywhere.get(name),
    ]);
    const limits = [FAILURES_PER_ACCOUNT, FAILURES_PER_ADDRESS, FAILURES_PER_ACCOUNT_ANYWHERE];
    const waits = counts.map((count, i) =>
      count && count.consumedPoints >= limits[i] ? count.msBeforeNext : 0,
    );
    const wait = Math.max(...waits);
    return { allowed: wait === 0, retryAfterSeconds: Math.ceil(wait / 1000) };
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
