import { hash, verify } from "@node-rs/argon2";
import Database from "better-sqlite3";

// Editors' accounts: a name and an Argon2id hash (memory-hard, from @node-rs/argon2),
// in SQLite. Accounts are made on the server (`npm run editor:add`), never through the site.

export const EDITOR_NAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const MIN_PASSWORD_LENGTH = 12;

// A hash to verify against when the name is unknown, so that an unknown name takes as long to
// refuse as a wrong password and names cannot be told apart by timing.
const UNKNOWN = hash("mật khẩu của một tài khoản không có");

export class EditorAccounts {
  private readonly db: Database.Database;

  constructor(location: string) {
    this.db = new Database(location, { timeout: 10_000 });
    this.db.pragma("journal_mode = WAL");
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS editors (name TEXT PRIMARY KEY, hash TEXT NOT NULL, changed INTEGER NOT NULL)",
    );
  }

  /** Adds an editor, or sets a new password for one: returns whether the name was new. */
  async set(name: string, password: string): Promise<boolean> {
    if (!EDITOR_NAME.test(name)) {
      throw new Error(
        "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới (2–32 ký tự).",
      );
    }
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      throw new Error(`Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
    }
    const known = this.db.prepare("SELECT 1 FROM editors WHERE name = ?").get(name) !== undefined;
    this.db
      .prepare(
        "INSERT INTO editors (name, hash, changed) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET hash = excluded.hash, changed = excluded.changed",
      )
      .run(name, await hash(password), Date.now());
    return !known;
  }

  /** True for a known name with its password. */
  async check(name: string, password: string): Promise<boolean> {
    const row = this.db.prepare("SELECT hash FROM editors WHERE name = ?").get(name) as
      { hash: string } | undefined;
    const matches = await verify(row?.hash ?? (await UNKNOWN), password);
    return row !== undefined && matches;
  }

  close(): void {
    this.db.close();
  }
}
