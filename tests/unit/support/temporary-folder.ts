// Empty folders under the system's temporary folder that a test writes into, removed after it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, onTestFinished } from "vitest";

const make = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));
const remove = (folder: string) => rmSync(folder, { recursive: true, force: true });

/** A new folder for the current test (call it in the test or in a beforeEach), removed when it ends. */
export function temporaryFolder(prefix: string): string {
  const folder = make(prefix);
  onTestFinished(() => remove(folder));
  return folder;
}

/**
 * One folder shared by every test of the file or describe block whose top level calls it: made
 * now, removed after the last of them. Not for a block that may be skipped (its afterAll never runs).
 */
export function temporaryFolderForAll(prefix: string): string {
  const folder = make(prefix);
  afterAll(() => remove(folder));
  return folder;
}
