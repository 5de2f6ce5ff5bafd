import { defineConfig, devices } from "@playwright/test";
import { E2E_ANNOUNCING_OFF, E2E_CONTENT_DIR, E2E_DIST_DIR, E2E_PORT, E2E_SITE_URL } from "./tools/e2e-build";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./tools/chromium";

// The tests read the same content folder the build used, through the real loaders.
process.env.CONTENT_DIR = E2E_CONTENT_DIR;
process.env.SITE_URL = E2E_SITE_URL;
// And every server a test starts (they take this process's environment) tells no real engine.
Object.assign(process.env, E2E_ANNOUNCING_OFF);

const PORT = E2E_PORT;
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    ...devices["Desktop Chrome"],
    launchOptions: {
      // Debian's Chromium when present; otherwise Playwright's own browser (a developer's laptop).
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  // The production build made by `npm run test:e2e` (scripts/build-for-e2e.ts), served by its
  // standalone server as deployed (docs/van-hanh/deployment.md). Never reuse a server already on the
  // port: it could be serving an older build.
  webServer: {
    command: "tsx scripts/start.ts",
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: E2E_DIST_DIR,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
    },
  },
});
