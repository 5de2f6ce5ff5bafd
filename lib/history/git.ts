import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

// Debian's git, run with an argument array (never a shell), file names always after `--`. The
// content folder's history is a repository of its own: `<content>/.git` when the folder stands
// alone, or a repository beside the editors' data when the folder lies inside another checkout
// (the site's own `content/`), so the site's repository never holds a repository within it.

export interface ContentRepository {
  gitDir: string;
  workTree: string;
}

/** Who made a change, as git records it. */
export interface ChangeAuthor {
  name: string;
  email: string;
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`git ${args[0] ?? ""}: ${stderr.trim().split("\n").slice(-2).join(" / ") || "thất bại"}`);
  }
}

// Git's own configuration of the machine is not ours to depend on: no pager, no prompts, and
// names printed as they are (Vietnamese file names are never quoted as octal).
const FIXED_OPTIONS = [
  "-c",
  "core.quotePath=false",
  "-c",
  "core.pager=cat",
  "-c",
  "advice.detachedHead=false",
];

const baseEnvironment = (): NodeJS.ProcessEnv => ({
  ...process.env,
  GIT_TERMINAL_PROMPT: "0",
  GIT_CONFIG_NOSYSTEM: "1",
  LC_ALL: "C",
});

function repositoryOptions(repo: ContentRepository): string[] {
  return [`--git-dir=${repo.gitDir}`, `--work-tree=${repo.workTree}`, ...FIXED_OPTIONS];
}

export interface GitCall {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Ends the command after this long (a remote that does not answer). */
  timeoutMs?: number;
  /**
   * Runs it at the lowest CPU priority (`nice`), it and what it starts: housekeeping such as
   * packing, which must not take the cores from the server publishing and answering readers.
   */
  lowPriority?: boolean;
}

function run<T extends string | Buffer>(
  repo: ContentRepository,
  args: string[],
  call: GitCall,
  encoding: T extends string ? "utf8" : "buffer",
): Promise<T> {
  return new Promise((resolve, reject) => {
    const command = [
      ...(call.lowPriority ? ["nice", "-n", "19"] : []),
      "git",
      ...repositoryOptions(repo),
      ...args,
    ];
    const child = execFile(
      command[0] as string,
      command.slice(1),
      {
        env: { ...baseEnvironment(), ...call.env },
        maxBuffer: 256 * 1024 * 1024,
        encoding,
        timeout: call.timeoutMs ?? 0,
        killSignal: "SIGKILL",
      },
      (error, stdout, stderr) =>
        error ? reject(new GitError(args, String(stderr) || error.message)) : resolve(stdout as T),
    );
    if (call.input !== undefined) child.stdin?.end(call.input);
  });
}

/** Runs one git command in the content repository; its standard output, or a GitError. */
export function git(repo: ContentRepository, args: string[], call: GitCall = {}): Promise<string> {
  return run<string>(repo, args, call, "utf8");
}

/** A command's standard output as bytes (file contents, whose sizes git counts in bytes). */
export function gitBytes(repo: ContentRepository, args: string[], call: GitCall = {}): Promise<Buffer> {
  return run<Buffer>(repo, args, call, "buffer");
}

/** The work tree of the checkout `folder` lies in, if any (the folder's own repository aside). */
function enclosingWorkTree(folder: string): string | null {
  const result = spawnSync("git", ["-C", folder, "rev-parse", "--show-toplevel"], {
    env: { ...baseEnvironment(), GIT_CEILING_DIRECTORIES: "" },
    encoding: "utf8",
  });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * Where the content folder's repository is: its own `.git` if it has one; otherwise, inside
 * another checkout, `<data>/noi-dung.git`; otherwise `<content>/.git`, made by setUpRepository.
 */
export function locateContentRepository(contentDir: string, dataDir: string): ContentRepository {
  const workTree = path.resolve(contentDir);
  const own = path.join(workTree, ".git");
  if (existsSync(own)) return { gitDir: own, workTree };
  const enclosing = existsSync(workTree) ? enclosingWorkTree(workTree) : null;
  const inside = enclosing !== null && path.resolve(enclosing) !== workTree;
  return { gitDir: inside ? path.join(path.resolve(dataDir), "noi-dung.git") : own, workTree };
}
