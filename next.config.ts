import { availableParallelism } from "node:os";
import type { NextConfig } from "next";

// React's development build evaluates strings (call stacks, hot reload): only `next dev` needs it.
const isDevelopment = process.env.NODE_ENV === "development";

// Every page is prerendered, so a per-request nonce is impossible: it would force every page to
// render on each request. Next's inline bootstrap scripts therefore need 'unsafe-inline', and the
// sanitizer and React's escaping are what keep injected scripts out (README, "Security").
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

// Pages, feed and sitemap change when a report is published, that is, on the next build. Browsers
// revalidate every time (a cheap 304 thanks to the ETag); a CDN serves its copy for five minutes,
// then a stale one for up to a day while it fetches the new one.
const DOCUMENT_CACHE = "public, max-age=0, s-maxage=300, stale-while-revalidate=86400";
// Photos and preview images change rarely, but keep their names when they do (a placeholder
// replaced by the real photo), so they are never `immutable`.
const MEDIA_CACHE = "public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800";

const nextConfig: NextConfig = {
  // The browser tests build into their own folder, with their own content, so they never
  // overwrite the build that `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A self-contained server in <distDir>/standalone: `npm run start:standalone` (README, "Deployment").
  output: "standalone",
  poweredByHeader: false,
  // Next keeps one core for its main process by default; while pages are prerendered that process
  // mostly waits, so on a 2-core machine both cores render (measured: 10,000 reports, README).
  experimental: { cpus: Math.max(1, availableParallelism()) },
  reactStrictMode: true,
  images: {
    formats: ["image/avif", "image/webp"],
    // Widths offered in each photo's srcset: phones to a 2× desktop column (672 px), and 2× the
    // 200 px listing thumbnails. Every width is written into the page twice (HTML and React's
    // payload), so a shorter list is lighter pages, not lesser photos.
    deviceSizes: [360, 640, 828, 1080, 1440, 1920],
    imageSizes: [200, 400],
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Everything but /_next/ (hashed files Next marks immutable; the image optimiser sets its own).
      // A later rule's header wins, so photos and preview images override this below.
      { source: "/:path((?!_next/).*)", headers: [{ key: "Cache-Control", value: DOCUMENT_CACHE }] },
      { source: "/images/:path*", headers: [{ key: "Cache-Control", value: MEDIA_CACHE }] },
      { source: "/logo.png", headers: [{ key: "Cache-Control", value: MEDIA_CACHE }] },
      { source: "/anh-chia-se.png", headers: [{ key: "Cache-Control", value: MEDIA_CACHE }] },
      { source: "/bai-viet/:slug/anh-chia-se.png", headers: [{ key: "Cache-Control", value: MEDIA_CACHE }] },
    ];
  },
};

export default nextConfig;
