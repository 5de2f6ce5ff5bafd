// Archive scale (`npm run bench -- --sizes=100000,500000`, or `--archive-scale`): per archive
// size, the site as an operator runs it. `npm run build` with the store cold, then again warm;
// `npm start` until its first 200 on the home page; the server's memory then and after a run of
// random reader requests; the first request of pages not yet cached, per kind; publishes (add,
// edit, delete) timed from the file written to what readers see, with the pages the server says it
// revalidated; the store's size on disk. Content, store and server data live in a temporary
// folder; the build in <checkout>/.next-archive-scale (Next keeps distDir inside the project).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type ChildProcess, spawnSync } from "node:child_process";
import {
  type Address,
  addressPicker,
  type ArchiveCatalogue,
  PAGE_KINDS,
  type PageKind,
  writeArchive,
} from "./archive-addresses";
import { exited, processResident, startGroup, stopGroup } from "./processes";
import { spread, type Spread } from "./publishing";

const ROOT = process.cwd();
/** The build the runs serve, inside the checkout (Next keeps distDir inside the project). */
export const ARCHIVE_DIST_DIR = ".next-archive-scale";
const CONCURRENCY = 8;
const REQUEST_TIMEOUT_MS = 30_000;
const VISIBLE_DEADLINE_MS = 60_000;
const LOG_DEADLINE_MS = 10_000;

export interface ArchiveScaleOptions {
  reports: number;
  workDir: string;
  port: number;
  /** Random reader requests, and the time after which they stop however many were sent. */
  requests: number;
  requestSeconds: number;
  publishes: number;
  /** Leaves the content, store, server data and build in place after the run (`--keep`), to look into them. */
  keep: boolean;
}

type PublishKind = "add" | "edit" | "delete";
export interface PublishFigures {
  /** File written → readers see it (ms). */
  visible: Spread;
  /** File written → the content folder's history has it (the watcher's commit, ms). */
  committed: Spread;
  /** What the server logged: the publish pass (ms) and the pages it revalidated. */
  logged: Spread;
  pages: Spread;
  /** Publishes not seen within the deadline. */
  missed: number;
  /** The server's log line of the publish whose pass took longest. */
  slowestLine: string;
}

/** Why a figure is missing: the server's exit, an error, with the end of its stderr. */
function problem(server: Server, during: string, error?: unknown): string {
  const { exitCode, signalCode } = server.child;
  const ended = exitCode !== null || signalCode !== null ? `server exited (${exitCode ?? signalCode})` : "";
  const thrown = error === undefined ? "" : error instanceof Error ? error.message : String(error);
  const last = server.errors().trim().split("\n").slice(-3).join(" / ");
  return `${during}: ${[ended, thrown].filter(Boolean).join(", ")}${last ? `; stderr: ${last}` : ""}`;
}

const alive = (server: Server) => server.child.exitCode === null && server.child.signalCode === null;

export interface ArchiveScaleFigures {
  reports: number;
  generateSeconds: number;
  coldBuild: BuildTime;
  warmBuild: BuildTime;
  /** The content store and its search index beside it, after the run (MB). */
  storeMB: number;
  searchMB: number;
  /** `npm start` spawned → first 200 on the home page. */
  startMs: number;
  rssAfterStartMB: number;
  rssAfterRequestsMB: number;
  /** The mayor's page (the busiest person): reports on it, its first request and its size. */
  mayor: { reports: number; ms: number; status: number; kilobytes: number };
  requests: {
    sent: number;
    seconds: number;
    stoppedByTime: boolean;
    /** Per kind, "200: 123, 404: 2"; month pages while their route is missing count apart. */
    statuses: Record<PageKind, string>;
    routeMissing: number;
  };
  /** First request of an address the build did not render, per kind (ms, 200s only). */
  firstRequest: Record<PageKind, Spread & { count: number }>;
  /** The same, one request at a time: a page's own cost, without queueing behind seven others. */
  firstRequestAlone: Record<PageKind, Spread & { count: number }>;
  publish: Record<PublishKind, PublishFigures>;
  /** What went wrong on the way (the server ended, a publish never showed): the figures stay. */
  problems: string[];
}

const env = (options: ArchiveScaleOptions) => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: ARCHIVE_DIST_DIR,
  CONTENT_DIR: path.join(options.workDir, "content"),
  CONTENT_STORE: path.join(options.workDir, "store", "content-store.sqlite"),
  EDITOR_DATA_DIR: path.join(options.workDir, "data"),
});

/** `npm run build`'s time: the whole, and each step as scripts/build.ts prints it (s). */
export interface BuildTime {
  seconds: number;
  checkSeconds: number;
  nextSeconds: number;
}

const stepSeconds = (lines: string[], step: string) =>
  Number(
    lines
      .find((line) => line.startsWith(`${step} xong trong `))
      ?.split(" ")
      .at(-2) ?? Number.NaN,
  );

/** `npm run build` as an operator runs it; its wall time and its steps' times. */
async function npmBuild(options: ArchiveScaleOptions): Promise<BuildTime> {
  const started = performance.now();
  const child = startGroup("npm", ["run", "build"], {
    cwd: ROOT,
    env: env(options),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // The steps' times, whatever the build prints between them (the tail kept for errors would lose them).
  const steps: string[] = [];
  let partial = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split("\n");
    partial = parts.pop() ?? "";
    steps.push(...parts.filter((line) => line.includes(" xong trong ")));
    output = (output + chunk.toString()).slice(-20_000);
  });
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const timeout = setTimeout(() => stopGroup(child), (30 + options.reports / 5000) * 60_000);
  const code = await exited(child);
  clearTimeout(timeout);
  if (code !== 0)
    throw new Error(`npm run build failed at ${options.reports} reports:\n${output.slice(-3000)}`);
  return {
    seconds: (performance.now() - started) / 1000,
    checkSeconds: stepSeconds(steps, "check-content"),
    nextSeconds: stepSeconds(steps, "next build"),
  };
}

/** Bytes of a SQLite file with its write-ahead log and shared-memory file. */
function sqliteBytes(file: string): number {
  return ["", "-wal", "-shm"]
    .map((suffix) => `${file}${suffix}`)
    .filter((name) => existsSync(name))
    .reduce((sum, name) => sum + statSync(name).size, 0);
}

async function get(url: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const bytes = (await response.arrayBuffer()).byteLength;
    return { ms: performance.now() - started, status: response.status, bytes };
  } catch {
    return { ms: performance.now() - started, status: 0, bytes: 0 };
  }
}

interface Server {
  child: ChildProcess;
  /** The end of what it printed on stderr. */
  errors: () => string;
  base: string;
  startMs: number;
  /** Everything the server printed on stdout, line by line. */
  lines: string[];
}

async function npmStart(options: ArchiveScaleOptions): Promise<Server> {
  const started = performance.now();
  const child = startGroup("npm", ["start"], {
    cwd: ROOT,
    env: { ...env(options), PORT: String(options.port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let partial = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-5000)));
  const base = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 10 * 60_000;
  while ((await get(`${base}/`)).status !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stopGroup(child);
      throw new Error(`npm start did not answer on ${base}:\n${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, base, startMs: performance.now() - started, lines, errors: () => errors };
}

/** Next renames the server's process (its command line) "next-server (v…)". */
const serverRssMB = (server: Server) =>
  processResident(server.child.pid as number, /next-server|server\.js/) / 2 ** 20;

/** The build rendered this address: its page is in the build's page cache. */
function prerendered(address: string): boolean {
  const file = address === "/" ? "index" : address.slice(1);
  return existsSync(path.join(ROOT, ARCHIVE_DIST_DIR, "server/app", `${file}.html`));
}

/** A month known to have reports answers 404: the month archive route is not there (yet). */
async function monthRouteMissing(base: string, catalogue: ArchiveCatalogue): Promise<boolean> {
  const [month] = [...catalogue.months.keys()];
  return month === undefined || (await get(`${base}/luu-tru/${month}`)).status === 404;
}

async function randomRequests(server: Server, catalogue: ArchiveCatalogue, options: ArchiveScaleOptions) {
  const next = addressPicker(catalogue);
  const missing = await monthRouteMissing(server.base, catalogue);
  const asked = new Set<string>();
  const statuses = Object.fromEntries(PAGE_KINDS.map((kind) => [kind, new Map<string, number>()])) as Record<
    PageKind,
    Map<string, number>
  >;
  const first = Object.fromEntries(PAGE_KINDS.map((kind) => [kind, [] as number[]])) as Record<
    PageKind,
    number[]
  >;
  let sent = 0;
  let routeMissing = 0;
  const started = performance.now();
  const deadline = started + options.requestSeconds * 1000;
  const one = async ({ kind, path: address }: Address) => {
    const isFirst = !asked.has(address) && !prerendered(address);
    asked.add(address);
    const { ms, status } = await get(`${server.base}${address}`);
    if (kind === "month" && missing && status === 404) {
      routeMissing += 1;
      return;
    }
    const label = status === 0 ? "error" : String(status);
    statuses[kind].set(label, (statuses[kind].get(label) ?? 0) + 1);
    if (isFirst && status === 200) first[kind].push(ms);
  };
  const worker = async () => {
    while (sent < options.requests && performance.now() < deadline) {
      sent += 1;
      await one(next());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return {
    asked,
    figures: {
      sent,
      seconds: (performance.now() - started) / 1000,
      stoppedByTime: sent < options.requests,
      statuses: Object.fromEntries(
        PAGE_KINDS.map((kind) => [
          kind,
          [...statuses[kind]].map(([status, n]) => `${status}: ${n}`).join(", "),
        ]),
      ) as Record<PageKind, string>,
      routeMissing,
    },
    firstRequest: Object.fromEntries(
      PAGE_KINDS.map((kind) => [kind, { ...spread(first[kind]), count: first[kind].length }]),
    ) as Record<PageKind, Spread & { count: number }>,
  };
}

/** First requests one at a time, of addresses neither asked before nor rendered by the build. */
async function firstRequestsAlone(server: Server, catalogue: ArchiveCatalogue, asked: Set<string>) {
  // Enough that the p99 is not the slowest one or two of a few dozen.
  const perKind = 200;
  const next = addressPicker(catalogue, 11);
  const times = Object.fromEntries(PAGE_KINDS.map((kind) => [kind, [] as number[]])) as Record<
    PageKind,
    number[]
  >;
  // Few listing pages exist: the picks stop after a bounded number of tries whatever is left.
  for (
    let tries = 0;
    tries < perKind * 200 && PAGE_KINDS.some((kind) => times[kind].length < perKind);
    tries += 1
  ) {
    const { kind, path: address } = next();
    if (times[kind].length >= perKind || asked.has(address) || prerendered(address)) continue;
    asked.add(address);
    const { ms, status } = await get(`${server.base}${address}`);
    if (status === 200) times[kind].push(ms);
  }
  return Object.fromEntries(
    PAGE_KINDS.map((kind) => [kind, { ...spread(times[kind]), count: times[kind].length }]),
  ) as Record<PageKind, Spread & { count: number }>;
}

const PUBLISH_LINE = /\[đăng bài\] (\d+) trang làm mới trong (\d+) ms/;

/** Polls until `check` holds; ms from `started`, or null past the deadline. */
async function until(check: () => Promise<boolean> | boolean, started: number, deadlineMs: number) {
  while (!(await check())) {
    if (performance.now() - started > deadlineMs) return null;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

function reportText(title: string, tag: string, person: string): string {
  return [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${new Date().toISOString()}`,
    "category: Thời sự",
    `tags: [${JSON.stringify(tag)}]`,
    "attendees:",
    `  - name: ${JSON.stringify(person)}`,
    "    role: Chủ tịch UBND thành phố Vinh",
    "---",
    "",
    "Đoạn văn của bài đăng thử khi máy chủ đang chạy.",
    "",
  ].join("\n");
}

function save(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/**
 * Each round adds a report (dated now: it heads every listing), edits the title of an old one and
 * deletes the one added, each timed to what readers see and matched with the server's log line.
 */
async function publishes(server: Server, catalogue: ArchiveCatalogue, options: ArchiveScaleOptions) {
  const contentDir = path.join(options.workDir, "content");
  const samples = Object.fromEntries(
    (["add", "edit", "delete"] as const).map((kind) => [
      kind,
      {
        visible: [] as number[],
        committed: [] as number[],
        logged: [] as number[],
        pages: [] as number[],
        missed: 0,
        slowestLine: "",
      },
    ]),
  ) as Record<
    PublishKind,
    {
      visible: number[];
      committed: number[];
      logged: number[];
      pages: number[];
      missed: number;
      slowestLine: string;
    }
  >;
  // The last commit of the content folder's repository names the file (the server commits what
  // changed in the folder after each publish pass).
  const lastCommitNames = (file: string) => async () =>
    spawnSync("git", ["-C", contentDir, "log", "-1", "--format=", "--name-only"], { encoding: "utf8" })
      .stdout.split("\n")
      .includes(path.basename(file));
  const timeOne = async (
    kind: PublishKind,
    file: string,
    change: () => void,
    seen: () => Promise<boolean>,
  ) => {
    const logged = server.lines.length;
    const started = performance.now();
    change();
    const visible = await until(seen, started, VISIBLE_DEADLINE_MS);
    const lineAt = await until(
      () => server.lines.slice(logged).some((line) => PUBLISH_LINE.test(line)),
      started,
      LOG_DEADLINE_MS + (visible ?? 0),
    );
    const committed = await until(lastCommitNames(file), started, LOG_DEADLINE_MS + (visible ?? 0));
    if (committed !== null) samples[kind].committed.push(committed);
    const line = server.lines.slice(logged).find((text) => PUBLISH_LINE.test(text));
    const match = line ? PUBLISH_LINE.exec(line) : null;
    if (visible === null || lineAt === null) samples[kind].missed += 1;
    if (visible !== null) samples[kind].visible.push(visible);
    if (line && match) {
      if (samples[kind].logged.every((ms) => ms < Number(match[2]))) samples[kind].slowestLine = line.trim();
      samples[kind].pages.push(Number(match[1]));
      samples[kind].logged.push(Number(match[2]));
    }
  };
  const page = async (address: string) => {
    try {
      const response = await fetch(`${server.base}${address}`);
      return { status: response.status, body: await response.text() };
    } catch {
      return { status: 0, body: "" };
    }
  };
  for (let round = 0; round < options.publishes && alive(server); round += 1) {
    const slug = `bai-dang-thu-quy-mo-${round}`;
    const file = path.join(contentDir, `${slug}.md`);
    const title = `Bài đăng thử quy mô số ${round}`;
    await timeOne(
      "add",
      file,
      () => save(file, reportText(title, "Thành phố Vinh", "Trần Quốc Thành")),
      async () => (await page(`/bai-viet/${slug}`)).body.includes(title),
    );
    const old = catalogue.slugs[Math.floor(((round + 0.5) / options.publishes) * catalogue.slugs.length)];
    const oldFile = path.join(contentDir, `${old}.md`);
    const edited = `Tiêu đề đã sửa ${round}`;
    await timeOne(
      "edit",
      oldFile,
      () => save(oldFile, readFileSync(oldFile, "utf8").replace(/^title: "/m, `title: "${edited} `)),
      async () => (await page(`/bai-viet/${old}`)).body.includes(edited),
    );
    await timeOne(
      "delete",
      file,
      () => rmSync(file),
      async () => (await page(`/bai-viet/${slug}`)).status === 404,
    );
  }
  return Object.fromEntries(
    (["add", "edit", "delete"] as const).map((kind) => [
      kind,
      {
        visible: spread(samples[kind].visible),
        committed: spread(samples[kind].committed),
        logged: spread(samples[kind].logged),
        pages: spread(samples[kind].pages),
        missed: samples[kind].missed,
        slowestLine: samples[kind].slowestLine,
      },
    ]),
  ) as Record<PublishKind, PublishFigures>;
}

export async function measureArchiveScale(options: ArchiveScaleOptions): Promise<ArchiveScaleFigures> {
  const { reports, workDir } = options;
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(path.join(workDir, "store"), { recursive: true });
  rmSync(path.join(ROOT, ARCHIVE_DIST_DIR), { recursive: true, force: true });
  let started = performance.now();
  const catalogue = writeArchive(reports, path.join(workDir, "content"));
  const generateSeconds = (performance.now() - started) / 1000;
  console.log(`  ${reports} reports written in ${generateSeconds.toFixed(1)} s; building (cold)…`);
  const coldBuild = await npmBuild(options);
  console.log(`  cold build ${coldBuild.seconds.toFixed(0)} s; building again (warm)…`);
  const warmBuild = await npmBuild(options);
  console.log(`  warm build ${warmBuild.seconds.toFixed(0)} s; npm start…`);
  const server = await npmStart(options);
  try {
    const rssAfterStartMB = serverRssMB(server);
    started = performance.now();
    const mayorPage = await get(`${server.base}/nguoi/${catalogue.mayor.slug}`);
    const mayor = {
      reports: catalogue.mayor.reports,
      ms: performance.now() - started,
      status: mayorPage.status,
      kilobytes: mayorPage.bytes / 1024,
    };
    console.log(`  started in ${server.startMs.toFixed(0)} ms; ${options.requests} random requests…`);
    const requests = await randomRequests(server, catalogue, options);
    const rssAfterRequestsMB = serverRssMB(server);
    console.log(
      `  ${requests.figures.sent} requests in ${requests.figures.seconds.toFixed(0)} s; first requests one at a time…`,
    );
    const firstRequestAlone = await firstRequestsAlone(server, catalogue, requests.asked);
    console.log("  publishing…");
    const problems: string[] = [];
    if (!alive(server)) problems.push(problem(server, "random requests"));
    const publish = await publishes(server, catalogue, options);
    if (!alive(server) && problems.length === 0) problems.push(problem(server, "publishing"));
    const missed = Object.entries(publish).filter(([, figures]) => figures.missed > 0);
    for (const [kind, figures] of missed)
      problems.push(`${figures.missed} ${kind} not seen within the deadline`);
    const store = path.join(workDir, "store", "content-store.sqlite");
    return {
      reports,
      generateSeconds,
      coldBuild,
      warmBuild,
      storeMB: sqliteBytes(store) / 2 ** 20,
      searchMB: sqliteBytes(store.replace(/\.sqlite$/, "-search.sqlite")) / 2 ** 20,
      startMs: server.startMs,
      rssAfterStartMB,
      rssAfterRequestsMB,
      mayor,
      requests: requests.figures,
      firstRequest: requests.firstRequest,
      firstRequestAlone,
      publish,
      problems,
    };
  } finally {
    stopGroup(server.child);
    await exited(server.child);
    if (!options.keep) {
      rmSync(workDir, { recursive: true, force: true });
      rmSync(path.join(ROOT, ARCHIVE_DIST_DIR), { recursive: true, force: true });
    }
  }
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const spreadCell = (s: Spread & { count?: number }, p = "p99") =>
  s.max === 0 ? "—" : `${fixed(s.p50)} / ${fixed(p === "p99" ? s.p99 : s.max)}`;

const buildCell = (b: BuildTime) =>
  `${fixed(b.seconds)}: ${fixed(b.checkSeconds, 1)} + ${fixed(b.nextSeconds, 1)}`;

/** One Markdown table, a column per archive size. */
export function printArchiveScale(measured: ArchiveScaleFigures[]): void {
  const sizes = [...measured].sort((a, b) => a.reports - b.reports);
  const rows: [string, (s: ArchiveScaleFigures) => string][] = [
    ["synthetic files written (s)", (s) => fixed(s.generateSeconds, 1)],
    ["npm run build, store cold (s): check-content + next build", (s) => buildCell(s.coldBuild)],
    ["npm run build again, store warm (s): check-content + next build", (s) => buildCell(s.warmBuild)],
    ["store on disk: content / search index (MB)", (s) => `${fixed(s.storeMB, 1)} / ${fixed(s.searchMB, 1)}`],
    ["npm start → first 200 on / (ms)", (s) => fixed(s.startMs)],
    ["server RSS after start (MB)", (s) => fixed(s.rssAfterStartMB)],
    ["server RSS after the random requests (MB)", (s) => fixed(s.rssAfterRequestsMB)],
    [
      "random requests sent, in s (stopped by time?)",
      (s) => `${s.requests.sent} in ${fixed(s.requests.seconds)}${s.requests.stoppedByTime ? " (yes)" : ""}`,
    ],
    ...PAGE_KINDS.map(
      (kind) =>
        [`statuses: ${kind}`, (s: ArchiveScaleFigures) => s.requests.statuses[kind] || "—"] as [
          string,
          (s: ArchiveScaleFigures) => string,
        ],
    ),
    ["month pages: 404 (route missing)", (s) => String(s.requests.routeMissing)],
    ...PAGE_KINDS.map(
      (kind) =>
        [
          `first request, ${kind}: p50 / p99 ms (n)`,
          (s: ArchiveScaleFigures) => `${spreadCell(s.firstRequest[kind])} (${s.firstRequest[kind].count})`,
        ] as [string, (s: ArchiveScaleFigures) => string],
    ),
    ...PAGE_KINDS.map(
      (kind) =>
        [
          `first request one at a time, ${kind}: p50 / p99 ms (n)`,
          (s: ArchiveScaleFigures) =>
            `${spreadCell(s.firstRequestAlone[kind])} (${s.firstRequestAlone[kind].count})`,
        ] as [string, (s: ArchiveScaleFigures) => string],
    ),
    [
      "the mayor's page: reports, first request ms, KB",
      (s) =>
        `${s.mayor.reports}, ${fixed(s.mayor.ms)} ms, ${fixed(s.mayor.kilobytes)} KB (${s.mayor.status})`,
    ],
    ...(["add", "edit", "delete"] as const).flatMap((kind) => [
      [
        `publish ${kind}: file → seen over HTTP, p50 / max ms`,
        (s: ArchiveScaleFigures) =>
          `${spreadCell(s.publish[kind].visible, "max")}${s.publish[kind].missed ? ` (${s.publish[kind].missed} missed)` : ""}`,
      ] as [string, (s: ArchiveScaleFigures) => string],
      [
        `publish ${kind}: file → in the history (commit), p50 / max ms`,
        (s: ArchiveScaleFigures) => spreadCell(s.publish[kind].committed, "max"),
      ] as [string, (s: ArchiveScaleFigures) => string],
      [
        `publish ${kind}: server's pass, p50 / max ms`,
        (s: ArchiveScaleFigures) => spreadCell(s.publish[kind].logged, "max"),
      ] as [string, (s: ArchiveScaleFigures) => string],
      [
        `publish ${kind}: pages revalidated, p50 / max`,
        (s: ArchiveScaleFigures) => spreadCell(s.publish[kind].pages, "max"),
      ] as [string, (s: ArchiveScaleFigures) => string],
    ]),
  ];
  console.log("\n## Archive scale\n");
  console.log(`| measure | ${sizes.map((s) => `${s.reports.toLocaleString("en")} reports`).join(" | ")} |`);
  console.log(`|---|${sizes.map(() => "---:").join("|")}|`);
  rows.push(["problems", (s) => s.problems.join("; ").replace(/[|\n]/g, " ") || "none"]);
  for (const [name, cell] of rows) console.log(`| ${name} | ${sizes.map(cell).join(" | ")} |`);
  console.log("\nThe server's log of the slowest publish pass of each kind:\n");
  for (const size of sizes)
    for (const kind of ["add", "edit", "delete"] as const)
      console.log(
        `- ${size.reports.toLocaleString("en")} reports, ${kind}: \`${size.publish[kind].slowestLine || "—"}\``,
      );
}
