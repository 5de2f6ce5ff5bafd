import { getReports } from "@/lib/content";
import { DOCUMENT_CACHE } from "@/lib/cache-control";
import { buildRssFeed } from "@/lib/feed";

export const dynamic = "force-static";
// What CDNs are told (s-maxage, as for pages); a publish revalidates it at once.
export const revalidate = 300;

export function GET() {
  return new Response(buildRssFeed(getReports()), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": DOCUMENT_CACHE },
  });
}
