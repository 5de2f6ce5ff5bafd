import type { MetadataRoute } from "next";
import { site } from "@/lib/site";

// What a phone needs to add the site to its home screen. The icons are files drawn from the logo
// by scripts/make-app-icons.ts; the colours are the site's (the header's white, as the pages' theme-color).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: site.name,
    short_name: "Xứ Nghệ",
    description: site.description,
    lang: "vi",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#ffffff",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
