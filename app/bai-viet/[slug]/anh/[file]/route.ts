import { NOT_FOUND_CACHE } from "@/lib/cache-control";
import { getReportSummaryBySlug } from "@/lib/content";
import { prerenderedParams } from "@/lib/pages";
import { photoCropResponse } from "@/lib/photo-crop-response";
import { cropRatioOfFile } from "@/lib/photo-crops";

export const dynamic = "force-static";

/** /bai-viet/<slug>/anh/1x1.jpg, 4x3.jpg, 16x9.jpg: each cut on its first request, then kept until the report changes. */
export const generateStaticParams = prerenderedParams("/bai-viet/[slug]/anh/[file]");

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ slug: string; file: string }> },
) {
  const { slug, file } = await params;
  const ratio = cropRatioOfFile(file);
  const report = ratio ? getReportSummaryBySlug(slug) : null;
  if (!ratio || !report)
    return new Response("Không tìm thấy", { status: 404, headers: { "Cache-Control": NOT_FOUND_CACHE } });
  return photoCropResponse(report, ratio);
}
