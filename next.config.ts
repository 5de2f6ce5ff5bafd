import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The browser tests build into their own folder, with their own content, so they never
  // overwrite the build that `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    formats: ["image/avif", "image/webp"],
  },
};

export default nextConfig;
