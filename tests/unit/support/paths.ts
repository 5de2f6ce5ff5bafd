// Where the unit tests find the repository's own files, wherever vitest runs from.
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
/** The real archive: the reports the site is built from. */
export const REPO_CONTENT = path.join(REPO_ROOT, "content");
/** The real public folder: the photos the reports show. */
export const REPO_PUBLIC = path.join(REPO_ROOT, "public");
/** tests/fixtures: the folders of valid, invalid and hostile reports. */
export const FIXTURES = path.join(REPO_ROOT, "tests/fixtures");

/** The seed report, the one real report every part of the site is tried on. */
export const SEED_SLUG = "ubnd-thanh-pho-vinh-tong-ket-cong-tac-quoc-phong-an-ninh";
export const SEED_FILE = `${SEED_SLUG}.md`;
