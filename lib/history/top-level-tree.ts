// A git tree object's own entries, read and edited as bytes: "<mode> <name>\0<20-byte id>", in
// git's order. A content folder is flat, so a save changes one entry of the top-level tree: the
// edit is a splice of the previous tree's bytes, not a fresh tree built from git's index of
// every file (which costs seconds at a hundred thousand reports).

const SUBTREE_MODE = "40000";
const FILE_MODE = "100644";
const ID_BYTES = 20;

export interface TopLevelTree {
  bytes: Buffer;
  /** Where each entry starts, in order, and one past the last entry's end. */
  starts: Uint32Array;
}

/** A tree object's bytes with its entries located. Throws on bytes that are not a tree. */
export function readTree(bytes: Buffer): TopLevelTree {
  const starts: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    starts.push(at);
    const nul = bytes.indexOf(0, at);
    if (nul < 0 || nul + 1 + ID_BYTES > bytes.length) throw new Error("Cây git hỏng: một mục bị cắt cụt");
    at = nul + 1 + ID_BYTES;
  }
  starts.push(at);
  return { bytes, starts: Uint32Array.from(starts) };
}

function entryCount(tree: TopLevelTree): number {
  return tree.starts.length - 1;
}

interface Entry {
  mode: string;
  /** The name's bytes, as git sorts them (a folder's with "/" after). */
  sortKey: Buffer;
  id: string;
}

function entryAt(tree: TopLevelTree, index: number): Entry {
  const start = tree.starts[index] ?? 0;
  const space = tree.bytes.indexOf(0x20, start);
  const nul = tree.bytes.indexOf(0, space);
  const mode = tree.bytes.toString("latin1", start, space);
  const name = tree.bytes.subarray(space + 1, nul);
  return {
    mode,
    sortKey: mode === SUBTREE_MODE ? Buffer.concat([name, Buffer.from("/")]) : name,
    id: tree.bytes.toString("hex", nul + 1, nul + 1 + ID_BYTES),
  };
}

/** The entry whose name sorts at or after a file named `name`: its index, and whether it is it. */
function locate(tree: TopLevelTree, name: Buffer): { index: number; found: Entry | null } {
  let low = 0;
  let high = entryCount(tree);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (Buffer.compare(entryAt(tree, middle).sortKey, name) < 0) low = middle + 1;
    else high = middle;
  }
  const entry = low < entryCount(tree) ? entryAt(tree, low) : null;
  return { index: low, found: entry && Buffer.compare(entry.sortKey, name) === 0 ? entry : null };
}

/** The id of the file `name` in the tree; null where there is none. */
export function fileIdIn(tree: TopLevelTree, name: string): string | null {
  const { found } = locate(tree, Buffer.from(name));
  return found && found.mode !== SUBTREE_MODE ? found.id : null;
}

/** One file's new content id, or null to remove it. */
export interface TreeEdit {
  name: string;
  id: string | null;
}

/** Whether a file can be edited in this tree: a top-level name, not also a folder's. */
export function isTopLevelFileName(tree: TopLevelTree, name: string): boolean {
  if (!name || name.includes("/") || name.includes("\0")) return false;
  return locate(tree, Buffer.from(`${name}/`)).found === null;
}

/**
 * The tree's bytes with the edits made (files replaced, added in git's order, or removed), as
 * pieces: mostly views of the old tree, since copying 5.5 MB into a new buffer costs more than
 * writing it.
 */
export function editTree(tree: TopLevelTree, edits: TreeEdit[]): Buffer[] {
  const sorted = [...new Map(edits.map((edit) => [edit.name, edit])).values()].sort((a, b) =>
    Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)),
  );
  const pieces: Buffer[] = [];
  let copiedTo = 0;
  for (const edit of sorted) {
    if (!isTopLevelFileName(tree, edit.name)) throw new Error(`Không sửa được mục “${edit.name}” trong cây`);
    const { index, found } = locate(tree, Buffer.from(edit.name));
    const start = tree.starts[index] ?? tree.bytes.length;
    pieces.push(tree.bytes.subarray(copiedTo, start));
    if (edit.id !== null) {
      pieces.push(Buffer.from(`${found?.mode ?? FILE_MODE} ${edit.name}\0`), Buffer.from(edit.id, "hex"));
    }
    copiedTo = found ? (tree.starts[index + 1] ?? tree.bytes.length) : start;
  }
  pieces.push(tree.bytes.subarray(copiedTo));
  return pieces;
}
