import type { MetadataRoute } from "next";
import { getReportPage, getReports, type Report } from "@/lib/content";
import { toVietnamIso } from "@/lib/dates";
import { routes } from "@/lib/routes";
import { absoluteUrl } from "@/lib/site";

export default function sitemap(): MetadataRoute.Sitemap {
  const reports = getReports();
  const lastModified = (report: Report) => toVietnamIso(report.updated ?? report.date);
  const pageCount = getReportPage(1)?.pageCount ?? 1;
  return [
    {
      url: absoluteUrl(routes.home),
      lastModified: reports[0] ? lastModified(reports[0]) : undefined,
      changeFrequency: "hourly",
      priority: 1,
    },
    ...Array.from({ length: pageCount - 1 }, (_, index) => ({
      url: absoluteUrl(routes.listingPage(index + 2)),
      changeFrequency: "daily" as const,
    })),
    ...reports.map((report) => ({
      url: absoluteUrl(routes.report(report.slug)),
      lastModified: lastModified(report),
    })),
  ];
}
