// The production stack on one machine: nginx (deploy/nginx/nginx.conf, as it is) in front of
// several instances of the standalone server, which share one Redis for Next's cache
// (lib/publishing/cache-handler.mjs). Debian's nginx and redis-server, run as plain processes
// with their files in a temporary folder; an instance that dies is started again, as a service
// manager would. `npm run stack` (scripts/stack.ts) and the stack's tests and load tests start it.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { editorDataDirectory } from "../lib/auth/editor-data";
import { standaloneCopy } from "./live-server";
import { prepareStandalone, SERVER_ENVIRONMENT, serverArguments } from "./standalone";

export const NGINX_CONFIG = path.resolve("deploy/nginx/nginx.conf");
const NGINX = "/usr/sbin/nginx";
const REDIS_SERVER = "/usr/bin/redis-server";
const RESTART_DELAY_MS = 500;

export interface StackOptions {
  distDir: string;
  /** nginx's port. */
  port: number;
  /** The address nginx listens on: all interfaces by default. */
  host?: string;
  /** One port per instance. */
  appPorts: number[];
  redisPort: number;
  contentDir: string;
  publicDir: string;
  /** The parsed-content store the instances share. */
  store: string;
  /**
   * Run a copy of the standalone folder made in this folder, not the build's own: for tests that
   * run beside another server of the same build.
   */
  copyIn?: string;
  /**
   * The UDP port on which the first instance counts the view beacons nginx answers
   * (lib/most-read/view-log.ts): a free one by default.
   */
  viewLogPort?: number;
  /** Extra environment for the instances. */
  env?: Record<string, string>;
  /** Where each process's output goes, a line at a time, with its name in front. */
  log?: (line: string) => void;
}

export interface StackInstance {
  name: string;
  port: number;
  origin: string;
  /** The running process, replaced when it is started again. */
  child(): ChildProcess;
  /** How many times it was started again after dying. */
  restarts(): number;
  /** Resolves once the instance (after a restart, the new process) answers with a 200. */
  serving(timeoutMs?: number): Promise<void>;
}

export interface Stack {
  origin: string;
  instances: StackInstance[];
  redisPort: number;
  /** nginx's master and workers, the instances and Redis: every process of the stack. */
  processes(): Array<{ name: string; pid: number }>;
  workDir: string;
  stop(): Promise<void>;
}

export function requireTool(file: string, packageName: string): void {
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: install Debian's ${packageName} (apt-get install -y ${packageName})`,
    );
  }
}

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A port nothing listens on now, chosen by the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  failed?: () => string | null,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    const reason = failed?.();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (Date.now() > deadline) throw new Error(`${what}: no answer within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(1000, () => socket.destroy());
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("close", () => resolve(false));
  });
}

async function answersOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  await response.arrayBuffer();
  return response.ok;
}

/**
 * Lays out an nginx prefix folder (conf/nginx.conf from deploy/nginx, conf/site.d/ with this
 * machine's site files, logs/, temp/) and returns the arguments that run nginx on it.
 */
export function nginxPrefixFor(prefix: string, site: Parameters<typeof siteFiles>[0]): string[] {
  const confDir = path.join(prefix, "conf");
  mkdirSync(path.join(confDir, "site.d"), { recursive: true });
  mkdirSync(path.join(prefix, "logs"));
  mkdirSync(path.join(prefix, "temp"));
  copyFileSync(NGINX_CONFIG, path.join(confDir, "nginx.conf"));
  for (const [name, text] of Object.entries(siteFiles(site)))
    writeFileSync(path.join(confDir, "site.d", name), text);
  return ["-p", `${prefix}/`, "-c", path.join(confDir, "nginx.conf"), "-e", "logs/error.log"];
}

/** The per-machine part of the nginx configuration: where it listens, where the instances are. */
export function siteFiles(
  options: Pick<StackOptions, "port" | "host" | "appPorts"> & { viewLogPort: number },
): Record<string, string> {
  const listen = `${options.host ?? "0.0.0.0"}:${options.port}`;
  return {
    "listen.conf": `# Written by npm run stack (scripts/stack.ts); deploy/nginx/site.d/listen.conf explains it.\nlisten ${listen} backlog=4096 reuseport;\n`,
    "upstream.conf": [
      "# Written by npm run stack (scripts/stack.ts); deploy/nginx/site.d/upstream.conf explains it.",
      "upstream tin_xu_nghe_app {",
      "    least_conn;",
      ...options.appPorts.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`),
      "    keepalive 64;",
      "}",
      "",
    ].join("\n"),
    "view-log.conf": `# Written by npm run stack (scripts/stack.ts); deploy/nginx/site.d/view-log.conf explains it.\naccess_log syslog:server=127.0.0.1:${options.viewLogPort},facility=local7,tag=luot_xem,nohostname view_beacon if=$view_beacon_answered;\n`,
  };
}

/** nginx's workers, cache manager and cache loader: the children of its master, by their title. */
function nginxChildren(master: number): Array<{ name: string; pid: number }> {
  const result = spawnSync("ps", ["-o", "pid=,args=", "--ppid", String(master)], { encoding: "utf8" });
  const counts = new Map<string, number>();
  return result.stdout
    .split("\n")
    .map((line) => /^\s*(\d+)\s+nginx: (.+?)( process)?$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => {
      const role = match[2];
      counts.set(role, (counts.get(role) ?? 0) + 1);
      return {
        name: `nginx ${role}${role === "worker" ? ` ${counts.get(role)}` : ""}`,
        pid: Number(match[1]),
      };
    });
}

export async function startStack(options: StackOptions): Promise<Stack> {
  requireTool(NGINX, "nginx");
  requireTool(REDIS_SERVER, "redis-server");
  for (const port of [options.port, options.redisPort, ...options.appPorts]) {
    if (await portInUse(port))
      throw new Error(`port ${port} is already in use: stop what listens there or choose another`);
  }
  const print = options.log ?? ((line: string) => console.log(line));
  const server = options.copyIn
    ? path.join(standaloneCopy(options.distDir, options.copyIn), "server.js")
    : path.resolve(prepareStandalone(options.distDir));
  // Under the system's temporary folder: nginx's workers (user nobody when started as root)
  // must reach their cache and temporary files.
  const workDir = mkdtempSync(path.join(os.tmpdir(), "tin-xu-nghe-stack-"));
  chmodSync(workDir, 0o755);
  const children = new Set<ChildProcess>();
  let stopping = false;

  const run = (name: string, command: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env });
    children.add(child);
    child.once("exit", () => children.delete(child));
    for (const stream of [child.stdout, child.stderr]) {
      let partial = "";
      stream?.on("data", (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) print(`[${name}] ${line}`);
      });
    }
    return child;
  };

  const stopChild = async (child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const kill = (sig: NodeJS.Signals) => {
      try {
        process.kill(-(child.pid as number), sig);
      } catch {
        // Already gone.
      }
    };
    kill(signal);
    const timer = setTimeout(() => kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const stop = async () => {
    stopping = true;
    await Promise.all([...children].map((child) => stopChild(child)));
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    // Redis: a cache, so nothing is saved to disk; the oldest entries make room when it is full.
    // Expired and evicted keys are announced, which the cache handler listens for.
    const redisDir = path.join(workDir, "redis");
    mkdirSync(redisDir);
    const redis = run("redis", REDIS_SERVER, [
      "--port",
      String(options.redisPort),
      "--bind",
      "127.0.0.1",
      "--dir",
      redisDir,
      "--save",
      "",
      "--appendonly",
      "no",
      "--daemonize",
      "no",
      "--maxmemory",
      "512mb",
      "--maxmemory-policy",
      "allkeys-lru",
      "--notify-keyspace-events",
      "Exe",
    ]);
    await until(
      "redis-server",
      () => redisAnswers(options.redisPort),
      10_000,
      () => (redis.exitCode !== null ? `exited with ${redis.exitCode}` : null),
    );

    const viewLogPort = options.viewLogPort ?? (await freePort());
    const instanceEnv = (port: number, index: number): NodeJS.ProcessEnv => ({
      ...process.env,
      ...options.env,
      NODE_ENV: "production",
      ...SERVER_ENVIRONMENT,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      // nginx reaches the instances over loopback: its X-Forwarded-For is believed, no one else's.
      TRUSTED_PROXIES: "127.0.0.1",
      REDIS_URL: `redis://127.0.0.1:${options.redisPort}`,
      CONTENT_DIR: options.contentDir,
      PUBLIC_DIR: options.publicDir,
      CONTENT_STORE: options.store,
      // One folder of editors' accounts and sessions' key for every instance.
      EDITOR_DATA_DIR: options.env?.EDITOR_DATA_DIR ?? editorDataDirectory(),
      // The first instance counts the views nginx answers itself.
      ...(index === 0 ? { VIEW_LOG_PORT: String(viewLogPort) } : {}),
    });

    const instances: StackInstance[] = options.appPorts.map((port, index) => {
      const name = `app ${index + 1}`;
      let restarts = 0;
      const start = (): ChildProcess => {
        const child = run(name, process.execPath, serverArguments(server), instanceEnv(port, index));
        child.once("exit", (code, signal) => {
          if (stopping) return;
          print(`[stack] ${name} stopped (${signal ?? `code ${code}`}); starting it again`);
          restarts += 1;
          setTimeout(() => {
            if (!stopping) current = start();
          }, RESTART_DELAY_MS);
        });
        return child;
      };
      let current = start();
      const origin = `http://127.0.0.1:${port}`;
      return {
        name,
        port,
        origin,
        child: () => current,
        restarts: () => restarts,
        serving: (timeoutMs = 60_000) => until(name, () => answersOk(`${origin}/`), timeoutMs),
      };
    });
    await Promise.all(instances.map((instance) => instance.serving()));

    const nginxPrefix = path.join(workDir, "nginx");
    const nginxArgs = nginxPrefixFor(nginxPrefix, { ...options, viewLogPort });
    const test = spawnSync(NGINX, [...nginxArgs, "-t", "-q"], { encoding: "utf8" });
    if (test.status !== 0) throw new Error(`nginx refused its configuration:\n${test.stderr}`);
    const nginx = run("nginx", NGINX, [...nginxArgs, "-g", "daemon off;"]);
    const origin = `http://127.0.0.1:${options.port}`;
    const errorLog = path.join(nginxPrefix, "logs", "error.log");
    await until(
      "nginx",
      () => answersOk(`${origin}/`),
      10_000,
      () => (nginx.exitCode !== null ? `exited with ${nginx.exitCode}` : null),
    ).catch((error: unknown) => {
      const logged = existsSync(errorLog)
        ? readFileSync(errorLog, "utf8").split("\n").slice(-10).join("\n")
        : "";
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logged}`);
    });

    return {
      origin,
      instances,
      redisPort: options.redisPort,
      processes: () => [
        { name: "nginx master", pid: nginx.pid as number },
        ...nginxChildren(nginx.pid as number),
        ...instances.map((instance) => ({ name: instance.name, pid: instance.child().pid as number })),
        { name: "redis", pid: redis.pid as number },
      ],
      workDir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
