// The folders lib/ finds through the environment (CONTENT_DIR, PUBLIC_DIR, EDITOR_DATA_DIR), set
// with vi.stubEnv for a test or a whole file and put back as they were after it.
import { afterAll, beforeAll, onTestFinished, vi } from "vitest";

export interface Folders {
  /** CONTENT_DIR: the Markdown reports. */
  content?: string;
  /** PUBLIC_DIR: where the photos are found and stored. */
  public?: string;
  /** EDITOR_DATA_DIR: the editors' accounts and log. */
  editorData?: string;
}

const VARIABLES: Record<keyof Folders, string> = {
  content: "CONTENT_DIR",
  public: "PUBLIC_DIR",
  editorData: "EDITOR_DATA_DIR",
};

type Saved = Array<[name: string, value: string | undefined]>;

function stub(folders: Folders): Saved {
  return (Object.keys(folders) as Array<keyof Folders>).map((key) => {
    const name = VARIABLES[key];
    const saved: [string, string | undefined] = [name, process.env[name]];
    vi.stubEnv(name, folders[key]);
    return saved;
  });
}

// Stubbing back to the value before, not vi.unstubAllEnvs(): a test's folders end with the test
// and leave the file's in place; vi.unstubAllEnvs() still puts back what the process started with.
function restore(saved: Saved) {
  for (const [name, value] of saved.reverse()) vi.stubEnv(name, value);
}

/** Points lib/ at these folders until the current test ends (call it in the test or in a beforeEach). */
export function stubFolders(folders: Folders): void {
  const saved = stub(folders);
  onTestFinished(() => restore(saved));
}

/**
 * Points lib/ at these folders for every test of the file or describe block whose top level calls
 * it, and for the beforeAll hooks registered after it; put back after the last test.
 */
export function stubFoldersForAll(folders: Folders): void {
  let saved: Saved = [];
  beforeAll(() => {
    saved = stub(folders);
  });
  afterAll(() => restore(saved));
}
