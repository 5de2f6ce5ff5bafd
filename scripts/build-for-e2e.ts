// Builds the site the browser tests run against: the real content plus the fixture reports in
// tests/fixtures/e2e-content (a hostile headline, a draft, a newly added report), copied into a
// temporary content folder, built by `next build` into .next-e2e with a distinctive SITE_URL.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { E2E_ANNOUNCING_OFF, E2E_CONTENT_DIR, E2E_DIST_DIR, E2E_SITE_URL } from "../tools/e2e-build";

rmSync(E2E_CONTENT_DIR, { recursive: true, force: true });
mkdirSync(E2E_CONTENT_DIR);
for (const folder of ["content", "tests/fixtures/e2e-content"]) {
  for (const name of readdirSync(folder)) cpSync(path.join(folder, name), path.join(E2E_CONTENT_DIR, name));
}
const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
  stdio: "inherit",
  env: {
    ...process.env,
    ...E2E_ANNOUNCING_OFF,
    CONTENT_DIR: E2E_CONTENT_DIR,
    NEXT_DIST_DIR: E2E_DIST_DIR,
    SITE_URL: E2E_SITE_URL,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
process.exit(build.status ?? 1);
