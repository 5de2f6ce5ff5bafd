import { sitePreviewImage } from "@/components/og/preview-image";

export const dynamic = "force-static";

export function GET() {
  return sitePreviewImage();
}
