// Settings of the parsed-content store (lib/content/store.ts) shared by next.config.ts (build,
// dev), `npm run check-content` and `npm start`, so that all of them use the same file.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { contentDirectory } from "../lib/content/files";

/** The store beside Next's own cache in the build folder, one per content folder. */
export function defaultContentStore(
  distDir: string = process.env.NEXT_DIST_DIR ?? ".next",
  contentDir: string = contentDirectory(),
): string {
  const folder = createHash("sha256").update(contentDir).digest("hex").slice(0, 12);
  return path.resolve(distDir, "cache", `content-store-${folder}.sqlite`);
}

/**
 * A digest of the code that reads reports (lib/content and what it imports from lib/, and the
 * locked dependency versions): stored rows read by other code are read again, so a change to the
 * schema or the Markdown pipeline never leaves an old verdict in place.
 */
export function loaderVersion(root: string = process.cwd()): string {
  const hash = createHash("sha256");
  const files = readdirSync(path.join(root, "lib/content"), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|tsx|mjs)$/.test(file))
    .map((file) => path.join("lib/content", file))
    .sort();
  for (const file of [...files, "lib/slugs.ts", "lib/dates.ts", "package-lock.json"]) {
    hash.update(file).update(readFileSync(path.join(root, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Sets both for this process and the processes it starts, unless already set. */
export function shareContentStore(distDir?: string): void {
  process.env.CONTENT_STORE ??= defaultContentStore(distDir);
  process.env.CONTENT_LOADER_VERSION ??= loaderVersion();
}
