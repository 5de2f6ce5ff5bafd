import path from "node:path";
import Database from "better-sqlite3";
import { editorDataDirectory } from "../auth/editor-data";

/** Long after any engine cares: a claim older than this is forgotten. */
const KEPT_MS = 30 * 24 * 3_600_000;

/**
 * Which changes were already announced, shared by every instance of this machine (they share the
 * editors' data folder): the instance that claims a change first announces it, the others stay
 * quiet. An insert that finds the row already there is what tells them apart.
 */
export class AnnouncementClaims {
  private readonly db: Database.Database;
  private lastSweep = 0;

  constructor(location = path.join(editorDataDirectory(), "thong-bao-da-gui.sqlite")) {
    this.db = new Database(location, { timeout: 10_000 });
    this.db.pragma("journal_mode = WAL");
    this.db.exec("CREATE TABLE IF NOT EXISTS claims (change TEXT PRIMARY KEY, at INTEGER NOT NULL)");
  }

  /** The changes of `changes` no instance had claimed: this caller announces those. */
  claim(changes: readonly string[], now = Date.now()): string[] {
    const insert = this.db.prepare("INSERT OR IGNORE INTO claims (change, at) VALUES (?, ?)");
    const claimed = this.db.transaction(() =>
      changes.filter((change) => insert.run(change, now).changes === 1),
    )();
    if (now - this.lastSweep > 3_600_000) {
      this.lastSweep = now;
      this.db.prepare("DELETE FROM claims WHERE at < ?").run(now - KEPT_MS);
    }
    return claimed;
  }

  close(): void {
    this.db.close();
  }
}
