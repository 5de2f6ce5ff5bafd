import { mkdirSync } from "node:fs";
import path from "node:path";

// Where the newsroom's own data lives: editors' accounts, sign-in attempts, the
// sessions' key. Outside the build folder, so a rebuild keeps them; shared by every instance.

export function editorDataDirectory(): string {
  const directory = path.resolve(
    /*turbopackIgnore: true*/ process.env.EDITOR_DATA_DIR ?? path.join(process.cwd(), "data"),
  );
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  return directory;
}

export function editorDatabasePath(): string {
  return path.join(editorDataDirectory(), "editors.sqlite");
}
