import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { offlineReports } from "../../../lib/offline/offline-list";
import { CACHE_PREFIX } from "../../../lib/offline/names";
import {
  feedPaths,
  type KeptEntry,
  overBudget,
  pageTitle,
  type RequestFacts,
  requestKind,
  retiringWorkerScript,
  serviceWorkerScript,
  staticFilesOf,
} from "../../../lib/offline/service-worker";
import { serviceWorkerOn, workerConfig } from "../../../lib/offline/settings";

const ORIGIN = "https://tin.example.vn";

function facts(
  path: string,
  more: Partial<RequestFacts> & { headers?: Record<string, string> } = {},
): RequestFacts {
  const headers = more.headers ?? {};
  return {
    url: `${ORIGIN}${path}`,
    origin: ORIGIN,
    method: "GET",
    mode: "navigate",
    destination: "document",
    header: (name) => headers[name] ?? null,
    ...more,
  };
}

describe("which requests the worker answers", () => {
  it("keeps a reader's pages, the home page included", () => {
    expect(requestKind(facts("/bai-viet/mot-bai"))).toBe("page");
    expect(requestKind(facts("/"))).toBe("page");
  });

  it("never touches the editors' pages, the API, server actions or other methods", () => {
    expect(requestKind(facts("/quan-tri"))).toBe("bypass");
    expect(requestKind(facts("/quan-tri/sua/mot-bai"))).toBe("bypass");
    expect(requestKind(facts("/quan-tri/anh/a.jpg", { mode: "no-cors", destination: "image" }))).toBe(
      "bypass",
    );
    expect(requestKind(facts("/api/revalidate", { mode: "cors", destination: "" }))).toBe("bypass");
    expect(requestKind(facts("/bai-viet/mot-bai", { method: "POST" }))).toBe("bypass");
    expect(requestKind(facts("/bai-viet/mot-bai", { headers: { "next-action": "abc" } }))).toBe("bypass");
  });

  it("passes client navigations on, keeping their page, but not prefetches", () => {
    const rsc = { mode: "cors", destination: "" };
    expect(requestKind(facts("/bai-viet/mot-bai?_rsc=1", { ...rsc, headers: { rsc: "1" } }))).toBe("flight");
    expect(
      requestKind(
        facts("/bai-viet/mot-bai?_rsc=1", { ...rsc, headers: { rsc: "1", "next-router-prefetch": "1" } }),
      ),
    ).toBe("bypass");
    expect(requestKind(facts("/tim-kiem?q=vinh&_rsc=1", { ...rsc, headers: { rsc: "1" } }))).toBe("bypass");
  });

  it("answers search from the network only, and leaves files and other sites alone", () => {
    expect(requestKind(facts("/tim-kiem?q=vinh"))).toBe("live-page");
    expect(requestKind(facts("/feed.xml"))).toBe("bypass");
    expect(requestKind(facts("/sw.js", { mode: "same-origin", destination: "serviceworker" }))).toBe(
      "bypass",
    );
    expect(requestKind({ ...facts("/"), url: "https://other.example/" })).toBe("bypass");
  });

  it("keeps build files first from its cache, photos and fonts from the network first", () => {
    const sub = { mode: "no-cors" };
    expect(requestKind(facts("/_next/static/chunks/a1b2.js", { ...sub, destination: "script" }))).toBe(
      "static",
    );
    expect(
      requestKind(facts("/_next/image?url=%2Fimages%2Fa.jpg&w=640&q=75", { ...sub, destination: "image" })),
    ).toBe("media");
    expect(requestKind(facts("/images/bai/anh-1.jpg", { ...sub, destination: "image" }))).toBe("media");
    expect(requestKind(facts("/tim-kiem/goi-y?q=vi", { mode: "cors", destination: "" }))).toBe("bypass");
  });
});

describe("the budget", () => {
  const entry = (bytes: number, used: number): KeptEntry => ({ cache: "c", bytes, used, saved: used });

  it("drops the least recently used until what is kept fits", () => {
    const entries = { a: entry(10, 3), b: entry(10, 1), c: entry(10, 2), d: entry(10, 4) };
    expect(overBudget(entries, 25, [])).toEqual(["b", "c"]);
    expect(overBudget(entries, 40, [])).toEqual([]);
  });

  it("never drops the offline page", () => {
    const entries = { offline: entry(10, 0), a: entry(10, 1) };
    expect(overBudget(entries, 10, ["offline"])).toEqual(["a"]);
  });
});

describe("what the worker reads from pages and the feed", () => {
  it("takes a page's headline from its title, entities decoded, without the site's name", () => {
    const html =
      "<html><head><title>Tiêu đề có &quot;ngoặc kép&quot; &amp; &#x27;nháy&#x27; | Tin Xứ Nghệ</title>";
    expect(pageTitle(html, "Tin Xứ Nghệ")).toBe("Tiêu đề có \"ngoặc kép\" & 'nháy'");
    expect(pageTitle("<title>Tin Xứ Nghệ</title>", "Tin Xứ Nghệ")).toBe("Tin Xứ Nghệ");
  });

  it("lists the build files a page names, once each", () => {
    const html =
      '<link rel="stylesheet" href="/_next/static/css/a.css"/><script src="/_next/static/chunks/b.js" async></script>' +
      '<link rel="preload" href="/_next/static/media/f.woff2" as="font"/><script src="/_next/static/chunks/b.js"></script>' +
      '<img src="/_next/image?url=x"/>';
    expect(staticFilesOf(html)).toEqual([
      "/_next/static/css/a.css",
      "/_next/static/chunks/b.js",
      "/_next/static/media/f.woff2",
    ]);
  });

  it("takes the paths of the feed's first items, whatever address the feed was built for", () => {
    const item = (slug: string) =>
      `<item><title>T</title><link>https://tin.example.vn/bai-viet/${slug}</link></item>`;
    const xml = `<rss><channel><link>https://tin.example.vn/</link>${item("a")}${item("b")}${item("c")}</channel></rss>`;
    expect(feedPaths(xml, 2)).toEqual(["/bai-viet/a", "/bai-viet/b"]);
  });
});

describe("the offline page's list", () => {
  it("lists the kept reports, newest kept first, and nothing else", () => {
    const pages = `${CACHE_PREFIX}trang:abc`;
    const index = {
      newestAt: 0,
      entries: {
        [`${ORIGIN}/bai-viet/cu`]: { cache: pages, bytes: 1, used: 5, saved: 1, title: "Bài cũ" },
        [`${ORIGIN}/bai-viet/moi`]: { cache: pages, bytes: 1, used: 2, saved: 2, title: "Bài mới" },
        [`${ORIGIN}/`]: { cache: pages, bytes: 1, used: 3, saved: 3, title: "Tin Xứ Nghệ" },
        [`${ORIGIN}/_next/image?url=x`]: { cache: `${CACHE_PREFIX}anh`, bytes: 1, used: 3, saved: 3 },
      },
    };
    expect(offlineReports(index, ORIGIN, CACHE_PREFIX)).toEqual([
      { path: "/bai-viet/moi", title: "Bài mới", saved: 2 },
      { path: "/bai-viet/cu", title: "Bài cũ", saved: 1 },
    ]);
  });
});

describe("the worker's script and its setting", () => {
  it("is a script a browser can parse, with the build's id in its caches' names", () => {
    const script = serviceWorkerScript(workerConfig("build-123", "Tin Xứ Nghệ"));
    expect(() => new Script(script)).not.toThrow();
    expect(script).toContain('"build":"build-123"');
    expect(() => new Script(retiringWorkerScript(CACHE_PREFIX))).not.toThrow();
  });

  it("is on unless the operator says off, and refuses anything else", () => {
    expect(serviceWorkerOn(undefined)).toBe(true);
    expect(serviceWorkerOn("on")).toBe(true);
    expect(serviceWorkerOn("off")).toBe(false);
    expect(() => serviceWorkerOn("tat")).toThrow(/SERVICE_WORKER/);
  });
});
