import { availableParallelism } from "node:os";
import path from "node:path";
import type { NextConfig } from "next";
import { MEDIA_CACHE, PAGE_CDN_SECONDS, PAGE_STALE_SECONDS, SEARCH_CACHE } from "./lib/cache-control";
import { shareContentStore } from "./tools/content-store";

// React's development build evaluates strings (call stacks, hot reload): only `next dev` needs it.
const isDevelopment = process.env.NODE_ENV === "development";

// Every page is prerendered, so a per-request nonce is impossible: it would force every page to
// render on each request. Next's inline bootstrap scripts therefore need 'unsafe-inline', and the
// sanitizer and React's escaping are what keep injected scripts out (docs/van-hanh/security.md).
// next/image and React set style attributes, hence 'unsafe-inline' for styles too.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

// The share bar copies the link and opens the phone's share sheet; nothing else is needed.
// Only features Chromium knows: an unknown name logs a console warning on every page.
// (web-share is unknown to desktop Linux Chromium, which warns about it; phones need it.)
const permissionsPolicy = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "midi=()",
  "accelerometer=()",
  "gyroscope=()",
  "magnetometer=()",
  "display-capture=()",
  "browsing-topics=()",
  "clipboard-read=()",
  "clipboard-write=(self)",
  "web-share=(self)",
].join(", ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: permissionsPolicy },
  // For browsers older than CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
// The build's workers and `next dev` share one parse of the archive through this store.
shareContentStore(distDir);

const nextConfig: NextConfig = {
  // The browser tests build into their own folder, with their own content, so they never
  // overwrite the build that `npm start` serves.
  distDir,
  // A self-contained server in <distDir>/standalone: `npm start` (docs/van-hanh/deployment.md).
  output: "standalone",
  poweredByHeader: false,
  // Share cards of reports published after the build are drawn by the running server, which then
  // needs the fonts' files (read, not imported, so not traced on their own).
  outputFileTracingIncludes: Object.fromEntries(
    ["/anh-chia-se.png", "/bai-viet/[slug]/anh-chia-se.png"].map((route) => [
      route,
      [
        "./node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-{latin,latin-ext,vietnamese}-{400,700}-normal.woff",
      ],
    ]),
  ),
  // Next's file cache, except that a 404 is never stored: made-up addresses cost nothing lasting.
  cacheHandler: path.resolve("lib/publishing/cache-handler.mjs"),
  // Next's copy in memory of the pages it caches, 8 MB by its own measure (string lengths: twice that
  // in the heap for Vietnamese text). Its default of 50 MB filled after thousands of distinct pages
  // and held a server at 422 MB resident at 500,000 reports (docs/do-luong/2026-12-06-archive-500k.md);
  // the rest are read from the build folder's files, which the system keeps in its own cache.
  cacheMaxMemorySize: 8 * 1024 * 1024,
  // Written into the server's code at build: the loader's digest (the server has no lib/ to hash),
  // and the public address, so that a page first rendered by the running server builds its URLs
  // from the same SITE_URL as the pages prerendered by the build, whatever the server's environment;
  // and the build's folder, where the proxy finds the server actions it made (lib/server/known-actions.ts).
  env: {
    CONTENT_LOADER_VERSION: process.env.CONTENT_LOADER_VERSION,
    SITE_URL: process.env.SITE_URL ?? "http://localhost:3000",
    BUILD_DIST_DIR: distDir,
  },
  // Next keeps one core for its main process by default; while pages are prerendered that process
  // mostly waits, so on a 2-core machine both cores render (measured: 10,000 reports, docs/do-luong/2026-11-27-scale.md).
  experimental: {
    cpus: Math.max(1, availableParallelism()),
    // Editors upload photos of up to 15 MB (lib/admin/photos.ts refuses more); both limits
    // default to less (1 MB for actions, 10 MB past proxy.ts).
    serverActions: { bodySizeLimit: "16mb" },
    proxyClientMaxBodySize: "16mb",
  },
  reactStrictMode: true,
  // Pages say `s-maxage=300, stale-while-revalidate=86400` (docs/van-hanh/deployment.md).
  expireTime: PAGE_CDN_SECONDS + PAGE_STALE_SECONDS,
  images: {
    formats: ["image/avif", "image/webp"],
    // Widths offered in each photo's srcset: phones to a 2× desktop column (672 px), and 2× the
    // 200 px listing thumbnails. Every width is written into the page twice (HTML and React's
    // payload), so a shorter list is lighter pages, not lesser photos.
    deviceSizes: [360, 640, 828, 1080, 1440, 1920],
    imageSizes: [200, 400],
    // Only photos are resized: any other source (/quan-tri, a page, a query) is a 400, not a 500
    // from a page that is no image.
    localPatterns: [{ pathname: "/images/**", search: "" }],
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // A header set here also lands on 404s, which a CDN would then keep for minutes after the
      // report is published. So only the logo, a file that is always there, gets one here; pages
      // take theirs from their revalidation time, route handlers set their own.
      { source: "/logo.png", headers: [{ key: "Cache-Control", value: MEDIA_CACHE }] },
      // Search always answers 200, so its header never lands on a 404.
      { source: "/tim-kiem", headers: [{ key: "Cache-Control", value: SEARCH_CACHE }] },
    ];
  },
};

export default nextConfig;
