// Load test and soak of the production server. Not a test: numbers depend on the machine, so
// compare runs made side by side. Both modes stop by themselves and stop everything they started.
//
//   npm run loadtest   100 connections for 20 s against a report, then against the home page
//   npm run soak       3 minutes at a moderate rate, the server's memory sampled every 30 s
//   npm run soak -- --stack   the same through nginx, two instances and Redis, each process sampled
//   npm run loadtest -- --spike   a shared story's crowd, through the stack (scripts/measure/load/spike.ts)
//   npm run loadtest -- --beacon  the view beacon under that crowd, and a flood from one address (load/beacon.ts)
//
// They run the standalone server (`node <distDir>/standalone/server.js`, the process that serves
// the site, with no wrapper) on 127.0.0.1 in its own process group. The build is reused unless
// it is missing or older than a source file; `--build` forces one. NEXT_DIST_DIR picks the build
// folder (default .next), LOAD_PORT the port (default 3500).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { contentDirectory, publicDirectory } from "../../lib/content/refresh";
import { reportPath } from "./load/report-path";
import { runBeacon } from "./load/beacon";
import { runSpike } from "./load/spike";
import { freePort, portInUse, startStack } from "../../tools/stack";
import { distDirectory, prepareStandalone, SERVER_ENVIRONMENT } from "../../tools/standalone";

const soak = process.argv.includes("--soak");
const spike = process.argv.includes("--spike");
const beacon = process.argv.includes("--beacon");
const throughStack = process.argv.includes("--stack");
const forceBuild = process.argv.includes("--build");
const distDir = distDirectory();
const port = Number(process.env.LOAD_PORT ?? 3500);
const origin = `http://127.0.0.1:${port}`;

const LOAD = { connections: 100, seconds: 20 };
const WARM_UP = { connections: 10, seconds: 3 };
// Moderate: about a quarter of what this two-core machine serves flat out.
const SOAK = { connections: 10, requestsPerSecond: 300, minutes: 3, sampleEverySeconds: 30 };

// ---- Build ---------------------------------------------------------------------------------------

const SOURCES = ["app", "components", "lib", "content", "public", "next.config.ts", "package.json"];

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

function ensureBuild(): void {
  const buildId = path.join(distDir, "BUILD_ID");
  const server = path.join(distDir, "standalone", "server.js");
  const built = existsSync(buildId) && existsSync(server) ? statSync(buildId).mtimeMs : 0;
  const reason = forceBuild
    ? "--build"
    : built === 0
      ? `no standalone build in ${distDir}`
      : Math.max(...SOURCES.map(newestChange)) > built
        ? "a source file is newer than the build"
        : null;
  if (!reason) {
    console.log(`Using the build in ${distDir} from ${new Date(built).toISOString()} (--build to rebuild)`);
    return;
  }
  console.log(`Building into ${distDir} (${reason}) …`);
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed with status ${build.status}`);
}

// ---- Server --------------------------------------------------------------------------------------

let server: ChildProcess | null = null;
let serverLog = "";
let running: autocannon.Instance | null = null;
let stopStack: (() => Promise<void>) | null = null;

async function startServer(): Promise<ChildProcess> {
  // A server left on the port would be measured instead of this build.
  if (await portInUse(port))
    throw new Error(`port ${port} is already in use: stop that server or set LOAD_PORT`);
  const script = prepareStandalone(distDir);
  const child = spawn(process.execPath, [script], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", ...SERVER_ENVIRONMENT },
  });
  server = child;
  for (const stream of [child.stdout, child.stderr])
    stream?.on("data", (chunk: Buffer) => (serverLog += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${serverLog}`);
    const ready = await fetch(`${origin}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return child;
    await sleep(200);
  }
  throw new Error(`the server did not answer on ${origin} within 30 s:\n${serverLog}`);
}

/** Stops the load and the server's whole process group; safe to call twice. */
async function stopEverything(): Promise<void> {
  running?.stop();
  running = null;
  await stopStack?.();
  stopStack = null;
  const child = server;
  server = null;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the load and the server`);
    void stopEverything().then(() => process.exit(130));
  });
}

/** The process that owns the listening socket: the server itself, whatever wraps it. */
function pidListeningOn(listenPort: number): number | null {
  const hexPort = listenPort.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // fields[1] is local address:port, fields[3] the state (0A = LISTEN), fields[9] the inode.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A") inodes.add(fields[9]);
    }
  }
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSafe(`/proc/${pid}/fd/${fd}`);
        if (target && inodes.has(target.replace(/^socket:\[(\d+)\]$/, "$1"))) return Number(pid);
      }
    } catch {
      // Another user's process, or one that just ended.
    }
  }
  return null;
}

function readlinkSafe(link: string): string | null {
  try {
    return readlinkSync(link);
  } catch {
    return null;
  }
}

function residentMegabytes(pid: number, field: "VmRSS" | "RssShmem" = "VmRSS"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  return kilobytes / 1024;
}

// ---- Load ----------------------------------------------------------------------------------------

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function fire(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    running = autocannon(options, (error, result) => {
      running = null;
      if (error) reject(error);
      else resolve(result);
    });
  });
}

function row(cells: Array<string | number>, widths: number[]): string {
  // The first column is a name: left-aligned; the numbers are right-aligned.
  return cells
    .map((cell, index) =>
      index === 0 ? String(cell).padEnd(widths[index]) : String(cell).padStart(widths[index]),
    )
    .join("  ");
}

async function loadTest(): Promise<void> {
  const targets = [
    { name: "report", path: await reportPath(origin) },
    { name: "home page", path: "/" },
  ];
  const results: Array<{ name: string; path: string; result: autocannon.Result }> = [];
  for (const target of targets) {
    const url = `${origin}${target.path}`;
    await fire({ url, connections: WARM_UP.connections, duration: WARM_UP.seconds });
    console.log(`${target.name}: ${LOAD.connections} connections for ${LOAD.seconds} s on ${target.path}`);
    results.push({
      ...target,
      result: await fire({ url, connections: LOAD.connections, duration: LOAD.seconds }),
    });
  }
  const widths = [10, 9, 9, 9, 8, 8, 10];
  console.log(`\n${row(["target", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx", "requests"], widths)}`);
  for (const { name, result } of results) {
    const cells = [
      name,
      result.requests.average.toFixed(0),
      result.latency.p50,
      result.latency.p99,
      result.errors,
      result.non2xx,
      result.requests.total,
    ];
    console.log(row(cells, widths));
  }
  const failures = results.reduce((sum, { result }) => sum + result.errors + result.non2xx, 0);
  console.log(`\n${failures === 0 ? "No errors and no non-2xx responses." : `${failures} failed requests.`}`);
  if (failures > 0) process.exitCode = 1;
}

interface Watched {
  name: string;
  pid: number;
}

async function soakTest(target: string, processes: () => Watched[], passCache: boolean): Promise<void> {
  const report = await reportPath(target);
  const photo = encodeURIComponent(
    /\/images\/[\w/.-]+\.jpg/.exec(await (await fetch(`${target}${report}`)).text())?.[0] ?? "/logo.png",
  );
  // Pages, the feed, and the image optimiser (sharp): the parts that hold memory, if anything does.
  // Through nginx, half the requests get a query string of their own, so that the instances work
  // as hard as nginx does.
  let sent = 0;
  const unique = (request: autocannon.Request) => ({ ...request, path: `${request.path}?n=${(sent += 1)}` });
  const requests: autocannon.Request[] = [
    { path: "/" },
    { path: report },
    { path: "/feed.xml" },
    { path: `/_next/image?url=${photo}&w=640&q=75`, headers: { accept: "image/avif,image/webp,*/*" } },
    ...(passCache
      ? [
          { path: "/", setupRequest: unique },
          { path: report, setupRequest: unique },
        ]
      : []),
  ];
  const samples: Array<{ label: string; megabytes: Map<string, number>; shared: Map<string, number> }> = [];
  const sample = (label: string) => {
    const megabytes = new Map<string, number>();
    const shared = new Map<string, number>();
    for (const { name, pid } of processes()) {
      try {
        megabytes.set(name, residentMegabytes(pid));
        shared.set(name, residentMegabytes(pid, "RssShmem"));
      } catch {
        // A process that is not there (an nginx worker replaced): nothing to sample.
      }
    }
    samples.push({ label, megabytes, shared });
  };

  sample("idle, after start");
  await fire({ url: target, connections: WARM_UP.connections, duration: WARM_UP.seconds, requests });
  const seconds = SOAK.minutes * 60;
  console.log(
    `Soak: ${SOAK.connections} connections at ${SOAK.requestsPerSecond} req/s for ${seconds} s over ${requests
      .map((request) => `${request.path}${request.setupRequest ? "?n=…" : ""}`)
      .join(", ")}`,
  );
  const load = fire({
    url: target,
    connections: SOAK.connections,
    overallRate: SOAK.requestsPerSecond,
    duration: seconds,
    requests,
  });
  const started = Date.now();
  for (let elapsed = 0; elapsed <= seconds; elapsed += SOAK.sampleEverySeconds) {
    await sleep(Math.max(0, started + elapsed * 1000 - Date.now()));
    sample(`${elapsed} s under load`);
    const total = [...(samples.at(-1)?.megabytes.values() ?? [])].reduce((sum, value) => sum + value, 0);
    console.log(`  ${samples.at(-1)?.label.padEnd(20)} ${total.toFixed(1)} MB in all`);
  }
  const result = await load;
  await sleep(5_000);
  sample("idle, 5 s after");

  const names = [...new Set(samples.flatMap(({ megabytes }) => [...megabytes.keys()]))];
  console.log("\nResident memory (VmRSS), MB:\n");
  console.log(`| sample | ${names.join(" | ")} |`);
  console.log(`|---|${names.map(() => "---:").join("|")}|`);
  for (const { label, megabytes } of samples)
    console.log(`| ${label} | ${names.map((name) => megabytes.get(name)?.toFixed(1) ?? "–").join(" | ")} |`);
  // The first sample under load still holds the warm-up's garbage; from 30 s on the heap has settled.
  const underLoad = samples.filter(({ label }) => label.endsWith("under load"));
  console.log("\nGrowth under load, from 30 s to the last sample:");
  for (const name of names) {
    const values = underLoad
      .map(({ megabytes }) => megabytes.get(name))
      .filter((value) => value !== undefined);
    const shared = underLoad.map(({ shared }) => shared.get(name)).filter((value) => value !== undefined);
    if (values.length < 2) continue;
    const from = values[1];
    const change = values[values.length - 1] - from;
    // Shared memory is nginx's cache-key zone (a fixed 32 MB, touched as keys are added) and
    // Redis's or Node's mapped files: bounded, unlike a leak in a process's own heap.
    const sharedChange = shared[shared.length - 1] - shared[1];
    console.log(
      `  ${name.padEnd(20)} ${change >= 0 ? "+" : ""}${change.toFixed(1)} MB (${((change / from) * 100).toFixed(1)} %), ` +
        `range ${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} MB; ` +
        `of it shared memory ${sharedChange >= 0 ? "+" : ""}${sharedChange.toFixed(1)} MB`,
    );
  }
  console.log(
    `Requests: ${result.requests.total}, ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, ` +
      `p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
  );
  if (result.errors + result.non2xx > 0) process.exitCode = 1;
}

/** `npm run soak -- --stack`: the same soak through nginx, two instances and Redis (scripts/stack.ts). */
async function soakThroughStack(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), "soak-stack-"));
  const stack = await startStack({
    distDir,
    port: await freePort(),
    host: "127.0.0.1",
    appPorts: [await freePort(), await freePort()],
    redisPort: await freePort(),
    contentDir: contentDirectory(),
    publicDir: publicDirectory(),
    store: path.join(work, "content-store.sqlite"),
    log: () => {},
  });
  stopStack = () => stack.stop().then(() => rmSync(work, { recursive: true, force: true }));
  console.log(
    `Stack: nginx on ${stack.origin} → ${stack.instances.map((instance) => instance.origin).join(", ")}`,
  );
  await soakTest(stack.origin, () => stack.processes(), true);
}

async function main(): Promise<void> {
  ensureBuild();
  if (spike) return runSpike(distDir);
  if (beacon) return runBeacon(distDir);
  if (soak && throughStack) return soakThroughStack();
  const child = await startServer();
  const listening = pidListeningOn(port);
  const serverPid = listening ?? (child.pid as number);
  console.log(
    `Server: ${path.join(distDir, "standalone", "server.js")} on ${origin}, pid ${serverPid}` +
      (listening === child.pid ? " (the process started, listening itself)" : ""),
  );
  if (soak) await soakTest(origin, () => [{ name: "server", pid: serverPid }], false);
  else await loadTest();
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => stopEverything());
