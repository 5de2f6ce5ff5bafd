import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AttendeeSidebar } from "@/components/report/attendee-sidebar";
import { DateLine } from "@/components/report/date-line";
import { ReportBody } from "@/components/report/report-body";
import { ReportSource } from "@/components/report/report-source";
import { ShareBar } from "@/components/report/share-bar";
import { JsonLdScript } from "@/components/seo/json-ld";
import { getReportBySlug, getReports } from "@/lib/content";
import { routes } from "@/lib/routes";
import { reportMetadata } from "@/lib/seo/metadata";
import { breadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/structured-data";
import { absoluteUrl } from "@/lib/site";

export const dynamicParams = false;

type Props = { params: Promise<{ slug: string }> };

function reportParams() {
  return getReports().map((report) => ({ slug: report.slug }));
}

// \`next dev\` answers from a stale list of params once after a change, so a report an editor has
// just added would 404 on its first load. Without the list there, every slug renders on demand
// (an unknown one is still a 404); the production build prerenders each report from the list.
export const generateStaticParams = process.env.NODE_ENV === "development" ? undefined : reportParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const report = getReportBySlug((await params).slug);
  return report ? reportMetadata(report) : {};
}

export default async function ReportPage({ params }: Props) {
  const report = getReportBySlug((await params).slug);
  if (!report) notFound();

  return (
    <article className="report">
      <JsonLdScript data={[newsArticleJsonLd(report), breadcrumbJsonLd(report)]} />
      <header className="report__header">
        {report.draft && (
          <p className="draft-banner" role="status">
            Bản nháp: bài này chưa được đăng và không có trên trang thật.
          </p>
        )}
        {report.category && <p className="report__category">{report.category}</p>}
        <h1 className="report__title">{report.title}</h1>
        <p className="report__meta">
          <DateLine date={report.date} />
          {report.location && <span className="report__location">{report.location}</span>}
        </p>
        <ShareBar url={absoluteUrl(routes.report(report.slug))} title={report.title} />
        {report.hasOwnSummary && <p className="report__lead">{report.summary}</p>}
      </header>
      <div className="report__layout">
        <div className={report.hasOwnSummary ? "report__text" : "report__text report__text--lead-first"}>
          <ReportBody blocks={report.body} />
          {report.author && <p className="report__author">{report.author}</p>}
          {report.source && <ReportSource source={report.source} />}
        </div>
        <AttendeeSidebar attendees={report.attendees} groups={report.attendeeGroups} />
      </div>
    </article>
  );
}
