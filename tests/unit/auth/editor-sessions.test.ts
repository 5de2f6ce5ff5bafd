import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { EditorAccounts, LIVE_SESSION, MAX_PASSWORD_LENGTH } from "@/lib/auth/accounts";
import { SESSION_SECONDS } from "@/lib/auth/session-cookie";
import { postedCredentials } from "@/lib/auth/sign-in";
import { signInInputs } from "@/lib/report-form/field-names";
import { REPO_ROOT } from "../support/paths";
import { temporaryFolder } from "../support/temporary-folder";

// Sessions live beside the accounts, on the real SQLite: what ends them, for every instance.

const PASSWORD = "một mật khẩu đủ dài";
let folder: string;
let database: string;
beforeEach(() => {
  folder = temporaryFolder("phien-");
  database = path.join(folder, "editors.sqlite");
});

/** An account made, and a session opened for it as signing in does. */
async function signedIn(accounts: EditorAccounts, name = "bientap"): Promise<string> {
  await accounts.set(name, PASSWORD).catch(() => undefined);
  const generation = await accounts.verifiedGeneration(name, PASSWORD);
  const id = generation === null ? null : accounts.openSession(name, generation);
  if (!id) throw new Error("không mở được phiên");
  return id;
}

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, EDITOR_DATA_DIR: folder, ...env },
    encoding: "utf8",
  });
}

const operator = (command: string, name?: string) =>
  run("scripts/editor-account.ts", [command, ...(name ? [name] : [])]);

describe("editors' sessions", () => {
  it("a session is live until signed out; a made-up id never is", async () => {
    const accounts = new EditorAccounts(database);
    const id = await signedIn(accounts);
    expect(accounts.sessionEditor(id)).toBe("bientap");
    expect(accounts.sessionEditor("khong-phai-phien-nao")).toBeNull();
    accounts.endSession(id);
    expect(accounts.sessionEditor(id)).toBeNull();
    accounts.close();
  });

  it("another instance on the same file sees a session end", async () => {
    const first = new EditorAccounts(database);
    const second = new EditorAccounts(database);
    const id = await signedIn(first);
    expect(second.sessionEditor(id)).toBe("bientap");
    first.endSession(id);
    expect(second.sessionEditor(id)).toBeNull();
    first.close();
    second.close();
  });

  it("a new password ends every session of that account, not of others", async () => {
    const accounts = new EditorAccounts(database);
    const one = await signedIn(accounts);
    const two = await signedIn(accounts);
    const other = await signedIn(accounts, "phong-vien");
    expect(await accounts.set("bientap", "mật khẩu mới cũng dài")).toBe(false);
    expect(accounts.sessionEditor(one)).toBeNull();
    expect(accounts.sessionEditor(two)).toBeNull();
    expect(accounts.sessionEditor(other)).toBe("phong-vien");
    accounts.close();
  });

  it("a sign-in checked before a new password opens no session", async () => {
    const accounts = new EditorAccounts(database);
    await accounts.set("bientap", PASSWORD);
    const generation = await accounts.verifiedGeneration("bientap", PASSWORD);
    expect(generation).not.toBeNull();
    await accounts.set("bientap", "mật khẩu mới cũng dài");
    expect(accounts.openSession("bientap", generation!)).toBeNull();
    accounts.close();
  });

  it("a disabled account signs in no more and its sessions end; a new password enables it", async () => {
    const accounts = new EditorAccounts(database);
    const id = await signedIn(accounts);
    expect(accounts.disable("bientap")).toBe(true);
    expect(accounts.sessionEditor(id)).toBeNull();
    expect(await accounts.check("bientap", PASSWORD)).toBe(false);
    expect(accounts.disable("khong-co")).toBe(false);
    await accounts.set("bientap", PASSWORD);
    expect(await accounts.check("bientap", PASSWORD)).toBe(true);
    expect(accounts.sessionEditor(id)).toBeNull();
    accounts.close();
  });

  it("ending an account's sessions (as a change of role will) keeps the account", async () => {
    const accounts = new EditorAccounts(database);
    const id = await signedIn(accounts);
    expect(accounts.endSessionsOf("bientap")).toBe(true);
    expect(accounts.sessionEditor(id)).toBeNull();
    expect(await accounts.check("bientap", PASSWORD)).toBe(true);
    accounts.close();
  });

  it("a removed account's sessions end, and a new account of the same name does not inherit them", async () => {
    const accounts = new EditorAccounts(database);
    const id = await signedIn(accounts);
    expect(accounts.remove("bientap")).toBe(true);
    expect(accounts.sessionEditor(id)).toBeNull();
    expect(await accounts.check("bientap", PASSWORD)).toBe(false);
    await accounts.set("bientap", PASSWORD);
    expect(accounts.sessionEditor(id)).toBeNull();
    accounts.close();
  });

  it("a session ends after SESSION_SECONDS, and its row goes with the next sign-in", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const accounts = new EditorAccounts(database);
      const old = await signedIn(accounts);
      vi.advanceTimersByTime(SESSION_SECONDS * 1000);
      expect(accounts.sessionEditor(old)).toBeNull();
      const fresh = await signedIn(accounts, "phong-vien");
      expect(accounts.sessionEditor(fresh)).toBe("phong-vien");
      accounts.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it("the check is one lookup by primary key on each table", async () => {
    const accounts = new EditorAccounts(database);
    await signedIn(accounts);
    accounts.close();
    const Database = (await import("better-sqlite3")).default;
    const db = new Database(database, { readonly: true });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${LIVE_SESSION}`).all("x", 0) as Array<{ detail: string }>;
    db.close();
    expect(plan.map((step) => step.detail)).toEqual([
      expect.stringMatching(/^SEARCH s USING INDEX sqlite_autoindex_editor_sessions_1 \(id=\?\)$/),
      expect.stringMatching(/^SEARCH e USING INDEX sqlite_autoindex_editors_1 \(name=\?\)$/),
    ]);
  });

  it("the operator's commands disable, remove, and sign everyone out", { timeout: 60_000 }, async () => {
    const accounts = new EditorAccounts(database);
    const kept = await signedIn(accounts, "giu-lai");
    const disabled = await signedIn(accounts, "bi-khoa");
    const removed = await signedIn(accounts, "bi-xoa");

    const disabling = operator("disable", "bi-khoa");
    expect(disabling.stdout).toContain("Đã khóa tài khoản “bi-khoa”");
    expect(accounts.sessionEditor(disabled)).toBeNull();
    const removing = operator("remove", "bi-xoa");
    expect(removing.stdout).toContain("Đã xóa tài khoản “bi-xoa”");
    expect(accounts.sessionEditor(removed)).toBeNull();
    expect(operator("remove", "khong-co").stderr).toContain("Không có tài khoản “khong-co”");
    expect(accounts.sessionEditor(kept)).toBe("giu-lai");

    const all = operator("signout-all");
    expect(all.status).toBe(0);
    expect(all.stdout).toContain("Đã đăng xuất mọi biên tập viên (1 phiên đang mở)");
    expect(accounts.sessionEditor(kept)).toBeNull();
    expect(await accounts.check("giu-lai", PASSWORD)).toBe(true);
    accounts.close();
  });
});

describe("the longest password", () => {
  it("is refused where it is set if the sign-in form could not take it", async () => {
    const accounts = new EditorAccounts(database);
    const longest = "m".repeat(MAX_PASSWORD_LENGTH);
    await accounts.set("bientap", longest);
    await expect(accounts.set("bientap", `${longest}x`)).rejects.toThrow(
      `ô đăng nhập chỉ nhận ${MAX_PASSWORD_LENGTH} ký tự`,
    );
    // The longest one that can be set signs in through the form's own reading of it.
    const form = new FormData();
    form.set(signInInputs.name, "bientap");
    form.set(signInInputs.password, longest);
    const { password } = postedCredentials(form);
    expect(await accounts.check("bientap", password)).toBe(true);
    accounts.close();
  });

  it("npm run editor:add says so and keeps the old password", { timeout: 30_000 }, async () => {
    const accounts = new EditorAccounts(database);
    await accounts.set("bientap", PASSWORD);
    const adding = run("scripts/editor-add.ts", ["bientap"], {
      EDITOR_PASSWORD: "m".repeat(MAX_PASSWORD_LENGTH + 1),
    });
    expect(adding.status).toBe(1);
    expect(adding.stderr).toContain(`Mật khẩu dài quá: ô đăng nhập chỉ nhận ${MAX_PASSWORD_LENGTH} ký tự`);
    expect(await accounts.check("bientap", PASSWORD)).toBe(true);
    accounts.close();
  });
});
