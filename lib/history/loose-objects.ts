import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writevSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import type { ContentRepository } from "./git";

// A save's file and its top-level tree written straight into the repository's object folder, in
// git's loose-object format (a zlib stream of "<type> <size>\0<bytes>", named by its SHA-1): a
// save's commit then runs two git commands (commit-tree, update-ref) instead of four. The 5.5 MB
// tree of a 100,000-report folder is written as zlib's stored (uncompressed) blocks straight from
// the pieces of the previous tree: Node's zlib at level 0 still copies it twice into new memory
// (50 ms of a save's budget). Git's gc packs both as deltas of their neighbours soon after.

export type LooseObjectType = "blob" | "tree";

const lengthOf = (pieces: Buffer[]) => pieces.reduce((total, piece) => total + piece.length, 0);

/** Git's id of an object: the SHA-1 of its header and bytes (given whole or in pieces). */
export function objectId(type: LooseObjectType, bytes: Buffer | Buffer[]): string {
  const pieces = Array.isArray(bytes) ? bytes : [bytes];
  const hash = createHash("sha1").update(`${type} ${lengthOf(pieces)}\0`);
  for (const piece of pieces) hash.update(piece);
  return hash.digest("hex");
}

/** Zlib's Adler-32 checksum (RFC 1950) of the pieces; sums reduced every 5,552 bytes, as zlib does. */
export function adler32(pieces: Buffer[]): number {
  let a = 1;
  let b = 0;
  for (const piece of pieces) {
    for (let start = 0; start < piece.length; start += 5552) {
      const end = Math.min(start + 5552, piece.length);
      for (let at = start; at < end; at += 1) {
        a += piece[at] ?? 0;
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
  }
  return ((b << 16) | a) >>> 0;
}

const STORED_BLOCK = 65535;

/** The bytes as a zlib stream of stored blocks (RFC 1950/1951): pieces of header and views of the data. */
export function storedZlib(pieces: Buffer[]): Buffer[] {
  const out: Buffer[] = [Buffer.from([0x78, 0x01])];
  const total = lengthOf(pieces);
  let written = 0;
  let queue = pieces.filter((piece) => piece.length > 0);
  do {
    const size = Math.min(STORED_BLOCK, total - written);
    const header = Buffer.alloc(5);
    header[0] = written + size === total ? 1 : 0;
    header.writeUInt16LE(size, 1);
    header.writeUInt16LE(~size & 0xffff, 3);
    out.push(header);
    let needed = size;
    while (needed > 0) {
      const [piece] = queue as [Buffer];
      const taken = piece.subarray(0, needed);
      out.push(taken);
      needed -= taken.length;
      queue =
        taken.length === piece.length ? queue.slice(1) : [piece.subarray(taken.length), ...queue.slice(1)];
    }
    written += size;
  } while (written < total);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(adler32(pieces));
  out.push(checksum);
  return out;
}

/**
 * Writes the object unless the folder holds it loose already; its id. Written to a temporary name
 * and renamed, as git does, so a reader never sees half an object.
 */
export function writeLooseObject(
  repo: ContentRepository,
  type: LooseObjectType,
  bytes: Buffer | Buffer[],
  { compress }: { compress: boolean },
): string {
  const body = Array.isArray(bytes) ? bytes : [bytes];
  const pieces = [Buffer.from(`${type} ${lengthOf(body)}\0`), ...body];
  const id = objectId(type, body);
  const folder = path.join(repo.gitDir, "objects", id.slice(0, 2));
  const target = path.join(folder, id.slice(2));
  if (existsSync(target)) return id;
  mkdirSync(folder, { recursive: true });
  const temporary = path.join(folder, `tmp_obj_${randomBytes(6).toString("hex")}`);
  const stored = compress ? [deflateSync(Buffer.concat(pieces))] : storedZlib(pieces);
  try {
    const descriptor = openSync(temporary, "wx", 0o444);
    try {
      // writev takes at most 1,024 buffers a call on Linux.
      for (let start = 0; start < stored.length; start += 1024) {
        const batch = stored.slice(start, start + 1024);
        const length = lengthOf(batch);
        if (writevSync(descriptor, batch) !== length) throw new Error(`Ghi thiếu đối tượng ${id}`);
      }
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
  return id;
}
