import { DOCUMENT_CACHE } from "@/lib/cache-control";
import { getNewestReports } from "@/lib/content";
import { NEWS_SITEMAP_LIMIT, newsSitemapReports, newsSitemapXml } from "@/lib/news-sitemap";

// The news sitemap (lib/news-sitemap.ts). A publish revalidates it at once; the minute here is
// for reports ageing out of its 48 hours, which no publish announces.
export const dynamic = "force-static";
export const revalidate = 60;

export function GET() {
  return new Response(newsSitemapXml(newsSitemapReports(getNewestReports(NEWS_SITEMAP_LIMIT))), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": DOCUMENT_CACHE },
  });
}
