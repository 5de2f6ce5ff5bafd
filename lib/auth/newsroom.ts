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
 * The client's address. The server's front door (lib/server/front-door.ts) leaves X-Forwarded-For
 * holding that alone, believing the header only from a configured proxy (TRUSTED_PROXIES).
 */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || "không rõ";
}
