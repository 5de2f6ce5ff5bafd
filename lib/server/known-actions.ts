import { readFileSync } from "node:fs";
import path from "node:path";

// The server actions the build made, by id, from the manifest Next writes beside its server code.
// An id that is not one of them (a forged header, a page from an older build) makes Next log an
// error with its stack for every such post; the proxy answers it first, quietly.

/** The manifest's part this needs: action ids of the Node.js runtime. */
interface ServerReferenceManifest {
  node?: Record<string, unknown>;
}

let known: ReadonlySet<string> | null | undefined;

/** The ids in a manifest's text; null when the text is not a manifest. */
export function actionIdsOf(manifestText: string): ReadonlySet<string> | null {
  try {
    const manifest = JSON.parse(manifestText) as ServerReferenceManifest;
    return manifest.node && typeof manifest.node === "object" ? new Set(Object.keys(manifest.node)) : null;
  } catch {
    return null;
  }
}

function knownActions(): ReadonlySet<string> | null {
  if (known !== undefined) return known;
  // The server runs from its standalone folder, which holds the build's folder under the same name.
  const file = path.join(
    process.cwd(),
    process.env.BUILD_DIST_DIR ?? ".next",
    "server",
    "server-reference-manifest.json",
  );
  try {
    known = actionIdsOf(readFileSync(file, "utf8"));
  } catch {
    // `next dev` keeps its manifests elsewhere and changes them as it goes: no check there.
    known = null;
  }
  return known;
}

/** False only for an id the build is known not to have made. */
export function isKnownAction(id: string): boolean {
  const ids = knownActions();
  return ids === null || ids.has(id);
}
