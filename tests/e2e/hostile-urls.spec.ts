import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { startOwnServer } from "./own-server";
import { SEED_PATH } from "./seed-report";

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends the request target byte for byte. Browsers and fetch clients normalise "..", "%2e%2e"
 * and backslashes before sending, which would hide exactly what these tests are about.
 */
function rawGet(baseURL: string | undefined, target: string): Promise<RawResponse> {
  const { hostname, port } = new URL(baseURL ?? "");
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error(`no answer for ${target.slice(0, 80)}`)));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf("\r\n\r\n");
      const [statusLine, ...headerLines] = raw.subarray(0, split).toString("latin1").split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body: Buffer = raw.subarray(split + 4);
      if (headers["transfer-encoding"] === "chunked") body = unchunk(body);
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: body.toString("utf8") });
    });
    socket.write(
      Buffer.concat([
        Buffer.from("GET "),
        Buffer.from(target, "binary"),
        Buffer.from(` HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`),
      ]),
    );
  });
}

function unchunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf("\r\n", offset);
    const size = parseInt(data.subarray(offset, lineEnd).toString("latin1"), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

// Text that only the files a request must never reach contain.
const SECRETS = [
  readFileSync("package.json", "utf8").match(/"name": "[^"]+"/)?.[0] ?? '"name"',
  '"devDependencies"',
  "poweredByHeader",
  "attendeeGroups:",
  "process.chdir(__dirname)",
  "root:x:0:0",
];

function leaks(body: string): string[] {
  return SECRETS.filter((secret) => body.includes(secret));
}

const SEED_SLUG = SEED_PATH.split("/").pop() ?? "";
const PROBE = "<script>window.__xss_url=1</script>";

const ODD_REPORT_ADDRESSES = {
  "an uppercase slug": `/bai-viet/${SEED_SLUG.toUpperCase()}`,
  "a capitalised slug": `/bai-viet/${SEED_SLUG[0].toUpperCase()}${SEED_SLUG.slice(1)}`,
  "a Vietnamese slug": `/bai-viet/${encodeURIComponent("ubnd-thành-phố-vinh-tổng-kết")}`,
  "a decomposed (NFD) Vietnamese slug": `/bai-viet/${encodeURIComponent("ủy-ban".normalize("NFD"))}`,
  "an 8000-character slug": `/bai-viet/${"a".repeat(8000)}`,
  "a slug holding <script>": `/bai-viet/${PROBE}`,
  "a slug holding an encoded <script>": `/bai-viet/${encodeURIComponent(PROBE)}`,
  "a slug breaking out of an attribute": `/bai-viet/${encodeURIComponent('"><img src=x onerror=window.__xss_url=1>')}`,
  "a slug with an encoded NUL": `/bai-viet/${SEED_SLUG}%00`,
  "a slug that climbs with encoded ../": "/bai-viet/..%2F..%2Fpackage.json",
  "a slug that climbs into content/": `/bai-viet/%2e%2e%2f%2e%2e%2fcontent%2f${SEED_SLUG}.md`,
  "a listing page that climbs": "/trang/..%2f..%2fpackage.json",
  "a listing page with an encoded NUL": "/trang/2%00",
  "a query holding <script>": `/bai-viet/khong-co?q=${PROBE}`,
};

for (const [name, target] of Object.entries(ODD_REPORT_ADDRESSES)) {
  test(`${name} answers 404 and does not echo the address`, async ({ baseURL }) => {
    const response = await rawGet(baseURL, target);
    expect(response.status).toBe(404);
    expect(response.body).toContain("Không tìm thấy trang");
    expect(response.body).not.toMatch(/<script>window\.__xss|<img src=x/i);
    expect(leaks(response.body)).toEqual([]);
  });
}

const TRAVERSALS = [
  "/_next/static/../../package.json",
  "/_next/static/%2e%2e/%2e%2e/package.json",
  "/_next/static/..%2f..%2fpackage.json",
  "/_next/static/%252e%252e/%252e%252e/package.json",
  "/_next/static/chunks/../../../server.js",
  "/_next/static/../../../../../../etc/passwd",
  "/images/../../package.json",
  "/images/%2e%2e/%2e%2e/package.json",
  "/images/..%2f..%2fpackage.json",
  "/images/%252e%252e%252f%252e%252e%252fpackage.json",
  "/images/..%5c..%5cpackage.json",
  "/images/%00/../../package.json",
  "/images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg%00.png",
  "/%2e%2e/package.json",
  "/%2e%2e%2fpackage.json",
  "/%252e%252e/package.json",
  "/%2fetc%2fpasswd",
  "/package.json",
  "/next.config.ts",
  "/.env",
  `/content/${SEED_SLUG}.md`,
  "/public/logo.png",
  "/node_modules/next/package.json",
  "/server.js",
  "/_next/server/app/index.html",
  "/_next/../package.json",
];

for (const target of TRAVERSALS) {
  test(`${target} answers 404 and reads no file outside the site`, async ({ baseURL }) => {
    const response = await rawGet(baseURL, target);
    expect(response.status).toBe(404);
    expect(leaks(response.body)).toEqual([]);
  });
}

// Next answers a backslash or a doubled slash with a permanent redirect to the cleaned-up path.
// The target must stay on this site (a Location of "//evil.example" would leave it).
const REDIRECTED = {
  "/images/..\\..\\package.json": "/package.json",
  "/..\\package.json": "/package.json",
  "/\\evil.example": "/evil.example",
  "/\\/evil.example": "/evil.example",
  "//evil.example": "/evil.example",
  "//etc/passwd": "/etc/passwd",
};

for (const [target, location] of Object.entries(REDIRECTED)) {
  test(`${target} redirects to ${location} on this site, which answers 404`, async ({ baseURL }) => {
    const response = await rawGet(baseURL, target);
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe(location);
    expect(leaks(response.body)).toEqual([]);
    const followed = await rawGet(baseURL, location);
    expect(followed.status).toBe(404);
    expect(leaks(followed.body)).toEqual([]);
  });
}

// These never reach Next: Node's HTTP parser refuses them and closes the connection.
const REFUSED_BY_NODE = {
  "a raw NUL byte": { target: `/bai-viet/${SEED_SLUG}\u0000x`, status: 400 },
  "raw UTF-8 bytes": { target: `/bai-viet/${Buffer.from("thành-phố").toString("binary")}`, status: 400 },
  "a 20000-character slug (over Node's 16 KB header limit)": {
    target: `/bai-viet/${"a".repeat(20_000)}`,
    status: 431,
  },
};

for (const [name, { target, status }] of Object.entries(REFUSED_BY_NODE)) {
  test(`a request line with ${name} is refused by Node's parser with ${status}`, async ({ baseURL }) => {
    const response = await rawGet(baseURL, target);
    expect(response.status).toBe(status);
    expect(response.body).toBe("");
  });
}

test("the image optimiser serves only the site's own images", async ({ request }) => {
  const photo = "/images/ubnd-vinh-tong-ket-qp-an-2020/anh-1.jpg";
  const ok = await request.get(`/_next/image?url=${encodeURIComponent(photo)}&w=640&q=75`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toMatch(/^image\//);

  // Only /images/… is a source (next.config's images.localPatterns): anything else is a 400, a
  // page that is no image included (it was a 500).
  const refused = {
    "/../package.json": 400,
    "/images/../../package.json": 400,
    "/%2e%2e/package.json": 400,
    "/quan-tri": 400,
    "/": 400,
    [SEED_PATH]: 400,
    "/logo.png": 400,
    "/images/khong-co/anh.jpg": 404,
    "file:///etc/passwd": 400,
    "//evil.example/anh.jpg": 400,
    "https://evil.example/anh.jpg": 400,
  };
  for (const [url, status] of Object.entries(refused)) {
    const response = await request.get(`/_next/image?url=${encodeURIComponent(url)}&w=200&q=75`);
    expect(response.status(), url).toBe(status);
    expect(response.headers()["content-type"] ?? "", url).not.toMatch(/^image\//);
    expect(leaks(await response.text()), url).toEqual([]);
  }
});

test("photos are regular files inside public/images: a link to a secret serves nothing, resized or not", async ({
  request,
}) => {
  const own = await startOwnServer({ prefix: "lien-ket-" });
  try {
    const key = path.join(own.dataDir, "session-key");
    writeFileSync(key, "SESSION-KEY-SECRET");
    symlinkSync(key, path.join(own.publicDir, "images", "khoa.jpg"));
    symlinkSync(own.dataDir, path.join(own.publicDir, "images", "du-lieu"));
    for (const address of [
      "/images/khoa.jpg",
      "/images/du-lieu/session-key",
      `/_next/image?url=${encodeURIComponent("/images/khoa.jpg")}&w=640&q=75`,
    ]) {
      const response = await request.get(own.at(address));
      expect(response.status(), address).toBe(404);
      expect(await response.text(), address).not.toContain("SESSION-KEY");
    }
  } finally {
    await own.stop();
  }
});

test("a server action posted to a reader's page is refused with 405, and logs no error", async ({
  request,
}) => {
  const own = await startOwnServer({ prefix: "thao-tac-" });
  try {
    for (const address of ["/", SEED_PATH, "/tim-kiem"]) {
      const response = await request.post(own.at(address), {
        headers: { "Next-Action": "0123456789abcdef0123456789abcdef01234567", Origin: own.server.origin },
        data: "[]",
      });
      expect(response.status(), address).toBe(405);
      expect(response.headers()["allow"]).toBe("GET, HEAD");
    }
    expect(own.server.log.join("\n")).not.toMatch(/Error|\n\s+at /);
  } finally {
    await own.stop();
  }
});
