import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { isRole, type Role } from "./roles";
import { SESSION_SECONDS } from "./session-cookie";

// Editors' accounts: a name and an Argon2id hash (memory-hard, from @node-rs/argon2),
// in SQLite. Accounts are made on the server (`npm run editor:add`), never through the site.
//
// And their live sessions: the cookie is sealed, but a seal alone cannot be taken back, so each
// session also has a row here, found by (the hash of) the id the cookie carries. A session is
// good while its row is there, younger than SESSION_SECONDS, and made under the account's
// current generation; a new password, disabling the account (and, later, a new role) raise the
// generation, which ends every session of the account at its next request, in every instance
// that reads this file. Removing the account or its rows ends them the same way.
//
// Each account has a role (lib/auth/roles.ts), read with the session on every request, so a
// change of role counts from the next request. The first account made is an administrator;
// accounts made before roles existed could do everything, and keep that as `quan-tri`.

export const EDITOR_NAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const MIN_PASSWORD_LENGTH = 12;
/** The longest password the sign-in form takes (in UTF-16 units, as the form and String#slice count). */
export const MAX_PASSWORD_LENGTH = 1024;

// A hash to verify against when the name is unknown, so that an unknown name takes as long to
// refuse as a wrong password and names cannot be told apart by timing.
const UNKNOWN = hash("mật khẩu của một tài khoản không có");

/** A live session's editor and role, by the hash of its id and the oldest start still live. */
export const LIVE_SESSION = `SELECT s.editor, e.role FROM editor_sessions s JOIN editors e ON e.name = s.editor
  WHERE s.id = ? AND s.started > ? AND e.generation = s.generation AND e.disabled = 0`;

/** An account as /quan-tri lists it. */
export interface AccountRow {
  name: string;
  role: Role;
  disabled: boolean;
  /** When its password was last set. */
  changed: Date;
}

const sessionKey = (id: string) => createHash("sha256").update(id).digest("hex");

export class EditorAccounts {
  private readonly db: Database.Database;

  constructor(location: string) {
    this.db = new Database(location, { timeout: 10_000 });
    this.db.pragma("journal_mode = WAL");
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS editors (name TEXT PRIMARY KEY, hash TEXT NOT NULL, changed INTEGER NOT NULL)",
    );
    // Accounts made before sessions could be ended get the two columns.
    const columns = (this.db.prepare("PRAGMA table_info(editors)").all() as Array<{ name: string }>).map(
      (column) => column.name,
    );
    if (!columns.includes("generation")) {
      this.db.exec("ALTER TABLE editors ADD COLUMN generation INTEGER NOT NULL DEFAULT 0");
    }
    if (!columns.includes("disabled")) {
      this.db.exec("ALTER TABLE editors ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0");
    }
    if (!columns.includes("role")) {
      this.db.exec("ALTER TABLE editors ADD COLUMN role TEXT NOT NULL DEFAULT 'quan-tri'");
    }
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS editor_sessions (
         id TEXT PRIMARY KEY, editor TEXT NOT NULL, generation INTEGER NOT NULL, started INTEGER NOT NULL
       );
       CREATE INDEX IF NOT EXISTS editor_sessions_by_editor ON editor_sessions (editor);`,
    );
  }

  /**
   * Adds an account, or sets a new password for one (ending its sessions, enabling it again):
   * returns whether the name was new. A new account gets `role` (a reporter's if none is said),
   * except the first, which is always an administrator; an existing one keeps its role unless
   * `role` is given.
   */
  async set(name: string, password: string, role?: Role): Promise<boolean> {
    if (role !== undefined && !isRole(role)) throw new Error(`Vai trò không có: “${String(role)}”.`);
    if (!EDITOR_NAME.test(name)) {
      throw new Error(
        "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới (2–32 ký tự).",
      );
    }
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      throw new Error(`Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
    }
    if (password.length > MAX_PASSWORD_LENGTH) {
      throw new Error(
        `Mật khẩu dài quá: ô đăng nhập chỉ nhận ${MAX_PASSWORD_LENGTH} ký tự, mật khẩu này sẽ không bao giờ đăng nhập được.`,
      );
    }
    const hashed = await hash(password);
    return this.db.transaction(() => {
      const known = this.db.prepare("SELECT 1 FROM editors WHERE name = ?").get(name) !== undefined;
      const first = this.db.prepare("SELECT 1 FROM editors LIMIT 1").get() === undefined;
      const newRole: Role = first ? "quan-tri" : (role ?? "phong-vien");
      this.db
        .prepare(
          `INSERT INTO editors (name, hash, changed, role) VALUES (?, ?, ?, ?)
           ON CONFLICT(name) DO UPDATE SET hash = excluded.hash, changed = excluded.changed,
             generation = generation + 1, disabled = 0, role = coalesce(?, role)`,
        )
        .run(name, hashed, Date.now(), newRole, role ?? null);
      this.db.prepare("DELETE FROM editor_sessions WHERE editor = ?").run(name);
      return !known;
    })();
  }

  /** True for a known, enabled name with its password. */
  async check(name: string, password: string): Promise<boolean> {
    return (await this.verifiedGeneration(name, password)) !== null;
  }

  /** For a known, enabled name with its password: the account's generation when it was read. */
  async verifiedGeneration(name: string, password: string): Promise<number | null> {
    const row = this.db.prepare("SELECT hash, disabled, generation FROM editors WHERE name = ?").get(name) as
      { hash: string; disabled: number; generation: number } | undefined;
    const matches = await verify(row?.hash ?? (await UNKNOWN), password);
    return row !== undefined && row.disabled === 0 && matches ? row.generation : null;
  }

  /**
   * Opens a session for an editor whose password was just verified under this generation: returns
   * the id its cookie carries, or null if the account was disabled, removed or given a new
   * password meanwhile.
   */
  openSession(name: string, generation: number): string | null {
    const id = randomBytes(32).toString("base64url");
    const now = Date.now();
    const opened = this.db
      .prepare(
        `INSERT INTO editor_sessions (id, editor, generation, started)
         SELECT ?, name, generation, ? FROM editors WHERE name = ? AND generation = ? AND disabled = 0`,
      )
      .run(sessionKey(id), now, name, generation);
    // Expired rows go as new ones come.
    this.db.prepare("DELETE FROM editor_sessions WHERE started <= ?").run(now - SESSION_SECONDS * 1000);
    return opened.changes === 1 ? id : null;
  }

  /** The editor whose live session this is, or null: one lookup by primary key on each table. */
  sessionEditor(id: string): string | null {
    return this.sessionAccount(id)?.name ?? null;
  }

  /** The account (name and current role) whose live session this is, or null. */
  sessionAccount(id: string): { name: string; role: Role } | null {
    const row = this.db.prepare(LIVE_SESSION).get(sessionKey(id), Date.now() - SESSION_SECONDS * 1000) as
      { editor: string; role: string } | undefined;
    return row && isRole(row.role) ? { name: row.editor, role: row.role } : null;
  }

  /** Every account, by name. */
  list(): AccountRow[] {
    return (
      this.db.prepare("SELECT name, role, disabled, changed FROM editors ORDER BY name").all() as Array<{
        name: string;
        role: string;
        disabled: number;
        changed: number;
      }>
    ).map((row) => ({
      name: row.name,
      role: isRole(row.role) ? row.role : "phong-vien",
      disabled: row.disabled === 1,
      changed: new Date(row.changed),
    }));
  }

  /** Gives the account a role, from its next request on: whether it exists. */
  setRole(name: string, role: Role): boolean {
    if (!isRole(role)) throw new Error(`Vai trò không có: “${String(role)}”.`);
    return this.db.prepare("UPDATE editors SET role = ? WHERE name = ?").run(role, name).changes === 1;
  }

  /** How many enabled administrators there are: the last one cannot lose the role or be disabled. */
  enabledAdministrators(): number {
    return (
      this.db.prepare("SELECT count(*) AS n FROM editors WHERE role = 'quan-tri' AND disabled = 0").get() as {
        n: number;
      }
    ).n;
  }

  /** Ends one session (signing out). */
  endSession(id: string): void {
    this.db.prepare("DELETE FROM editor_sessions WHERE id = ?").run(sessionKey(id));
  }

  /** Ends every session of an account, which stays as it is: what a change of role will call. */
  endSessionsOf(name: string): boolean {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare("UPDATE editors SET generation = generation + 1 WHERE name = ?")
        .run(name);
      this.db.prepare("DELETE FROM editor_sessions WHERE editor = ?").run(name);
      return changed.changes === 1;
    })();
  }

  /** Refuses the account's sign-ins and ends its sessions until a new password is set: whether it exists. */
  disable(name: string): boolean {
    return this.db.transaction(() => {
      const changed = this.db.prepare("UPDATE editors SET disabled = 1 WHERE name = ?").run(name);
      this.endSessionsOf(name);
      return changed.changes === 1;
    })();
  }

  /** Deletes the account and its sessions: whether it existed. */
  remove(name: string): boolean {
    return this.db.transaction(() => {
      this.db.prepare("DELETE FROM editor_sessions WHERE editor = ?").run(name);
      return this.db.prepare("DELETE FROM editors WHERE name = ?").run(name).changes === 1;
    })();
  }

  /** Ends every editor's sessions: returns how many were live. */
  endAllSessions(): number {
    return this.db.transaction(() => {
      this.db.prepare("UPDATE editors SET generation = generation + 1").run();
      return this.db.prepare("DELETE FROM editor_sessions").run().changes;
    })();
  }

  close(): void {
    this.db.close();
  }
}
