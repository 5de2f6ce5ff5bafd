// The session cookie's name and life, apart from Next's request APIs so tests can read them.

export const SESSION_COOKIE = "tin_xu_nghe_bien_tap";
/** A session lasts a working day; signing in again is cheap. */
export const SESSION_SECONDS = 8 * 60 * 60;

export interface EditorSession {
  editor?: string;
  /** When the editor signed in (ms): checked as well as the seal's own expiry. */
  since?: number;
  /** The session's id: good only while its row is live beside the accounts (lib/auth/accounts.ts). */
  id?: string;
}
