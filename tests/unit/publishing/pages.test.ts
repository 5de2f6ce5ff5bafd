import { readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  PUBLISHED_ROUTES,
  prerenderedParams,
  sitemapFileEntries,
  sitemapFiles,
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

function write(slug: string, day: number, tags: string[], people: string[]) {
  writeFileSync(
    path.join(folder, `${slug}.md`),
    `---\ntitle: "Bài ${day}"\ndate: 2024-03-${String(day).padStart(2, "0")}T08:00:00+07:00\ncategory: Thời sự\n` +
      `tags: [${tags.join(", ")}]\nattendees:\n${people.map((name) => `  - name: ${name}\n`).join("")}---\n\nĐoạn văn ${day}.\n`,
  );
}

beforeAll(() => {
  vi.stubEnv("PRERENDER_REPORTS", "25");
  // 29 reports: two listing pages; a tag on 21 of them: two pages of its own.
  for (let day = 1; day <= 28; day += 1) {
    write(
      `bai-${day}`,
      day,
      day <= 21 ? ["Thành phố Vinh"] : ["Môi trường"],
      day % 7 ? [] : ["Trần Ngọc Tú"],
    );
  }
  // And one from December 2023: a second month.
  writeFileSync(
    path.join(folder, "bai-cu.md"),
    `---\ntitle: "Bài cũ"\ndate: 2023-12-31T20:00:00+07:00\ncategory: Thời sự\n---\n\nĐoạn văn cũ.\n`,
  );
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

  it("splits the sitemap into files that never move: the pages, one per month of reports, topics, people", () => {
    expect(sitemapFiles()).toEqual(["tin-moi", "trang", "bai-2024-03", "bai-2023-12", "chu-de-1", "nguoi-1"]);
    expect(sitemapFileEntries("bai-2099-01")).toBeNull();
    expect(sitemapFileEntries("nguoi-2")).toBeNull();
    expect(sitemapFileEntries("khong-co")).toBeNull();
  });

  it("lists the front page, the newest list and its numbered pages, the indexes and every month in the pages' file", () => {
    const entries = sitemapFileEntries("trang") ?? [];
    expect(entries.map((entry) => entry.url)).toEqual(
      ["/", "/tin-moi", "/trang/2", "/chu-de", "/luu-tru", "/luu-tru/2024/03", "/luu-tru/2023/12"].map(
        (path) => absoluteUrl(path),
      ),
    );
    // The front page and the newest list change with the newest report.
    expect(entries[0].lastModified).toBe("2024-03-28T08:00:00+07:00");
    expect(entries[1].lastModified).toBe("2024-03-28T08:00:00+07:00");
  });

  it("lists a month's reports, oldest first with their dates, in that month's file", () => {
    const march = sitemapFileEntries("bai-2024-03") ?? [];
    expect(march).toHaveLength(28);
    expect(march[0]).toEqual({
      url: absoluteUrl("/bai-viet/bai-1"),
      lastModified: "2024-03-01T08:00:00+07:00",
    });
    expect(march[27].url).toBe(absoluteUrl("/bai-viet/bai-28"));
    expect(sitemapFileEntries("bai-2023-12")?.map((entry) => entry.url)).toEqual([
      absoluteUrl("/bai-viet/bai-cu"),
    ]);
  });

  it("lists every topic's and person's first page, in the order of their slugs", () => {
    expect(sitemapFileEntries("chu-de-1")?.map((entry) => entry.url)).toEqual(
      ["/chuyen-muc/thoi-su", "/chu-de/moi-truong", "/chu-de/thanh-pho-vinh"].map((path) =>
        absoluteUrl(path),
      ),
    );
    expect(sitemapFileEntries("nguoi-1")?.map((entry) => entry.url)).toEqual([
      absoluteUrl("/nguoi/tran-ngoc-tu"),
    ]);
  });

  it("has the build render the newest reports, their cards and the listing pages they fill, and no topic, person or month", () => {
    const params = (route: Parameters<typeof prerenderedParams>[0]) => prerenderedParams(route)?.() ?? [];
    expect(params("/bai-viet/[slug]")).toHaveLength(25);
    expect(params("/bai-viet/[slug]")[0]).toEqual({ slug: "bai-28" });
    expect(params("/bai-viet/[slug]/anh-chia-se.png")).toEqual(params("/bai-viet/[slug]"));
    expect(params("/trang/[page]")).toEqual([{ page: "2" }]);
    for (const route of [
      "/chu-de/[slug]",
      "/nguoi/[slug]",
      "/luu-tru/[year]/[month]",
      "/sitemaps/[file]",
    ] as const) {
      expect(params(route)).toEqual([]);
    }
  });
});
