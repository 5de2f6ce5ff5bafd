import { type ContentRepository, git } from "./git";

// Each save leaves three loose objects: its file, the commit, and the folder's top-level tree,
// which lists every report (28 MB at 500,000 reports). Git's own `gc --auto` guesses how many loose
// objects there are from one of its 256 object folders, and with a few dozen it seldom guesses
// enough: 60 saves at 500,000 reports left 1.6 GB of loose trees that no gc packed. They are
// counted here instead (`git count-objects` lists the loose objects' folders) and, once enough
// have gathered, packed by an incremental `git repack`: only the loose objects, as deltas of one
// another (those 1.6 GB became a 25 MB pack in 26 s of one core), at the lowest CPU priority.

/** Loose objects past which they are packed: about twenty saves. */
export const PACK_AFTER_LOOSE_OBJECTS = 60;

/** Repositories this process is packing now: one repack at a time each. */
const packing = new Set<string>();

/** The count of loose objects in `git count-objects` output ("61 objects, 5872 kilobytes"). */
export function looseObjectCount(output: string): number {
  return Number(/^(\d+) objects?,/.exec(output.trim())?.[1] ?? 0);
}

/**
 * Counts the repository's loose objects and, past PACK_AFTER_LOOSE_OBJECTS, starts packing them.
 * The caller does not wait for the packing and may hold the repository's lock meanwhile: git
 * packs beside new commits safely. Returns the packing started, if any.
 */
export async function packLooseObjects(repo: ContentRepository): Promise<{ packed: Promise<void> } | null> {
  if (packing.has(repo.gitDir)) return null;
  if (looseObjectCount(await git(repo, ["count-objects"])) < PACK_AFTER_LOOSE_OBJECTS) return null;
  packing.add(repo.gitDir);
  const packed = git(repo, ["repack", "-d", "-l", "-q"], { lowPriority: true })
    .then(() => undefined)
    .catch((error: unknown) =>
      console.error(`[lịch sử] ${error instanceof Error ? error.message : String(error)}`),
    )
    .finally(() => packing.delete(repo.gitDir));
  return { packed };
}
