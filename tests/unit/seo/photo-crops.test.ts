import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/bai-viet/[slug]/anh/[file]/route";
import { getReportSummaryBySlug } from "@/lib/content";
import { checkArchive } from "@/lib/content/refresh";
import { pagesForChange } from "@/lib/pages";
import { cropRatioOfFile, cropSize, reportPhotoCrops } from "@/lib/photo-crops";
import { stubFoldersForAll } from "../support/environment";
import { REPO_PUBLIC } from "../support/paths";
import { temporaryFolderForAll } from "../support/temporary-folder";

describe("the size of each crop", () => {
  it("a 1200×800 photo (the seed's): 16×9 at 1200 wide; 4×3 and 1×1 as tall as the photo, never enlarged", () => {
    const photo = { width: 1200, height: 800 };
    expect(cropSize(photo, "16x9")).toEqual({ width: 1200, height: 675 });
    expect(cropSize(photo, "4x3")).toEqual({ width: 1066, height: 800 });
    expect(cropSize(photo, "1x1")).toEqual({ width: 800, height: 800 });
  });

  it("a large photo: every ratio at 1200 wide", () => {
    const photo = { width: 4000, height: 3000 };
    expect(cropSize(photo, "16x9")).toEqual({ width: 1200, height: 675 });
    expect(cropSize(photo, "4x3")).toEqual({ width: 1200, height: 900 });
    expect(cropSize(photo, "1x1")).toEqual({ width: 1200, height: 1200 });
  });

  it("a portrait photo is cut across its middle", () => {
    expect(cropSize({ width: 1200, height: 1600 }, "1x1")).toEqual({ width: 1200, height: 1200 });
  });
});

describe("which crops a report offers", () => {
  const cover = (src: string, width: number) => ({ src, width, height: 800 });

  it("the three ratios, in Google's order, for a cover 1200 px wide or more", () => {
    expect(reportPhotoCrops({ slug: "bai", cover: cover("/images/bai/anh-1.jpg", 1200) })).toEqual([
      "/bai-viet/bai/anh/1x1.jpg",
      "/bai-viet/bai/anh/4x3.jpg",
      "/bai-viet/bai/anh/16x9.jpg",
    ]);
  });

  it("none for a narrower cover, a cover outside the photo folder, or no cover", () => {
    expect(reportPhotoCrops({ slug: "bai", cover: cover("/images/bai/anh-1.jpg", 1199) })).toEqual([]);
    expect(reportPhotoCrops({ slug: "bai", cover: cover("/logo.png", 1200) })).toEqual([]);
    expect(reportPhotoCrops({ slug: "bai", cover: cover("/images/bai/%E0%A4%A.jpg", 1200) })).toEqual([]);
    expect(reportPhotoCrops({ slug: "bai", cover: null })).toEqual([]);
  });

  it("a crop's file name is one of the three ratios with .jpg", () => {
    expect(cropRatioOfFile("16x9.jpg")).toBe("16x9");
    for (const name of ["16x9", "16x9.png", "2x1.jpg", "constructor.jpg", "__proto__.jpg", "1x1.jpg.jpg"])
      expect(cropRatioOfFile(name), name).toBeNull();
  });
});

describe("/bai-viet/<slug>/anh/<ratio>.jpg", () => {
  const content = temporaryFolderForAll("cat-anh-noi-dung-");
  const publicDir = temporaryFolderForAll("cat-anh-public-");
  stubFoldersForAll({ content, public: publicDir });

  const text = (title: string, photo: string, draft = false) =>
    `---\ntitle: ${title}\ndate: 2021-01-12T08:00:00+07:00\nsummary: Tóm tắt.\ndraft: ${draft}\n---\n\n![Ảnh](${photo} "Chú thích.")\n`;

  beforeAll(async () => {
    mkdirSync(path.join(publicDir, "images", "bai"), { recursive: true });
    cpSync(
      path.join(REPO_PUBLIC, "images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg"),
      path.join(publicDir, "images/bai/lon.jpg"),
    );
    await sharp({ create: { width: 800, height: 600, channels: 3, background: "#888" } })
      .jpeg()
      .toFile(path.join(publicDir, "images/bai/nho.jpg"));
    // Green in the middle, red and blue bands at the sides that a centred square leaves out.
    const band = (colour: string) =>
      sharp({ create: { width: 400, height: 800, channels: 3, background: colour } });
    await sharp({ create: { width: 1600, height: 800, channels: 3, background: "#00ff00" } })
      .composite([
        { input: await band("#ff0000").png().toBuffer(), left: 0, top: 0 },
        { input: await band("#0000ff").png().toBuffer(), left: 1200, top: 0 },
      ])
      .jpeg()
      .toFile(path.join(publicDir, "images/bai/giua.jpg"));
    writeFileSync(path.join(content, "bai-anh-giua.md"), text("Bài ảnh giữa", "/images/bai/giua.jpg"));
    writeFileSync(path.join(content, "bai-anh-lon.md"), text("Bài ảnh lớn", "/images/bai/lon.jpg"));
    writeFileSync(path.join(content, "bai-anh-nho.md"), text("Bài ảnh nhỏ", "/images/bai/nho.jpg"));
    writeFileSync(path.join(content, "bai-nhap.md"), text("Bài nháp", "/images/bai/lon.jpg", true));
    expect(checkArchive().problems).toEqual([]);
  });

  const get = (slug: string, file: string) =>
    GET(new Request(`http://localhost/bai-viet/${slug}/anh/${file}`), {
      params: Promise.resolve({ slug, file }),
    });

  it("answers each ratio as a JPEG cut from the cover, kept like the other images", async () => {
    for (const [file, size] of [
      ["1x1.jpg", { width: 800, height: 800 }],
      ["4x3.jpg", { width: 1066, height: 800 }],
      ["16x9.jpg", { width: 1200, height: 675 }],
    ] as const) {
      const response = await get("bai-anh-lon", file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/jpeg");
      expect(response.headers.get("cache-control")).toMatch(/^public, max-age=3600/);
      const { format, width, height } = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect({ format, width, height }).toEqual({ format: "jpeg", ...size });
    }
  });

  it("cuts from the middle of the photo", async () => {
    const square = Buffer.from(await (await get("bai-anh-giua", "1x1.jpg")).arrayBuffer());
    const [red, green, blue] = (await sharp(square).stats()).channels;
    expect(await sharp(square).metadata()).toMatchObject({ width: 800, height: 800 });
    expect(green.min).toBeGreaterThan(200);
    expect(Math.max(red.max, blue.max)).toBeLessThan(60);
  });

  it("a change to a report refreshes its crops, when it has them", () => {
    const stale = (slug: string) => {
      const report = getReportSummaryBySlug(slug);
      if (!report) throw new Error(`no report ${slug}`);
      return pagesForChange({ slug, before: null, after: { report, version: 1 } }).filter((page) =>
        page.includes("/anh/"),
      );
    };
    expect(stale("bai-anh-lon")).toEqual([
      "/bai-viet/bai-anh-lon/anh/1x1.jpg",
      "/bai-viet/bai-anh-lon/anh/4x3.jpg",
      "/bai-viet/bai-anh-lon/anh/16x9.jpg",
    ]);
    expect(stale("bai-anh-nho")).toEqual([]);
  });

  it("is a 404, never kept, for a cover too small, a draft, an unknown report or ratio", async () => {
    for (const [slug, file] of [
      ["bai-anh-nho", "16x9.jpg"],
      ["bai-nhap", "16x9.jpg"],
      ["khong-co-bai-nay", "16x9.jpg"],
      ["bai-anh-lon", "2x1.jpg"],
      ["bai-anh-lon", "16x9.png"],
    ]) {
      const response = await get(slug, file);
      expect(response.status, `${slug}/${file}`).toBe(404);
      expect(response.headers.get("cache-control")).toMatch(/no-store/);
    }
  });
});
