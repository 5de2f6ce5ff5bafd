// The service worker (served by app/sw.js/route.ts), written here so that its rules are typed and
// unit-tested. The script is these functions' own source text: `serviceWorker` runs in the
// worker and reaches the helpers only through its `h` argument (never by name: a minifier may
// rename functions, never properties), and nothing here may use an import or a module constant.

/** What the route writes into the script: the build and the settings. */
export interface WorkerConfig {
  build: string;
  siteName: string;
  /** Bytes kept in all: pages, photos, fonts, CSS, JS; the least recently used go first. */
  budgetBytes: number;
  /** How long a page or a photo may take before its kept copy is shown instead. */
  networkTimeoutMs: number;
  newestCount: number;
  /** How often, at most, the newest reports are fetched for reading offline. */
  newestEveryMs: number;
  /** A page kept less than this long ago is not fetched again in the background. */
  freshMs: number;
  offlinePath: string;
  feedPath: string;
  indexPath: string;
  cachePrefix: string;
}

/** One kept response in the worker's index. */
export interface KeptEntry {
  cache: string;
  bytes: number;
  /** When it was last shown or fetched: the budget drops the oldest first. */
  used: number;
  /** When it was fetched. */
  saved: number;
  /** A page's headline, for the offline page's list. */
  title?: string;
}

export interface OfflineIndex {
  entries: Record<string, KeptEntry>;
  newestAt: number;
}

/** How the worker answers a request. */
export type RequestKind =
  | "bypass" // not the worker's business: the browser goes to the network as if it were not there
  | "page" // a reader's page: network first, kept for reading offline
  | "live-page" // a page that is never kept (search results): network, the offline page without one
  | "flight" // a client-side navigation's data: passed on; its page's HTML is kept in the background
  | "static" // hashed build files: cache first
  | "media"; // photos and other files a page shows: network first, kept

export interface RequestFacts {
  url: string;
  origin: string;
  method: string;
  mode: string;
  destination: string;
  header(name: string): string | null;
}

export function requestKind(request: RequestFacts): RequestKind {
  const url = new URL(request.url);
  if (url.origin !== request.origin || request.method !== "GET") return "bypass";
  const path = url.pathname;
  // Editors' pages, the API and server actions are never the worker's, whatever they ask.
  if (path === "/quan-tri" || path.startsWith("/quan-tri/") || path.startsWith("/api/")) return "bypass";
  if (request.header("next-action") !== null) return "bypass";
  if (path === "/sw.js") return "bypass";
  const readerPage =
    !/\.(?:xml|txt|webmanifest|json|js|png|jpg|svg)$/.test(path) && path !== "/tim-kiem/goi-y";
  if (request.header("rsc") !== null) {
    // A prefetch is only a guess at where the reader goes next.
    const prefetch = request.header("next-router-prefetch") !== null;
    return readerPage && !prefetch && path !== "/tim-kiem" ? "flight" : "bypass";
  }
  if (request.mode === "navigate") {
    if (!readerPage) return "bypass";
    return path === "/tim-kiem" ? "live-page" : "page";
  }
  if (path.startsWith("/_next/static/")) return "static";
  if (["image", "font", "style", "script"].includes(request.destination)) return "media";
  return "bypass";
}

/** The keys to drop, least recently used first, until what is kept fits the budget. */
export function overBudget(
  entries: Record<string, KeptEntry>,
  budgetBytes: number,
  keep: string[],
): string[] {
  let total = Object.values(entries).reduce((sum, entry) => sum + entry.bytes, 0);
  const victims: string[] = [];
  const oldestFirst = Object.keys(entries)
    .filter((key) => !keep.includes(key))
    .sort((a, b) => entries[a].used - entries[b].used);
  for (const key of oldestFirst) {
    if (total <= budgetBytes) break;
    total -= entries[key].bytes;
    victims.push(key);
  }
  return victims;
}

/** A page's headline from its <title>, without the site's name after it. */
export function pageTitle(html: string, siteName: string): string {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  const text = (match ? match[1] : "")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
  const suffix = ` | ${siteName}`;
  return text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
}

/** The hashed build files (scripts, styles, fonts) a page's HTML names. */
export function staticFilesOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/(?:href|src)="(\/_next\/static\/[^"?#]+)"/g)) found.add(match[1]);
  return [...found];
}

/** The paths of the feed's first `count` items (its links carry the public address, not this origin). */
export function feedPaths(xml: string, count: number): string[] {
  const paths: string[] = [];
  for (const match of xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)) {
    if (paths.length >= count) break;
    try {
      paths.push(new URL(match[1].trim()).pathname);
    } catch {
      // A link that is no URL is skipped.
    }
  }
  return paths;
}

export interface WorkerHelpers {
  requestKind: typeof requestKind;
  overBudget: typeof overBudget;
  pageTitle: typeof pageTitle;
  staticFilesOf: typeof staticFilesOf;
  feedPaths: typeof feedPaths;
}

// The few worker types used, written out: the project's TypeScript library is the DOM's.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  navigator: { connection?: { saveData?: boolean } };
  registration: { unregister(): Promise<boolean> };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
}

/** The worker itself. */
export function serviceWorker(config: WorkerConfig, h: WorkerHelpers): void {
  const scope = self as unknown as WorkerScope;
  const PAGES = `${config.cachePrefix}trang:${config.build}`;
  const STATIC = `${config.cachePrefix}tep:${config.build}`;
  const MEDIA = `${config.cachePrefix}anh`;
  const META = `${config.cachePrefix}chi-muc`;
  const offlineKey = new URL(config.offlinePath, scope.location.origin).href;
  const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  let saveData = Boolean(scope.navigator.connection?.saveData);

  // The index lives in the Cache API beside what it describes, read once per worker start and
  // written back shortly after a change.
  let index: Promise<OfflineIndex> | null = null;
  let flushing: Promise<void> | null = null;
  const emptyIndex = (): OfflineIndex => ({ entries: {}, newestAt: 0 });
  const readIndex = () =>
    (index ??= caches
      .open(META)
      .then((cache) => cache.match(config.indexPath))
      .then((response) => (response ? (response.json() as Promise<OfflineIndex>) : emptyIndex()))
      .catch(emptyIndex));
  const flush = async () => {
    const current = await readIndex();
    for (const key of h.overBudget(current.entries, config.budgetBytes, [offlineKey])) {
      const cache = await caches.open(current.entries[key].cache);
      await cache.delete(key, { ignoreVary: true });
      delete current.entries[key];
    }
    const meta = await caches.open(META);
    await meta.put(
      config.indexPath,
      new Response(JSON.stringify(current), { headers: { "Content-Type": "application/json" } }),
    );
  };
  let dirty = false;
  const scheduleFlush = () => {
    dirty = true;
    return (flushing ??= (async () => {
      await delay(300);
      while (dirty) {
        dirty = false;
        await flush();
      }
    })()
      .catch(() => undefined)
      .finally(() => {
        flushing = null;
      }));
  };

  const keepable = (response: Response) =>
    response.status === 200 &&
    response.type === "basic" &&
    !/no-store|private/.test(response.headers.get("Cache-Control") ?? "");

  /** Stores a response and notes its size; a page's headline too. */
  async function keep(key: string, response: Response, cacheName: string, isPage: boolean) {
    const body = await response.blob();
    const title = isPage ? h.pageTitle(await body.text(), config.siteName) : undefined;
    const cache = await caches.open(cacheName);
    await cache.put(
      key,
      new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      }),
    );
    const current = await readIndex();
    const now = Date.now();
    current.entries[key] = { cache: cacheName, bytes: body.size, used: now, saved: now, title };
    await scheduleFlush();
    return title === undefined ? null : body;
  }

  async function touch(key: string) {
    const entry = (await readIndex()).entries[key];
    if (entry) entry.used = Date.now();
    await scheduleFlush();
  }

  /** A page fetched in the background, with the build files it names. */
  async function keepPage(path: string, cacheName = PAGES, cacheStatic = STATIC) {
    const key = new URL(path, scope.location.origin).href;
    const response = await fetch(key, {
      cache: "no-cache",
      credentials: "same-origin",
      signal: AbortSignal.timeout(15_000),
    });
    if (!keepable(response) || !(response.headers.get("Content-Type") ?? "").includes("text/html")) return;
    const body = await keep(key, response, cacheName, true);
    if (!body) return;
    const files = await caches.open(cacheStatic);
    for (const file of h.staticFilesOf(await body.text())) {
      const fileKey = new URL(file, scope.location.origin).href;
      if (await files.match(fileKey)) continue;
      const asset = await fetch(fileKey, { signal: AbortSignal.timeout(15_000) });
      if (keepable(asset)) await keep(fileKey, asset, cacheStatic, false);
    }
  }

  /** The newest reports, at most once per period, never on a Save-Data connection. */
  async function keepNewest() {
    const current = await readIndex();
    if (saveData || Date.now() - current.newestAt < config.newestEveryMs) return;
    current.newestAt = Date.now();
    const feed = await fetch(config.feedPath, { cache: "no-cache", signal: AbortSignal.timeout(15_000) });
    if (!feed.ok) return;
    for (const path of h.feedPaths(await feed.text(), config.newestCount)) {
      const entry = current.entries[new URL(path, scope.location.origin).href];
      if (entry && entry.cache === PAGES && Date.now() - entry.saved < config.freshMs) continue;
      await keepPage(path).catch(() => undefined);
    }
  }

  /** Network first; after the timeout, the kept copy when there is one; kept on success. */
  async function networkFirst(
    event: FetchEvent,
    cacheName: string,
    isPage: boolean,
    fallback: () => Promise<Response>,
  ) {
    const request = event.request;
    const key = request.url.split("#")[0];
    const cache = await caches.open(cacheName);
    const cached = cache.match(key, { ignoreVary: true });
    // Pages say stale-while-revalidate for CDNs, which Chromium's HTTP cache honours for a
    // worker's fetches (not for a navigation): without no-cache, the old copy would come back.
    const network = fetch(isPage ? new Request(request, { cache: "no-cache" }) : request);
    event.waitUntil(
      network
        .then((response) => (keepable(response) ? keep(key, response.clone(), cacheName, isPage) : null))
        .catch(() => null),
    );
    const keptCopy = async () => {
      const copy = await cached;
      if (copy) event.waitUntil(touch(key));
      return copy;
    };
    try {
      return await Promise.race([
        network,
        delay(config.networkTimeoutMs).then(async () => (await keptCopy()) ?? network),
      ]);
    } catch {
      return (await keptCopy()) ?? (await fallback());
    }
  }

  const offlinePage = async () =>
    (await caches.match(offlineKey, { cacheName: PAGES })) ??
    new Response("Không có mạng, và trang này chưa được lưu để đọc ngoại tuyến.", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });

  const noMedia = async () => new Response(null, { status: 504 });

  async function cacheFirst(event: FetchEvent) {
    const key = event.request.url;
    const cache = await caches.open(STATIC);
    const copy = await cache.match(key);
    if (copy) {
      event.waitUntil(touch(key));
      return copy;
    }
    const response = await fetch(event.request);
    if (keepable(response)) event.waitUntil(keep(key, response.clone(), STATIC, false));
    return response;
  }

  scope.addEventListener("install", (event) => {
    event.waitUntil(
      (async () => {
        // The offline page, and the pages kept under the build before, fetched again under this
        // one: an old page's HTML names the old build's files, which activate deletes.
        await keepPage(config.offlinePath);
        const before = await readIndex();
        for (const [key, entry] of Object.entries(before.entries)) {
          if (entry.cache.startsWith(`${config.cachePrefix}trang:`) && entry.cache !== PAGES) {
            await keepPage(new URL(key).pathname + new URL(key).search).catch(() => undefined);
          }
        }
        await flushing;
        await scope.skipWaiting();
      })(),
    );
  });

  scope.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        const ours = [PAGES, STATIC, MEDIA, META];
        for (const name of await caches.keys()) {
          if (name.startsWith(config.cachePrefix) && !ours.includes(name)) await caches.delete(name);
        }
        // The index as install left it: the old worker may have written its own since.
        const current = await readIndex();
        for (const [key, entry] of Object.entries(current.entries)) {
          if (!ours.includes(entry.cache)) delete current.entries[key];
        }
        await flush();
        await scope.clients.claim();
      })(),
    );
  });

  scope.addEventListener("fetch", (event) => {
    const request = event.request;
    const kind = h.requestKind({
      url: request.url,
      origin: scope.location.origin,
      method: request.method,
      mode: request.mode,
      destination: request.destination,
      header: (name) => request.headers.get(name),
    });
    if (kind === "bypass") return;
    if (request.headers.get("save-data") === "on") saveData = true;
    if (kind === "flight") {
      const url = new URL(request.url);
      event.waitUntil(
        readIndex()
          .then((current) => {
            const entry = current.entries[url.origin + url.pathname];
            return entry && entry.cache === PAGES && Date.now() - entry.saved < config.freshMs
              ? undefined
              : keepPage(url.pathname);
          })
          .catch(() => undefined),
      );
      return;
    }
    if (kind === "static") return event.respondWith(cacheFirst(event));
    if (kind === "media") return event.respondWith(networkFirst(event, MEDIA, false, noMedia));
    if (kind === "live-page") {
      return event.respondWith(fetch(new Request(request, { cache: "no-cache" })).catch(offlinePage));
    }
    const answer = networkFirst(event, PAGES, true, offlinePage);
    event.respondWith(answer);
    // Once the reader's page has loaded, the newest reports are fetched for later.
    event.waitUntil(
      answer
        .then(() => delay(2000))
        .then(keepNewest)
        .catch(() => undefined),
    );
  });
}

/** The script an operator's SERVICE_WORKER=off serves: it empties the caches and removes itself. */
export function retiringWorker(cachePrefix: string): void {
  const scope = self as unknown as WorkerScope;
  scope.addEventListener("install", (event) => event.waitUntil(scope.skipWaiting()));
  scope.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        for (const name of await caches.keys()) {
          if (name.startsWith(cachePrefix)) await caches.delete(name);
        }
        await scope.registration.unregister();
      })(),
    );
  });
}

const helpers: WorkerHelpers = { requestKind, overBudget, pageTitle, staticFilesOf, feedPaths };

/** The worker's script for this build and these settings. */
export function serviceWorkerScript(config: WorkerConfig): string {
  const named = Object.entries(helpers)
    .map(([name, helper]) => `${JSON.stringify(name)}: ${helper.toString()}`)
    .join(",\n");
  return `"use strict";\n(${serviceWorker.toString()})(${JSON.stringify(config)}, {\n${named}\n});\n`;
}

export function retiringWorkerScript(cachePrefix: string): string {
  return `"use strict";\n(${retiringWorker.toString()})(${JSON.stringify(cachePrefix)});\n`;
}
