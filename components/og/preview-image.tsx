import { ImageResponse } from "next/og";
import { PreviewCard } from "./preview-card";
import type { Report } from "@/lib/content";
import { formatShortDate } from "@/lib/dates";
import { PREVIEW_IMAGE_SIZE } from "@/lib/routes";
import { site } from "@/lib/site";
import { previewFonts } from "@/lib/og/fonts";

async function render(card: Parameters<typeof PreviewCard>[0]): Promise<ImageResponse> {
  return new ImageResponse(<PreviewCard {...card} />, { ...PREVIEW_IMAGE_SIZE, fonts: await previewFonts() });
}

export function reportPreviewImage(report: Report): Promise<ImageResponse> {
  return render({
    siteName: site.name,
    headline: report.title,
    kicker: report.category,
    dateText: formatShortDate(report.date),
  });
}

export function sitePreviewImage(): Promise<ImageResponse> {
  return render({ siteName: site.name, headline: site.description, kicker: null, dateText: null });
}
