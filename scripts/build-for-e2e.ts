// Builds the site the browser tests run against: the real content plus the fixture reports in
// tests/fixtures/e2e-content (a hostile headline, a draft, a newly added report), copied into a
// temporary content folder, built by `next build` into .next-e2e with a distinctive SITE_URL.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

// Overridable so that two test runs in one checkout do not share a build, a folder or a port.
export const E2E_CONTENT_DIR = path.resolve(process.env.E2E_CONTENT_DIR ?? ".e2e-content");
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR ?? ".next-e2e";
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SITE_URL = "https://tin.example.vn";

if (import.meta.url === `file://${process.argv[1]}`) {
  rmSync(E2E_CONTENT_DIR, { recursive: true, force: true });
  mkdirSync(E2E_CONTENT_DIR);
  for (const folder of ["content", "tests/fixtures/e2e-content"]) {
    for (const name of readdirSync(folder)) cpSync(path.join(folder, name), path.join(E2E_CONTENT_DIR, name));
  }
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: {
      ...process.env,
      CONTENT_DIR: E2E_CONTENT_DIR,
      NEXT_DIST_DIR: E2E_DIST_DIR,
      SITE_URL: E2E_SITE_URL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  process.exit(build.status ?? 1);
}
