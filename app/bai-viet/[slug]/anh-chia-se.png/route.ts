import { reportPreviewImage } from "@/components/og/preview-image";
import { getReports, getReportSummaryBySlug } from "@/lib/content";
import { staticParamsForBuild } from "@/lib/static-params";

export const dynamic = "force-static";
export const dynamicParams = false;

export const generateStaticParams = staticParamsForBuild(() =>
  getReports().map((report) => ({ slug: report.slug })),
);

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const report = getReportSummaryBySlug((await params).slug);
  if (!report) return new Response("Không tìm thấy", { status: 404 });
  return reportPreviewImage(report);
}
