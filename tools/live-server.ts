// A production server of its own for tests and benchmarks that change content while it runs: a
// copy of a build's standalone folder (its page cache is written inside it, so two servers must
// not share one), its own content and photo folders and store, on its own port, in its own
// process group. The same server.js that `npm start` runs.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { prepareStandalone, SERVER_ENVIRONMENT, serverArguments } from "./standalone";

export interface LiveServerOptions {
  distDir: string;
  /** Where the copy of the standalone folder and the store go. */
  workDir: string;
  contentDir: string;
  publicDir: string;
  port: number;
  /** The parsed-content store; by default a new one in workDir (`npm start` uses the build's). */
  store?: string;
  env?: Record<string, string>;
}

export interface CacheFootprint {
  files: number;
  bytes: number;
}

export interface LiveServer {
  origin: string;
  standaloneDir: string;
  /** The build folder inside the copy, where the server keeps its page cache (server/app) and Next's cache. */
  buildDir: string;
  /** Everything the server printed, stdout and stderr, in order. */
  log: string[];
  child: ChildProcess;
  /** From starting server.js to its first 200 on the home page. */
  readyMs: number;
  /** Files and bytes of the server's page cache (server/app) and Next's cache folder, now. */
  cacheFootprint(): CacheFootprint;
  stop(): Promise<void>;
}

function footprint(buildDir: string): CacheFootprint {
  const total = { files: 0, bytes: 0 };
  for (const folder of ["server/app", "cache"]) {
    const root = path.join(buildDir, folder);
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root, { recursive: true, encoding: "utf8" })) {
      const stats = statSync(path.join(root, name));
      if (!stats.isFile()) continue;
      total.files += 1;
      total.bytes += stats.size;
    }
  }
  return total;
}

/**
 * Copies the build's standalone folder once per work folder, and the static files into the copy
 * (not into the build's folder, which another server may be serving from); later starts reuse the
 * copy and its cache.
 */
export function standaloneCopy(distDir: string, workDir: string): string {
  const target = path.join(workDir, "standalone");
  if (!existsSync(target)) {
    // Symlinks inside (Next's hashed links to sharp and better-sqlite3) are relative: keep them so.
    cpSync(path.resolve(distDir, "standalone"), target, { recursive: true, verbatimSymlinks: true });
    prepareStandalone(distDir, target);
  }
  return target;
}

export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const standaloneDir = standaloneCopy(options.distDir, options.workDir);
  const origin = `http://127.0.0.1:${options.port}`;
  const log: string[] = [];
  const startedAt = performance.now();
  const child = spawn(process.execPath, serverArguments(path.join(standaloneDir, "server.js")), {
    env: {
      ...process.env,
      ...options.env,
      NODE_ENV: "production",
      ...SERVER_ENVIRONMENT,
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
      CONTENT_DIR: options.contentDir,
      PUBLIC_DIR: options.publicDir,
      CONTENT_STORE: options.store ?? path.join(options.workDir, "content-store.sqlite"),
      // Editors' accounts and sessions' key: the test's own unless it names a folder.
      EDITOR_DATA_DIR: options.env?.EDITOR_DATA_DIR ?? path.join(options.workDir, "data"),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await fetch(origin).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the server on ${origin} did not start:\n${log.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const buildDir = path.join(standaloneDir, options.distDir);
  const readyMs = performance.now() - startedAt;
  return {
    origin,
    standaloneDir,
    buildDir,
    log,
    child,
    readyMs,
    cacheFootprint: () => footprint(buildDir),
    stop,
  };
}
