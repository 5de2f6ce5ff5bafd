// `npm start`: the standalone server of the last build (tools/standalone.ts). It reads the
// reports, and photos added later, from this checkout's content/ and public/ (CONTENT_DIR,
// PUBLIC_DIR), and starts from the parsed archive the build left in <distDir>/cache.
// Usage: npm run build && npm start   (PORT, HOSTNAME, NEXT_DIST_DIR, CONTENT_DIR, PUBLIC_DIR are read)
//        npm start -- --prepare        only prepares the folder, to ship it (docs/van-hanh)
import { spawn } from "node:child_process";
import path from "node:path";
import { editorDataDirectory } from "../lib/auth/editor-data";
// The folders' names only: the loader behind lib/content/refresh takes a second to import.
import { contentDirectory } from "../lib/content/files";
import { publicDirectory } from "../lib/photo-files";
import { defaultContentStore } from "../tools/content-store";
import { prepareStandalone, SERVER_ENVIRONMENT, serverArguments } from "../tools/standalone";

if (process.argv.includes("--prepare")) {
  console.log(`Ready to ship: ${path.dirname(prepareStandalone())} (run node server.js inside it)`);
} else {
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
