// The self-contained server that `output: "standalone"` writes into <distDir>/standalone, made
// ready to run. Next copies only the server and the files it traced; the browser files
// (<distDir>/static) and public/ are copied in here, as Next's documentation says. `npm start`
// (scripts/start.ts), the stack and the tests' own servers all start it this way.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { PARSE_WORKER_FILE } from "../lib/content/report-parser";
import { publicDirectory } from "../lib/photo-files";

/**
 * What every server we start gets: no telemetry, and Next's exit-at-once on SIGTERM and SIGINT
 * turned off, so that the server answers the requests in progress first
 * (lib/server/graceful-shutdown.ts, started by instrumentation.ts).
 */
export const SERVER_ENVIRONMENT = { NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "1" };

export function distDirectory(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}

/**
 * Bundles the publishing watcher's worker thread (lib/content/parse-worker.ts) into one file beside
 * server.js: Next bundles the server's own code but not a worker's, and the standalone folder has
 * only the modules Next traced. Built from the checkout, as `npm start` is.
 */
export function bundleParseWorker(standalone: string): void {
  buildSync({
    entryPoints: [path.resolve("lib/content/parse-worker.ts")],
    outfile: path.join(standalone, PARSE_WORKER_FILE),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // CommonJS dependencies (gray-matter) require Node's built-ins, which an ES module must be given.
    banner: {
      js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
}

/**
 * Copies the static files into the standalone folder (or into a copy of it, `standalone`) and
 * bundles the parse worker there; returns the path of its server.js.
 */
export function prepareStandalone(
  distDir: string = distDirectory(),
  standalone: string = path.resolve(distDir, "standalone"),
): string {
  const server = path.join(standalone, "server.js");
  if (!existsSync(server)) {
    throw new Error(
      `${server} is missing: run \`npm run build\` first (next.config.ts sets output: "standalone")`,
    );
  }
  // The standalone server looks for its build under the same relative distDir.
  const staticTarget = path.join(standalone, distDir, "static");
  rmSync(staticTarget, { recursive: true, force: true });
  cpSync(path.resolve(distDir, "static"), staticTarget, { recursive: true });
  // Photos stay out: app/images serves them from PUBLIC_DIR, those copied in after the start too,
  // with a Cache-Control that a 404 does not share.
  const publicTarget = path.join(standalone, "public");
  rmSync(publicTarget, { recursive: true, force: true });
  cpSync(publicDirectory(), publicTarget, {
    recursive: true,
    filter: (source) => path.relative(publicDirectory(), source) !== "images",
  });
  // Once per build (next build writes the standalone folder anew): bundling takes ~0.4 s of a start.
  if (!existsSync(path.join(standalone, PARSE_WORKER_FILE))) bundleParseWorker(standalone);
  return server;
}

/**
 * The V8 heap the server gets, in MB (`SERVER_HEAP_MB`, default 384). Without a limit V8 lets what
 * rendering leaves behind pile up (868 MB resident once every report of a 10,000-report archive
 * had been requested, against 436 MB with a 400 MB heap). The archive lives in the store, not in
 * the heap, so the same limit serves every archive size; 256 MB ran out at 100,000 reports while
 * search caught up and eight pages rendered at once.
 */
export function serverHeapMb(): number {
  return process.env.SERVER_HEAP_MB ? Number(process.env.SERVER_HEAP_MB) : 384;
}

/** Arguments for node: the heap limit, unless NODE_OPTIONS already sets one, then server.js. */
export function serverArguments(server: string): string[] {
  const limited = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "");
  return [...(limited ? [] : [`--max-old-space-size=${serverHeapMb()}`]), server];
}
