import { perProcess } from "../process-singleton.mjs";
import { EditorAccounts } from "./accounts";
import { editorDatabasePath } from "./editor-data";
import { SignInLimits } from "./sign-in-limits";

// One of each per process, shared by the bundles Next makes.
const stores = () =>
  perProcess("newsroom", () => ({
    accounts: new EditorAccounts(editorDatabasePath()),
    limits: new SignInLimits(editorDatabasePath()),
  }));

export const editorAccounts = () => stores().accounts;
export const signInLimits = () => stores().limits;

/**
 * The reader's address as the last proxy saw it: nginx appends the peer's address to
 * X-Forwarded-For, so the last entry is the one a client cannot write. Without a proxy in front,
 * the header is the client's own word: the per-account limit still holds.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  return forwarded?.split(",").at(-1)?.trim() || "không rõ";
}
