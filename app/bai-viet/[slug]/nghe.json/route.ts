import { NOT_FOUND_CACHE } from "@/lib/cache-control";
import { getReportBySlug } from "@/lib/content";
import { prerenderedParams } from "@/lib/pages";
import { listenScript } from "@/lib/speech/script";

export const dynamic = "force-static";

// Rendered on the first tap of "Nghe bài", then cached until the report changes (lib/pages.ts).
export const generateStaticParams = prerenderedParams("/bai-viet/[slug]/nghe.json");

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const report = getReportBySlug((await params).slug);
  if (!report)
    return new Response("Không tìm thấy", { status: 404, headers: { "Cache-Control": NOT_FOUND_CACHE } });
  return Response.json(listenScript(report));
}
