import { getReports } from "@/lib/content";
import { buildRssFeed } from "@/lib/feed";

export const dynamic = "force-static";

export function GET() {
  return new Response(buildRssFeed(getReports()), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
}
