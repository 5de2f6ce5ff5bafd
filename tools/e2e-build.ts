// Where the browser tests' build, content and server live (scripts/build-for-e2e.ts makes them).
import path from "node:path";

// Overridable so that two test runs in one checkout do not share a build, a folder or a port.
export const E2E_CONTENT_DIR = path.resolve(process.env.E2E_CONTENT_DIR ?? ".e2e-content");
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR ?? ".next-e2e";
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SITE_URL = "https://tin.example.vn";
/**
 * Its https address would have every server the tests start tell the real IndexNow endpoint and
 * WebSub hub about each change (lib/notify/settings.ts): off, for the build and every server;
 * tests/e2e/search-engines.spec.ts and the stack's test give stand-ins of their own.
 */
export const E2E_ANNOUNCING_OFF = { INDEXNOW_ENDPOINT: "off", WEBSUB_HUB: "off" } as const;
