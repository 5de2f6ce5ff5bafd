import { editorDataDirectory } from "../auth/editor-data";
import { type ContentRepository, locateContentRepository } from "./git";

const located = new Map<string, ContentRepository>();

/** The repository holding the content folder's history (lib/history/git.ts says where). */
export function contentRepositoryOf(contentDir: string): ContentRepository {
  let repo = located.get(contentDir);
  if (!repo) {
    repo = locateContentRepository(contentDir, editorDataDirectory());
    located.set(contentDir, repo);
  }
  return repo;
}
