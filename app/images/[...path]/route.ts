import { MEDIA_CACHE } from "@/lib/cache-control";
import { photoResponse } from "@/lib/photo-response";

// Next serves the files public/ held when the server started. A photo an editor copies into
// public/images/<bài>/ later reaches this route instead, with the same headers and the same
// resized versions (/_next/image fetches it from here). proxy.ts lets through only the photos a
// published report shows.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return photoResponse(request, (await params).path, MEDIA_CACHE);
}
