import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MonthArchiveLink } from "@/components/home/pagination";
import { ReportListing } from "@/components/home/report-listing";
import { JsonLdScript } from "@/components/seo/json-ld";
import { getReportPage } from "@/lib/content";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { homePageJsonLd } from "@/lib/seo/structured-data";
import { site } from "@/lib/site";

export const metadata: Metadata = {
  ...pageMetadata({ title: "Tin mới nhất", description: site.description, path: routes.home }),
  // The layout's title template applies to nested routes only, not to the page beside it.
  title: { absolute: `Tin mới nhất | ${site.name}` },
};

export default function HomePage() {
  const listing = getReportPage(1);
  if (!listing) notFound();
  return (
    <>
      <JsonLdScript data={homePageJsonLd(listing.reports)} />
      <ReportListing
        listing={listing}
        heading="Tin mới nhất"
        archive={<MonthArchiveLink listing={listing} />}
      />
    </>
  );
}
