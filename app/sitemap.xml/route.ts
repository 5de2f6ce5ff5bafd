import { DOCUMENT_CACHE } from "@/lib/cache-control";
import { sitemapFiles } from "@/lib/pages";
import { sitemapIndexXml } from "@/lib/sitemap";

// A route handler rather than app/sitemap.ts: /sitemap.xml is an index of files (one per month of
// reports, so a report's entry never moves), which the metadata convention cannot produce.
export const dynamic = "force-static";
// What CDNs are told (s-maxage, as for pages); a publish revalidates it at once.
export const revalidate = 300;

export function GET() {
  return new Response(sitemapIndexXml(sitemapFiles()), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": DOCUMENT_CACHE },
  });
}
