import { reportPreviewImage } from "@/components/og/preview-image";
import { NOT_FOUND_CACHE } from "@/lib/cache-control";
import { getReportSummaryBySlug } from "@/lib/content";
import { prerenderedParams } from "@/lib/pages";

export const dynamic = "force-static";

export const generateStaticParams = prerenderedParams("/bai-viet/[slug]/anh-chia-se.png");

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const report = getReportSummaryBySlug((await params).slug);
  if (!report)
    return new Response("Không tìm thấy", { status: 404, headers: { "Cache-Control": NOT_FOUND_CACHE } });
  return reportPreviewImage(report);
}
