import { notFound } from "next/navigation";
import { ReportListing } from "@/components/home/report-listing";
import { getReportPage } from "@/lib/content";

export default function HomePage() {
  const listing = getReportPage(1);
  if (!listing) notFound();
  return <ReportListing listing={listing} heading="Tin mới nhất" />;
}
