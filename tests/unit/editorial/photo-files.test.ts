import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/images/[...path]/route";
import { storePhoto } from "@/lib/editorial/photos";
import { readablePhotoFile } from "@/lib/photo-files";
import { stubFolders } from "../support/environment";
import { temporaryFolder } from "../support/temporary-folder";

// A secret outside the photo folder (data/session-key) and links to it placed inside.
let base: string;
let publicDir: string;
let secret: string;
beforeEach(() => {
  base = temporaryFolder("anh-lien-ket-");
  publicDir = path.join(base, "public");
  mkdirSync(path.join(publicDir, "images", "le-hoi"), { recursive: true });
  writeFileSync(path.join(publicDir, "images", "le-hoi", "anh-1.jpg"), "a real photo");
  mkdirSync(path.join(base, "data"));
  secret = path.join(base, "data", "session-key");
  writeFileSync(secret, "SESSION-KEY-SECRET");
});

const get = (...parts: string[]) =>
  GET(new Request(`http://localhost/images/${parts.join("/")}`), {
    params: Promise.resolve({ path: parts }),
  });

describe("a photo file the site may read", () => {
  it("is a regular file inside public/images", () => {
    expect(readablePhotoFile(publicDir, ["le-hoi", "anh-1.jpg"])).toContain("anh-1.jpg");
    for (const parts of [
      ["le-hoi"],
      ["..", "..", "data", "session-key"],
      [".an", "x.jpg"],
      [],
      ["le-hoi", ""],
    ]) {
      expect(readablePhotoFile(publicDir, parts), parts.join("/")).toBeNull();
    }
  });

  it("is never reached through a symbolic link leading out, to a file or to a folder", () => {
    symlinkSync(secret, path.join(publicDir, "images", "le-hoi", "khoa.jpg"));
    symlinkSync(path.join(base, "data"), path.join(publicDir, "images", "du-lieu"));
    expect(readablePhotoFile(publicDir, ["le-hoi", "khoa.jpg"])).toBeNull();
    expect(readablePhotoFile(publicDir, ["du-lieu", "session-key"])).toBeNull();
  });

  it("is served by /images/… only then: a link to data/session-key answers 404, not the key", async () => {
    stubFolders({ public: publicDir });
    symlinkSync(secret, path.join(publicDir, "images", "le-hoi", "khoa.jpg"));
    const real = await get("le-hoi", "anh-1.jpg");
    expect(real.status).toBe(200);
    expect(await real.text()).toBe("a real photo");
    const linked = await get("le-hoi", "khoa.jpg");
    expect(linked.status).toBe(404);
    expect(await linked.text()).not.toContain("SESSION-KEY");
  });

  it("is written by uploads only into a real folder: a report's folder linked elsewhere is refused", async () => {
    symlinkSync(path.join(base, "data"), path.join(publicDir, "images", "bai-moi"));
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } })
      .jpeg()
      .toBuffer();
    expect(() => storePhoto(publicDir, "bai-moi", jpeg)).toThrow("không phải thư mục thường");
    expect(storePhoto(publicDir, "le-hoi", jpeg)).toBe("/images/le-hoi/anh-2.jpg");
  });
});
