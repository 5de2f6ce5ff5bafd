import { DOCUMENT_CACHE } from "@/lib/cache-control";
import { sitemapEntries } from "@/lib/pages";
import { rootSitemapXml } from "@/lib/sitemap";

// A route handler rather than app/sitemap.ts: past 50,000 URLs /sitemap.xml must become a sitemap
// index, which the metadata convention cannot produce.
export const dynamic = "force-static";
// What CDNs are told (s-maxage, as for pages); a publish revalidates it at once.
export const revalidate = 300;

export function GET() {
  const entries = sitemapEntries();
  return new Response(rootSitemapXml(entries), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": DOCUMENT_CACHE },
  });
}
