import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { beVietnamPro } from "@/components/layout/fonts";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import { pageMetadata } from "@/lib/seo/metadata";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";
import { HEAD_SCRIPT } from "@/lib/head-script";
import "./globals.css";

// Every page is cached until a publish revalidates it; this only sets what CDNs are told
// (`s-maxage`, PAGE_CDN_SECONDS in lib/cache-control.ts: a segment setting must be a literal) and
// re-renders a page at most once per period when it is read.
export const revalidate = 300;

export const metadata: Metadata = {
  ...pageMetadata({ title: site.name, description: site.description, path: null }),
  metadataBase: site.url,
  title: { default: site.name, template: `%s | ${site.name}` },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#15171a" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The head script may set data-co-chu before React hydrates: an expected difference.
    <html lang="vi" className={beVietnamPro.variable} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: HEAD_SCRIPT }} />
        <link
          rel="search"
          type="application/opensearchdescription+xml"
          href={routes.openSearch}
          title={site.name}
        />
      </head>
      <body>
        <SkipLink />
        <SiteHeader />
        <main id="noi-dung" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
