import { mkdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

// The one rule for the files behind photos' addresses (/images/…), for every reader and writer:
// the /images route, the proxy in front of Next's own public/ files (which /_next/image fetches
// through), the loader's photo sizes and the editors' uploads. A photo file is a regular file
// whose real path, every symbolic link resolved, lies inside the photo folder (public/images):
// a link placed there that leads to data/session-key or anything else outside is never followed.

/** The largest photo file the site takes: an editor's upload, or a copy from another machine. */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

/** public/, or PUBLIC_DIR when set (tests and benchmarks). */
export function publicDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PUBLIC_DIR ?? path.join(process.cwd(), "public"));
}

/** The photo folder: public/images, or its PUBLIC_DIR counterpart. */
export function photoFolder(publicDir: string): string {
  return path.join(publicDir, "images");
}

/** Whether `real` lies strictly inside the real photo folder. */
function insidePhotoFolder(publicDir: string, real: string): boolean {
  let root: string;
  try {
    root = realpathSync(/*turbopackIgnore: true*/ photoFolder(publicDir));
  } catch {
    return false;
  }
  return real.startsWith(root + path.sep);
}

/** Segments of a photo's address the site may serve: none empty, none starting with a dot. */
export function isPhotoPath(parts: readonly string[]): boolean {
  return (
    parts.length > 0 && !parts.some((part) => part === "" || part.startsWith(".") || part.includes("\0"))
  );
}

/**
 * The real path of the photo file at `parts` (the address's segments after /images/), or null
 * when there is none the site may read: a name starting with a dot, a path leading out of the
 * photo folder (by "..", or by a symbolic link anywhere on the way), or no regular file there.
 */
export function readablePhotoFile(publicDir: string, parts: readonly string[]): string | null {
  if (!isPhotoPath(parts)) return null;
  const root = photoFolder(publicDir);
  const file = path.resolve(/*turbopackIgnore: true*/ root, ...parts);
  if (!file.startsWith(root + path.sep)) return null;
  try {
    const real = realpathSync(/*turbopackIgnore: true*/ file);
    if (!insidePhotoFolder(publicDir, real)) return null;
    return statSync(/*turbopackIgnore: true*/ real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * A report's photo folder, made if missing, to write uploads into; null when it is not a real
 * folder of the photo folder's own (a symbolic link, to a folder outside or inside, or a file).
 */
export function writablePhotoFolder(publicDir: string, slug: string): string | null {
  const folder = path.join(photoFolder(publicDir), slug);
  try {
    mkdirSync(/*turbopackIgnore: true*/ folder, { recursive: true });
    const real = realpathSync(/*turbopackIgnore: true*/ folder);
    const root = realpathSync(/*turbopackIgnore: true*/ photoFolder(publicDir));
    if (real !== path.join(root, slug) || !statSync(/*turbopackIgnore: true*/ real).isDirectory())
      return null;
    return real;
  } catch {
    return null;
  }
}
