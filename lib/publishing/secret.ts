import { randomBytes, timingSafeEqual } from "node:crypto";
import { perProcess } from "../process-singleton.mjs";

// The watcher asks its own server to revalidate pages (revalidatePath works only inside a
// request). The request carries a secret made at start and held only in this process's memory:
// nobody outside can ask, and there is nothing to configure or leak.
const secret = () => perProcess("publishing-secret", () => ({ value: null as string | null }));

export const SECRET_HEADER = "x-tin-xu-nghe-publish";

/** Made once per process, by the watcher. */
export function publishingSecret(): string {
  const held = secret();
  held.value ??= randomBytes(32).toString("hex");
  return held.value;
}

/** True only for a request from this process's own watcher; false when no watcher runs. */
export function isFromWatcher(request: Request): boolean {
  const expected = secret().value;
  const given = request.headers.get(SECRET_HEADER);
  if (!expected || !given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
