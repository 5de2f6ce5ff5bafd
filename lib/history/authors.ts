import type { ChangeAuthor } from "./git";

// Who a change is credited to. An editor by account name, with an address of their own that
// never changes (the `.invalid` domain is reserved: nothing is ever sent to it); a file saved
// into the folder by hand or by another tool, to the folder.

export const FOLDER_AUTHOR: ChangeAuthor = { name: "thư mục nội dung", email: "thu-muc@noi-dung.invalid" };

export function editorAuthor(editor: string): ChangeAuthor {
  return { name: editor, email: `${editor}@bien-tap.invalid` };
}

/** Git's environment for a commit by `author`, committed now (or at `at`). */
export function authorEnvironment(author: ChangeAuthor, at?: Date): Record<string, string> {
  const environment: Record<string, string> = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
  if (at) {
    const stamp = `${Math.floor(at.getTime() / 1000)} +0700`;
    environment.GIT_AUTHOR_DATE = stamp;
    environment.GIT_COMMITTER_DATE = stamp;
  }
  return environment;
}
