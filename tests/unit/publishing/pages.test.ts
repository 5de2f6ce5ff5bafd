import { readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  PUBLISHED_ROUTES,
  publishedPages,
  prerenderedParams,
  sitemapEntries,
  UNLISTED_ROUTES,
} from "@/lib/pages";
import { absoluteUrl } from "@/lib/site";
import { stubFoldersForAll } from "../support/environment";
import { REPO_PUBLIC, REPO_ROOT } from "../support/paths";
import { temporaryFolderForAll } from "../support/temporary-folder";

// The one owner of addresses, on real Markdown files through the real loaders.

const folder = temporaryFolderForAll("dia-chi-");
stubFoldersForAll({ content: folder, public: REPO_PUBLIC });

/** Every route under app/, as Next names it: folders down to a page, a route handler or a metadata file. */
function appRoutes(directory = path.join(REPO_ROOT, "app"), prefix = ""): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory)) {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) {
      // Route groups "(…)" and private folders "_…" add nothing to an address.
      if (name.startsWith("_")) continue;
      found.push(...appRoutes(full, name.startsWith("(") ? prefix : `${prefix}/${name}`));
    } else if (/^(page|route)\.(tsx?|js)$/.test(name)) {
      found.push(prefix || "/");
    } else if (/^(robots|sitemap|manifest)\.ts$/.test(name)) {
      found.push(
        `${prefix}/${name.replace(/\.ts$/, name.startsWith("manifest") ? ".webmanifest" : name.startsWith("robots") ? ".txt" : ".xml")}`,
      );
    } else if (/^(icon|apple-icon|opengraph-image|twitter-image)\.\w+$/.test(name)) {
      found.push(`${prefix}/${name}`);
    }
  }
  return found;
}

/** A route with its params filled in: "/chu-de/[slug]" + { slug: "a" } → "/chu-de/a". */
function fill(route: string, params: Readonly<Record<string, string>>): string {
  return route.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? `[${name}]`);
}

function write(slug: string, day: number, tags: string[], people: string[]) {
  writeFileSync(
    path.join(folder, `${slug}.md`),
    `---\ntitle: "Bài ${day}"\ndate: 2024-03-${String(day).padStart(2, "0")}T08:00:00+07:00\ncategory: Thời sự\n` +
      `tags: [${tags.join(", ")}]\nattendees:\n${people.map((name) => `  - name: ${name}\n`).join("")}---\n\nĐoạn văn ${day}.\n`,
  );
}

beforeAll(() => {
  vi.stubEnv("PRERENDER_REPORTS", "25");
  // 28 reports: two listing pages; a tag on 21 of them: two pages of its own.
  for (let day = 1; day <= 28; day += 1) {
    write(
      `bai-${day}`,
      day,
      day <= 21 ? ["Thành phố Vinh"] : ["Môi trường"],
      day % 7 ? [] : ["Trần Ngọc Tú"],
    );
  }
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe("every address the site publishes", () => {
  it("names every route under app/, as published or with the reason it is not", () => {
    const named = new Set<string>([...PUBLISHED_ROUTES, ...Object.keys(UNLISTED_ROUTES)]);
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((route) => !named.has(route))).toEqual([]);
    // And nothing is named that app/ does not have.
    expect([...named].filter((route) => !routes.includes(route))).toEqual([]);
  });

  it("gives each address once, spelled as its route with its params filled in", () => {
    const pages = publishedPages();
    expect(new Set(pages.map((page) => page.path)).size).toBe(pages.length);
    for (const page of pages) expect(fill(page.route, page.params)).toBe(page.path);
  });

  it("has every page of every list: two listing pages, two pages of the larger tag, one of the other", () => {
    const paths = publishedPages().map((page) => page.path);
    expect(paths).toEqual(
      expect.arrayContaining(["/", "/trang/2", "/chu-de/thanh-pho-vinh", "/chu-de/thanh-pho-vinh/trang/2"]),
    );
    expect(paths).toContain("/chu-de/moi-truong");
    expect(paths).not.toContain("/trang/3");
    expect(paths).not.toContain("/chu-de/moi-truong/trang/2");
    expect(paths.filter((p) => p.startsWith("/bai-viet/") && !p.endsWith(".png"))).toHaveLength(28);
    expect(paths).toContain("/nguoi/tran-ngoc-tu");
    expect(paths).not.toContain("/sitemaps/1.xml");
  });

  it("lists in the sitemap the first page of each list, every report, topic and person, newest report first", () => {
    const urls = sitemapEntries().map((entry) => entry.url);
    expect(urls.slice(0, 3)).toEqual([
      absoluteUrl("/"),
      absoluteUrl("/trang/2"),
      absoluteUrl("/bai-viet/bai-28"),
    ]);
    expect(urls).toContain(absoluteUrl("/chu-de/thanh-pho-vinh"));
    expect(urls).not.toContain(absoluteUrl("/chu-de/thanh-pho-vinh/trang/2"));
    expect(urls.some((url) => url.endsWith(".png") || url.endsWith(".xml"))).toBe(false);
    expect(urls).toHaveLength(1 + 1 + 28 + 1 + 1 + 2 + 1);
    const report = sitemapEntries().find((entry) => entry.url === absoluteUrl("/bai-viet/bai-28"));
    expect(report?.lastModified).toBe("2024-03-28T08:00:00+07:00");
  });

  it("has the build render the newest reports, their cards and the listing pages they fill, and no topic or person", () => {
    const params = (route: Parameters<typeof prerenderedParams>[0]) => prerenderedParams(route)?.() ?? [];
    expect(params("/bai-viet/[slug]")).toHaveLength(25);
    expect(params("/bai-viet/[slug]")[0]).toEqual({ slug: "bai-28" });
    expect(params("/bai-viet/[slug]/anh-chia-se.png")).toEqual(params("/bai-viet/[slug]"));
    expect(params("/trang/[page]")).toEqual([{ page: "2" }]);
    expect(params("/chu-de/[slug]")).toEqual([]);
    expect(params("/nguoi/[slug]")).toEqual([]);
    expect(params("/sitemaps/[file]")).toEqual([]);
  });
});
