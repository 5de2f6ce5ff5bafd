import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MostReadBesideReport } from "@/components/most-read/beside-report";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { AbbreviationBox } from "@/components/report/abbreviation-box";
import { AttendeeSidebar } from "@/components/report/attendee-sidebar";
import { DateLine } from "@/components/report/date-line";
import { ListenButton } from "@/components/report/listen-button";
import { ReportBody } from "@/components/report/report-body";
import { ReportCorrections, UpdatedLine } from "@/components/report/report-changes";
import { RelatedReports } from "@/components/report/related-reports";
import { ReportSource } from "@/components/report/report-source";
import { ReportTopics } from "@/components/report/report-topics";
import { ShareBar } from "@/components/report/share-bar";
import { TextSizeControl } from "@/components/report/text-size-control";
import { JsonLdScript } from "@/components/seo/json-ld";
import { reportBreadcrumbs } from "@/lib/breadcrumbs";
import { getRelatedReports, getReportBySlug, getReportSummaryBySlug } from "@/lib/content";
import { routes } from "@/lib/routes";
import { prerenderedParams } from "@/lib/pages";
import { reportMetadata } from "@/lib/seo/metadata";
import { breadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/structured-data";
import { absoluteUrl } from "@/lib/site";

type Props = { params: Promise<{ slug: string }> };

export const generateStaticParams = prerenderedParams("/bai-viet/[slug]");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const report = getReportSummaryBySlug((await params).slug);
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
        <Breadcrumbs crumbs={reportBreadcrumbs(report)} />
        <h1 className="report__title">{report.title}</h1>
        <p className="report__meta">
          <DateLine date={report.date} />
          {report.location && <span className="report__location">{report.location}</span>}
          <span className="report__reading-time">{report.readingMinutes} phút đọc</span>
          <UpdatedLine date={report.date} updated={report.updated} />
        </p>
        <div className="report__toolbar">
          <ShareBar url={absoluteUrl(routes.report(report.slug))} title={report.title} />
          <ListenButton src={routes.reportListen(report.slug)} />
          <TextSizeControl />
        </div>
        {report.hasOwnSummary && <p className="report__lead">{report.summary}</p>}
        <ReportCorrections corrections={report.corrections} />
      </header>
      <div className="report__layout">
        <div className={report.hasOwnSummary ? "report__text" : "report__text report__text--lead-first"}>
          <ReportBody blocks={report.body} />
          <AbbreviationBox abbreviations={report.abbreviations} />
          {report.author && <p className="report__author">{report.author}</p>}
          {report.source && <ReportSource source={report.source} />}
          <ReportTopics tags={report.tags} />
          <RelatedReports reports={getRelatedReports(report.slug)} />
          <MostReadBesideReport slug={report.slug} draft={report.draft} />
        </div>
        <AttendeeSidebar attendees={report.attendees} groups={report.attendeeGroups} />
      </div>
    </article>
  );
}
