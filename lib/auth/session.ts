import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getIronSession, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import { site } from "../site";
import { editorDataDirectory } from "./editor-data";
import { editorAccounts } from "./newsroom";
import type { Role } from "./roles";
import { type EditorSession, SESSION_COOKIE, SESSION_SECONDS } from "./session-cookie";

// An editor's session: sealed (encrypted and signed) into a cookie by iron-session 8
// (9 needs Node 22), HttpOnly, SameSite=Strict, Secure where the site is served over HTTPS, sent
// only to /quan-tri. The seal alone cannot be taken back, so it carries a session id that must
// also be live on the server (a row beside the accounts): signing out, a new password, a disabled
// or removed account and `npm run editor:signout-all` end sessions there, for every instance.

/**
 * The key that seals sessions: ADMIN_SESSION_SECRET (32 characters or more), or one made once and
 * kept beside the accounts, so that every instance and every restart read the same one.
 */
export function sessionKey(): string {
  const given = process.env.ADMIN_SESSION_SECRET;
  if (given) {
    if (given.length < 32) throw new Error("ADMIN_SESSION_SECRET cần ít nhất 32 ký tự.");
    return given;
  }
  const file = path.join(editorDataDirectory(), "session-key");
  if (!existsSync(file)) {
    // "wx": of two instances starting together, one writes and the other reads what it wrote.
    try {
      writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}

export function sessionOptions(): SessionOptions {
  return {
    cookieName: SESSION_COOKIE,
    password: sessionKey(),
    ttl: SESSION_SECONDS,
    cookieOptions: {
      httpOnly: true,
      secure: site.url.protocol === "https:",
      sameSite: "strict",
      path: "/quan-tri",
    },
  };
}

export async function editorSession() {
  return getIronSession<EditorSession>(await cookies(), sessionOptions());
}

/**
 * The signed-in account (its name, and its role as it is now), or null: no session, a forged or
 * tampered cookie, an expired one, one ended on the server (signed out, new password, account
 * disabled or removed).
 */
export async function signedInAccount(): Promise<{ name: string; role: Role } | null> {
  const session = await editorSession();
  const fresh = session.since !== undefined && Date.now() - session.since < SESSION_SECONDS * 1000;
  if (!session.editor || !fresh || typeof session.id !== "string") return null;
  const account = editorAccounts().sessionAccount(session.id);
  return account?.name === session.editor ? account : null;
}

/** The signed-in editor's name, or null (see signedInAccount). */
export async function signedInEditor(): Promise<string | null> {
  return (await signedInAccount())?.name ?? null;
}

/** Seals the session an editor's sign-in opened (lib/auth/sign-in.ts) into the cookie. */
export async function startSession(editor: string, sessionId: string): Promise<void> {
  const session = await editorSession();
  session.editor = editor;
  session.since = Date.now();
  session.id = sessionId;
  await session.save();
}

/** Signing out: ends the session on the server, so a copy of the cookie is no session either. */
export async function endSession(): Promise<void> {
  const session = await editorSession();
  if (typeof session.id === "string") editorAccounts().endSession(session.id);
  session.destroy();
}
