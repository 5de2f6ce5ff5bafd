// Where the browser tests' build, content and server live (scripts/build-for-e2e.ts makes them).
import path from "node:path";

// Overridable so that two test runs in one checkout do not share a build, a folder or a port.
export const E2E_CONTENT_DIR = path.resolve(process.env.E2E_CONTENT_DIR ?? ".e2e-content");
export const E2E_DIST_DIR = process.env.E2E_DIST_DIR ?? ".next-e2e";
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SITE_URL = "https://tin.example.vn";
