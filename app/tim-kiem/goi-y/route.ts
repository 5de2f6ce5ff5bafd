import { SEARCH_CACHE } from "@/lib/cache-control";
import { suggest } from "@/lib/search/archive-search";
import { MAX_QUERY_CHARACTERS } from "@/lib/search/search-request";

// Suggestions for the header's search box: JSON, cached by a CDN as briefly as results are.
export function GET(request: Request): Response {
  const text = (new URL(request.url).searchParams.get("q") ?? "").slice(0, MAX_QUERY_CHARACTERS);
  return Response.json(suggest(text), { headers: { "Cache-Control": SEARCH_CACHE } });
}
