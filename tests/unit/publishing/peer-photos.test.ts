import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  fetchPhotoFromPeers,
  peerPhotoFetcher,
  peerPhotoTarget,
  photoPeers,
} from "@/lib/publishing/peer-photos";
import { temporaryFolder } from "../support/temporary-folder";

// Photos asked of other machines: a real HTTP server on 127.0.0.1 stands in for a peer.

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 60 }, (_, index) => index)]);
let servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

/** A peer answering each path from `photos` (path → [status, type, bytes]); returns its origin and the paths asked. */
async function peer(photos: Record<string, [number, string, Buffer]>) {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    asked.push(request.url ?? "");
    const [status, type, bytes] = photos[request.url ?? ""] ?? [404, "text/plain", Buffer.from("không có")];
    response.writeHead(status, { "Content-Type": type }).end(bytes);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

function publicFolder(): string {
  const folder = temporaryFolder("anh-may-khac-");
  mkdirSync(path.join(folder, "images"));
  return folder;
}

describe("the other machines, from PHOTO_PEERS", () => {
  it("takes http(s) origins and refuses anything else", () => {
    expect(photoPeers(" http://may-b:3000/ , https://may-c.example/duong-dan ")).toEqual([
      "http://may-b:3000",
      "https://may-c.example",
    ]);
    expect(photoPeers("")).toEqual([]);
    expect(() => photoPeers("file:///etc/passwd")).toThrow(/http\(s\)/);
  });

  it("keeps a photo only under the photo folder, by a name the site serves", () => {
    expect(peerPhotoTarget("/srv/public", "/images/bai/anh-1.jpg")).toBe("/srv/public/images/bai/anh-1.jpg");
    for (const src of [
      "/images/../khoa-phien",
      "/images/.an/anh.jpg",
      "/khac/anh.jpg",
      "/images/",
      "/images/a\\..\\b.jpg",
    ]) {
      expect(peerPhotoTarget("/srv/public", src)).toBeNull();
    }
  });
});

describe("asking the other machines for a photo", () => {
  it("keeps the first peer's copy that is a photo, asked at its encoded address", async () => {
    const publicDir = publicFolder();
    const empty = await peer({});
    const page = await peer({ "/images/bai/%E1%BA%A3nh-1.jpg": [200, "text/html", Buffer.from("<p>")] });
    const holder = await peer({ "/images/bai/%E1%BA%A3nh-1.jpg": [200, "image/jpeg", JPEG] });
    const found = await fetchPhotoFromPeers(
      publicDir,
      "/images/bai/ảnh-1.jpg",
      [empty.origin, page.origin, holder.origin],
      1000,
    );
    expect(found).toBe(true);
    expect(readFileSync(path.join(publicDir, "images", "bai", "ảnh-1.jpg")).equals(JPEG)).toBe(true);
    expect(empty.asked).toEqual(["/images/bai/%E1%BA%A3nh-1.jpg"]);
  });

  it("refuses a copy over the size limit, and a folder that leads out of the photo folder", async () => {
    const publicDir = publicFolder();
    const holder = await peer({
      "/images/bai/lon.jpg": [200, "image/jpeg", Buffer.alloc(2000, 1)],
      "/images/ra-ngoai/anh.jpg": [200, "image/jpeg", JPEG],
    });
    expect(await fetchPhotoFromPeers(publicDir, "/images/bai/lon.jpg", [holder.origin], 1000)).toBe(false);
    symlinkSync(temporaryFolder("ngoai-"), path.join(publicDir, "images", "ra-ngoai"));
    expect(await fetchPhotoFromPeers(publicDir, "/images/ra-ngoai/anh.jpg", [holder.origin], 1000)).toBe(
      false,
    );
    expect(existsSync(path.join(publicDir, "images", "bai", "lon.jpg"))).toBe(false);
  });

  it("asks once at a time, and waits longer after each round no peer had it", async () => {
    const publicDir = publicFolder();
    const empty = await peer({});
    const ask = peerPhotoFetcher(publicDir, [empty.origin], 1000);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
    ask("/images/bai/mat.jpg", 0);
    ask("/images/bai/mat.jpg", 0);
    await settle();
    expect(empty.asked).toHaveLength(1);
    // Within the first wait (1 s) nothing more; after it, a second round.
    ask("/images/bai/mat.jpg", Date.now() + 500);
    await settle();
    expect(empty.asked).toHaveLength(1);
    ask("/images/bai/mat.jpg", Date.now() + 1_100);
    await settle();
    expect(empty.asked).toHaveLength(2);
    // The next wait is 2 s.
    ask("/images/bai/mat.jpg", Date.now() + 1_500);
    await settle();
    expect(empty.asked).toHaveLength(2);
  });
});
