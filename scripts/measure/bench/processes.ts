// Processes a benchmark starts: each in its own process group, so that stopping one stops its
// children too (`next start` runs the real server as a child), and all of them stop when the
// benchmark ends, however it ends.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const running = new Set<ChildProcess>();

export function stopGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // The group has already gone.
  }
  running.delete(child);
}

function stopAll(): void {
  for (const child of running) stopGroup(child);
}
process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

export function startGroup(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: "ignore", ...options, detached: true });
  running.add(child);
  child.on("exit", () => running.delete(child));
  return child;
}

/** Resolves with the exit code once the process ends. */
export function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on("exit", (code) => resolve(code ?? 1));
  });
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export interface GroupMemory {
  /** Sum of resident memory: counts pages the processes share (code, libraries) once per process. */
  rss: number;
  /** Proportional set size: shared pages divided among the processes that share them. */
  pss: number;
}

/** The process ids of a process group (Linux /proc). */
function groupMembers(groupId: number): string[] {
  return readdirSync("/proc").filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === groupId;
    } catch {
      return false; // The process ended while being read.
    }
  });
}

/** A process's Rss and Pss in bytes, or zeros once it has ended. */
function residence(pid: string): GroupMemory {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const kilobytes = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? 0);
    return { rss: kilobytes("Rss") * 1024, pss: kilobytes("Pss") * 1024 };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

/** Memory of every process in a process group, in bytes. */
export function groupMemory(groupId: number): GroupMemory {
  const total = { rss: 0, pss: 0 };
  for (const pid of groupMembers(groupId)) {
    const memory = residence(pid);
    total.rss += memory.rss;
    total.pss += memory.pss;
  }
  return total;
}

/** Resident memory in bytes of the first process in a group whose command line matches. */
export function processResident(groupId: number, command: RegExp): number {
  const pid = groupMembers(groupId).find((entry) => {
    try {
      return command.test(readFileSync(`/proc/${entry}/cmdline`, "utf8"));
    } catch {
      return false;
    }
  });
  return pid ? residence(pid).rss : 0;
}
