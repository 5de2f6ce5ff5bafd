import { mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { isPhotoPath, photoFolder } from "../photo-files";

// Photos across machines (issue 26). Reports travel through git; photos do not (a year of a
// newsroom's photos is gigabytes, which every clone would carry forever). A report that reached
// this machine before its photo waits, as any report naming a missing photo does; the watcher
// asks the other machines (PHOTO_PEERS) for each photo a waiting report names, over plain HTTP at
// the photo's own public address, and keeps the bytes. A photo's name is never reused for other
// bytes (each upload gets a new one), so a copy never goes stale.

const FETCH_TIMEOUT_MS = 5_000;
/** Missing photos whose rounds are remembered; past that the memory starts again. */
const MAX_TRACKED = 1_000;
/** The longest a missing photo waits between two rounds of asking. */
const MAX_BACKOFF_MS = 60_000;

/** The other machines' addresses, from PHOTO_PEERS ("http://may-b:3000,http://may-c:3000"). */
export function photoPeers(setting = process.env.PHOTO_PEERS ?? ""): string[] {
  return setting
    .split(",")
    .map((peer) => peer.trim())
    .filter(Boolean)
    .map((peer) => {
      const url = new URL(peer);
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new Error(`PHOTO_PEERS: chỉ nhận địa chỉ http(s), không nhận “${peer}”`);
      }
      return url.origin;
    });
}

/** Where a photo at `src` ("/images/…", decoded) is kept here; null for a name the site never serves. */
export function peerPhotoTarget(publicDir: string, src: string): string | null {
  const parts = src.split("/").slice(2);
  if (!src.startsWith("/images/") || !isPhotoPath(parts) || parts.some((part) => part.includes("\\"))) {
    return null;
  }
  return path.join(photoFolder(publicDir), ...parts);
}

/** Writes the bytes at `target` through a temporary name, inside the real photo folder only. */
function keep(publicDir: string, target: string, bytes: Buffer): boolean {
  const folder = path.dirname(target);
  mkdirSync(folder, { recursive: true });
  const root = realpathSync(photoFolder(publicDir));
  const real = realpathSync(folder);
  if (real !== root && !real.startsWith(root + path.sep)) return false;
  const temporary = path.join(real, `.tai-ve-${randomBytes(6).toString("hex")}`);
  try {
    writeFileSync(temporary, bytes, { flag: "wx" });
    renameSync(temporary, path.join(real, path.basename(target)));
  } finally {
    rmSync(temporary, { force: true });
  }
  return true;
}

/** Asks each peer in turn for the photo; true once one had it and its bytes are kept here. */
export async function fetchPhotoFromPeers(
  publicDir: string,
  src: string,
  peers: string[],
  maxBytes: number,
): Promise<boolean> {
  const target = peerPhotoTarget(publicDir, src);
  if (!target) return false;
  for (const peer of peers) {
    try {
      const response = await fetch(`${peer}${encodeURI(src)}`, {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        redirect: "error",
      });
      const type = response.headers.get("content-type") ?? "";
      if (response.status !== 200 || !type.startsWith("image/")) {
        await response.body?.cancel();
        continue;
      }
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length === 0 || bytes.length > maxBytes) continue;
      if (keep(publicDir, target, bytes)) {
        console.log(`[ảnh] lấy “${src}” từ ${peer} (${bytes.length} byte)`);
        return true;
      }
    } catch (error) {
      console.error(
        `[ảnh] không lấy được “${src}” từ ${peer}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return false;
}

/**
 * Asks for each missing photo at most once at a time, and less often the longer no peer has it
 * (1 s, 2 s, 4 s … up to a minute): a photo deleted everywhere costs a request a minute.
 */
export function peerPhotoFetcher(publicDir: string, peers: string[], maxBytes: number) {
  const tries = new Map<string, { next: number; wait: number; busy: boolean }>();
  return (src: string, now = Date.now()): void => {
    if (tries.size > MAX_TRACKED) tries.clear();
    const known = tries.get(src) ?? { next: 0, wait: 1_000, busy: false };
    if (known.busy || now < known.next) return;
    tries.set(src, { ...known, busy: true });
    void fetchPhotoFromPeers(publicDir, src, peers, maxBytes).then((found) => {
      if (found) tries.delete(src);
      else
        tries.set(src, {
          next: Date.now() + known.wait,
          wait: Math.min(known.wait * 2, MAX_BACKOFF_MS),
          busy: false,
        });
    });
  };
}
