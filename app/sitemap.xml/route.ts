import { rootSitemapXml, publishedSitemapEntries } from "@/lib/sitemap";

// A route handler rather than app/sitemap.ts: past 50,000 URLs /sitemap.xml must become a sitemap
// index, which the metadata convention cannot produce.
export const dynamic = "force-static";

export function GET() {
  const entries = publishedSitemapEntries();
  return new Response(rootSitemapXml(entries), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
