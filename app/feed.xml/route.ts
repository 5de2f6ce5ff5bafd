import { getNewestReports } from "@/lib/content";
import { DOCUMENT_CACHE } from "@/lib/cache-control";
import { buildRssFeed } from "@/lib/feed";
import { webSubHub } from "@/lib/notify/settings";
import { site } from "@/lib/site";

export const dynamic = "force-static";
// What CDNs are told (s-maxage, as for pages); a publish revalidates it at once.
export const revalidate = 300;

export function GET() {
  return new Response(buildRssFeed(getNewestReports(site.feedSize), { hub: webSubHub() }), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": DOCUMENT_CACHE },
  });
}
