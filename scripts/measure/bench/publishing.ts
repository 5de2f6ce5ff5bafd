// Publishing without a rebuild, measured on the live production server (the standalone
// server.js, as `npm start` runs it) over a synthetic archive: how soon it answers after start, how
// long a publish takes to show, what a report not rendered at build costs on its first request,
// memory once every report has been asked for, and which files a publish reads.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { defaultContentStore } from "../../../tools/content-store";
import { type CacheFootprint, startLiveServer } from "../../../tools/live-server";
import { groupMemory } from "./processes";

const PUBLISHES = 20;
const FIRST_REQUESTS = 200;
const POLL_DEADLINE_MS = 30_000;

export interface Spread {
  p50: number;
  p99: number;
  max: number;
}
export interface PublishingFigures {
  /** From starting server.js to the first 200 on the home page. */
  firstAnswerMs: number;
  /** Each over PUBLISHES publishes, in ms: file written → what readers see. */
  added: Spread;
  addedOnHome: Spread;
  edited: Spread;
  deleted: Spread;
  firstRequest: Spread;
  repeatRequest: Spread;
  prerenderedRequest: Spread;
  /** Resident memory of the server once every report has been requested. */
  memoryAfterAllMB: number;
  /** Over all publishes: most files read by one, most reads of one file by one. */
  filesReadPerPublish: number;
  readsOfOneFilePerPublish: number;
  /** MADE_UP requests for addresses no report has: the server's memory and page cache before and after. */
  madeUp: {
    requests: number;
    statuses: string;
    rssBeforeMB: number;
    rssAfterMB: number;
    cacheBefore: CacheFootprint;
    cacheAfter: CacheFootprint;
  };
}

const MADE_UP = 10_000;

/** Made-up report, card, person, topic and listing addresses, four at a time. */
async function requestMadeUpAddresses(base: string): Promise<string> {
  const kinds = [
    (n: number) => `/bai-viet/bai-khong-co-${n}`,
    (n: number) => `/bai-viet/bai-khong-co-${n}/anh-chia-se.png`,
    (n: number) => `/nguoi/nguoi-khong-co-${n}`,
    (n: number) => `/chu-de/chu-de-khong-co-${n}`,
    (n: number) => `/trang/${100_000 + n}`,
  ];
  const statuses = new Map<number, number>();
  for (let start = 0; start < MADE_UP; start += 4) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(4, MADE_UP - start) }, (_, k) =>
        timed(`${base}${kinds[(start + k) % kinds.length](start + k)}`),
      ),
    );
    for (const { status } of batch) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  return [...statuses].map(([status, count]) => `${count}× ${status}`).join(", ");
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

async function timed(url: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

async function until(check: () => Promise<boolean>, started: number): Promise<number> {
  while (!(await check())) {
    if (performance.now() - started > POLL_DEADLINE_MS) throw new Error("not published within 30 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

function report(title: string): string {
  // Dated now, so that it heads every listing (a later date would be a scheduled report).
  return `---\ntitle: "${title}"\ndate: ${new Date().toISOString()}\ncategory: Thời sự\ntags: [Thành phố Vinh]\n---\n\nĐoạn văn của bài đăng thử khi máy chủ đang chạy.\n`;
}

/** Reads logged since `offset`: files read, and most reads of one file. */
function readsSince(log: string, offset: number): { files: number; most: number; offset: number } {
  const text = existsSync(log) ? readFileSync(log, "utf8") : "";
  const counts = new Map<string, number>();
  for (const line of text.slice(offset).split("\n").filter(Boolean))
    counts.set(line, (counts.get(line) ?? 0) + 1);
  return { files: counts.size, most: Math.max(0, ...counts.values()), offset: text.length };
}

export async function measurePublishing(options: {
  distDir: string;
  contentDir: string;
  publicDir: string;
  port: number;
  slugs: string[];
}): Promise<PublishingFigures> {
  const work = mkdtempSync(path.join(tmpdir(), "bench-dang-"));
  const readsLog = path.join(work, "reads.log");
  const server = await startLiveServer({
    ...options,
    workDir: work,
    store: defaultContentStore(options.distDir, options.contentDir),
    env: {
      NODE_OPTIONS: `--import ${pathToFileURL(path.resolve("scripts/measure/bench/count-reads.mjs")).href}`,
      READS_LOG: readsLog,
    },
  });
  const firstAnswerMs = server.readyMs;
  const base = server.origin;
  try {
    const added: number[] = [];
    const addedOnHome: number[] = [];
    const edited: number[] = [];
    const deleted: number[] = [];
    let reads = readsSince(readsLog, 0);
    let filesRead = 0;
    let readsOfOne = 0;
    const save = (file: string, text: string) => {
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
    };
    const noteReads = () => {
      reads = readsSince(readsLog, reads.offset);
      filesRead = Math.max(filesRead, reads.files);
      readsOfOne = Math.max(readsOfOne, reads.most);
    };
    for (let index = 0; index < PUBLISHES; index += 1) {
      const slug = `bai-dang-thu-${index}`;
      const file = path.join(options.contentDir, `${slug}.md`);
      const title = `Bài đăng thử số ${index}`;
      let at = performance.now();
      save(file, report(title));
      const page = `${base}/bai-viet/${slug}`;
      added.push(await until(async () => (await timed(page)).body.includes(title), at));
      addedOnHome.push(
        await until(async () => (await timed(`${base}/`)).body.includes(`/bai-viet/${slug}"`), at),
      );
      noteReads();
      at = performance.now();
      save(file, report(`${title} đã sửa`));
      edited.push(await until(async () => (await timed(page)).body.includes(`${title} đã sửa`), at));
      noteReads();
      at = performance.now();
      rmSync(file);
      deleted.push(await until(async () => (await timed(page)).status === 404, at));
      noteReads();
    }

    // Reports the build rendered have a file in its page cache; the others render on first request.
    const built = (slug: string) =>
      existsSync(path.resolve(options.distDir, "server/app/bai-viet", `${slug}.html`));
    const oldest = options.slugs.filter((slug) => !built(slug)).slice(0, FIRST_REQUESTS);
    const first = [];
    for (const slug of oldest) first.push((await timed(`${base}/bai-viet/${slug}`)).ms);
    const repeat = [];
    for (const slug of oldest) repeat.push((await timed(`${base}/bai-viet/${slug}`)).ms);
    const prerendered = [];
    const newest = options.slugs.find(built);
    for (let index = 0; index < FIRST_REQUESTS; index += 1)
      prerendered.push((await timed(`${base}/bai-viet/${newest}`)).ms);

    // Every report once, four at a time.
    const rest = options.slugs.filter((slug) => !oldest.includes(slug));
    for (let start = 0; start < rest.length; start += 4) {
      await Promise.all(rest.slice(start, start + 4).map((slug) => timed(`${base}/bai-viet/${slug}`)));
    }
    const memoryAfterAllMB = groupMemory(server.child.pid as number).rss / 2 ** 20;
    const cacheBefore = server.cacheFootprint();
    const statuses = await requestMadeUpAddresses(base);
    const madeUp = {
      requests: MADE_UP,
      statuses,
      rssBeforeMB: memoryAfterAllMB,
      rssAfterMB: groupMemory(server.child.pid as number).rss / 2 ** 20,
      cacheBefore,
      cacheAfter: server.cacheFootprint(),
    };
    return {
      firstAnswerMs,
      added: spread(added),
      addedOnHome: spread(addedOnHome),
      edited: spread(edited),
      deleted: spread(deleted),
      firstRequest: spread(first),
      repeatRequest: spread(repeat),
      prerenderedRequest: spread(prerendered),
      memoryAfterAllMB,
      filesReadPerPublish: filesRead,
      readsOfOneFilePerPublish: readsOfOne,
      madeUp,
    };
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
