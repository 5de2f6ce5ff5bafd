import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EditorAccounts } from "../../lib/auth/accounts";
import type { Role } from "../../lib/auth/roles";
import { E2E_CONTENT_DIR, E2E_DIST_DIR } from "../../tools/e2e-build";
import { type LiveServer, startLiveServer } from "../../tools/live-server";
import { freePort } from "../../tools/stack";

/** A production server of a test's own: the e2e build, a copy of its content and photos, its own data. */
export interface OwnServer {
  server: LiveServer;
  /** Editors' accounts and the sessions' key. */
  dataDir: string;
  /** The server's own copy of the reports, and of the photos. */
  contentDir: string;
  publicDir: string;
  /** An address on this server. */
  at(pathname: string): string;
  /** Stops the server, waits `downMs`, and starts it again on the same port, folders and data (and `env` added to its settings). */
  restart(downMs?: number, env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

export async function startOwnServer({
  prefix,
  files = {},
  editors = {},
  env = {},
}: {
  prefix: string;
  /** More report files: name → text. */
  files?: Record<string, string>;
  /**
   * Accounts made before the start, as `npm run editor:add` makes them: name → password (an
   * editor's account, `bien-tap`; the first is an administrator), or its password and role.
   */
  editors?: Record<string, string | { password: string; role: Role }>;
  /** More settings for the server. */
  env?: Record<string, string>;
}): Promise<OwnServer> {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  const contentDir = path.join(work, "content");
  cpSync(E2E_CONTENT_DIR, contentDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(contentDir, name), text);
  const publicDir = path.join(work, "public");
  cpSync("public", publicDir, { recursive: true });
  const dataDir = path.join(work, "data");
  mkdirSync(dataDir, { recursive: true });
  const accounts = new EditorAccounts(path.join(dataDir, "editors.sqlite"));
  for (const [name, given] of Object.entries(editors)) {
    if (typeof given === "string") await accounts.set(name, given, "bien-tap");
    else await accounts.set(name, given.password, given.role);
  }
  accounts.close();
  const options = {
    distDir: E2E_DIST_DIR,
    workDir: work,
    contentDir,
    publicDir,
    port: await freePort(),
    env: { ...env, EDITOR_DATA_DIR: dataDir },
  };
  const own: OwnServer = {
    server: await startLiveServer(options),
    dataDir,
    contentDir,
    publicDir,
    at: (pathname) => `${own.server.origin}${pathname}`,
    restart: async (downMs = 0, env = {}) => {
      await own.server.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      options.env = { ...options.env, ...env };
      own.server = await startLiveServer(options);
    },
    stop: async () => {
      await own.server.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
  return own;
}
