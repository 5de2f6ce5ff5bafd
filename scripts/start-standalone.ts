// Runs the self-contained server that `output: "standalone"` writes into <distDir>/standalone.
// Next copies only the server and the files it traced; the browser files (<distDir>/static) and
// public/ are copied in here, as Next's documentation says. The server reads the reports, and
// photos added later, from this checkout's content/ and public/ (CONTENT_DIR, PUBLIC_DIR), and
// starts from the parsed archive the build left in <distDir>/cache.
// Usage: npm run build && npm start   (PORT, HOSTNAME, NEXT_DIST_DIR, CONTENT_DIR, PUBLIC_DIR are read)
import { spawn } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { contentDirectory } from "../lib/content/files";
import { publicDirectory } from "../lib/content/images";
import { defaultContentStore } from "./content-store";

export function distDirectory(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}

/** Copies the static files into the standalone folder; returns the path of its server.js. */
export function prepareStandalone(distDir: string = distDirectory()): string {
  const standalone = path.resolve(distDir, "standalone");
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = prepareStandalone();
  const env = {
    ...process.env,
    // server.js's own defaults, stated here so the address can be printed.
    PORT: process.env.PORT ?? "3000",
    HOSTNAME: process.env.HOSTNAME ?? "0.0.0.0",
    NEXT_TELEMETRY_DISABLED: "1",
    // Absolute: the server runs from inside the standalone folder.
    CONTENT_DIR: contentDirectory(),
    PUBLIC_DIR: publicDirectory(),
    CONTENT_STORE: process.env.CONTENT_STORE ?? defaultContentStore(),
  };
  console.log(`Serving ${path.relative(process.cwd(), server)} on http://${env.HOSTNAME}:${env.PORT}`);
  const child = spawn(process.execPath, [server], { stdio: "inherit", env });
  // Pass Ctrl-C and a service manager's stop on to the server; end with its exit code.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
