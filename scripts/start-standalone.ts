// Runs the self-contained server that `output: "standalone"` writes into <distDir>/standalone.
// Next copies only the server and the files it traced; the browser files (<distDir>/static) and
// public/ are copied in here, as Next's documentation says. The server reads the reports, and
// photos added later, from this checkout's content/ and public/ (CONTENT_DIR, PUBLIC_DIR), and
// starts from the parsed archive the build left in <distDir>/cache.
// Usage: npm run build && npm start   (PORT, HOSTNAME, NEXT_DIST_DIR, CONTENT_DIR, PUBLIC_DIR are read)
//        npm start -- --prepare        only prepares the folder, to ship it (README, "Deployment")
import { spawn } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { editorDataDirectory } from "../lib/admin/editor-data";
import { contentDirectory, listReportFiles } from "../lib/content/files";
import { publicDirectory } from "../lib/content/images";
import { defaultContentStore } from "./content-store";

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
 * Copies the static files into the standalone folder (or into a copy of it, `standalone`);
 * returns the path of its server.js.
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
  return server;
}

/**
 * The V8 heap the server gets, in MB (`SERVER_HEAP_MB`, else from the archive's size). Without a
 * limit V8 lets what rendering leaves behind pile up: 868 MB resident once every report of a
 * 10,000-report archive had been requested, against 436 MB with a 400 MB heap, the same pages
 * served. What stays live grows with the archive (over 160 MB at 10,000 reports: the server ran
 * out of heap at that limit), hence the share per report.
 */
export function serverHeapMb(contentDir: string = contentDirectory()): number {
  if (process.env.SERVER_HEAP_MB) return Number(process.env.SERVER_HEAP_MB);
  const reports = existsSync(contentDir) ? listReportFiles(contentDir).length : 0;
  return Math.max(384, 160 + 24 * Math.ceil(reports / 1000));
}

/** Arguments for node: the heap limit, unless NODE_OPTIONS already sets one, then server.js. */
export function serverArguments(server: string, contentDir?: string): string[] {
  const limited = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "");
  return [...(limited ? [] : [`--max-old-space-size=${serverHeapMb(contentDir)}`]), server];
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes("--prepare")) {
  console.log(`Ready to ship: ${path.dirname(prepareStandalone())} (run node server.js inside it)`);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const server = prepareStandalone();
  const env = {
    ...process.env,
    // server.js's own defaults, stated here so the address can be printed.
    PORT: process.env.PORT ?? "3000",
    HOSTNAME: process.env.HOSTNAME ?? "0.0.0.0",
    ...SERVER_ENVIRONMENT,
    // Absolute: the server runs from inside the standalone folder.
    CONTENT_DIR: contentDirectory(),
    PUBLIC_DIR: publicDirectory(),
    CONTENT_STORE: process.env.CONTENT_STORE ?? defaultContentStore(),
    EDITOR_DATA_DIR: editorDataDirectory(),
  };
  console.log(`Serving ${path.relative(process.cwd(), server)} on http://${env.HOSTNAME}:${env.PORT}`);
  const child = spawn(process.execPath, serverArguments(server), { stdio: "inherit", env });
  // Pass Ctrl-C and a service manager's stop on to the server; end with its exit code.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
