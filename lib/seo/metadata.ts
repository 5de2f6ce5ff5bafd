import type { Metadata } from "next";
import type { ReportSummary } from "../content";
import { toVietnamIso } from "../dates";
import { PREVIEW_IMAGE_SIZE, routes } from "../routes";
import { site } from "../site";

interface PageDescription {
  title: string;
  description: string;
  /** The page's own address for its canonical link; null for pages that have none (404). */
  path: string | null;
}

// Next.js replaces a parent's `alternates` instead of merging it, so the feed link travels with
// every page's canonical link.
function alternates(path: string | null): Metadata["alternates"] {
  return {
    ...(path === null ? {} : { canonical: path }),
    types: { "application/rss+xml": [{ url: routes.feed, title: `${site.name}: tin mới` }] },
  };
}

const siteImage = {
  url: routes.sitePreviewImage,
  ...PREVIEW_IMAGE_SIZE,
  alt: `${site.name}: tin tức địa phương Nghệ An`,
};

/**
 * Metadata for an ordinary page. Next.js replaces a parent's openGraph object instead of merging
 * it, so every page states the site-wide Open Graph fields again through this one function.
 */
export function pageMetadata({ title, description, path }: PageDescription): Metadata {
  return {
    title,
    description,
    alternates: alternates(path),
    openGraph: {
      type: "website",
      siteName: site.name,
      locale: site.locale,
      title,
      description,
      url: path ?? undefined,
      images: [siteImage],
    },
    twitter: { card: "summary_large_image", title, description, images: [siteImage] },
  };
}

export function reportMetadata(report: ReportSummary): Metadata {
  const path = routes.report(report.slug);
  const image = {
    url: routes.reportPreviewImage(report.slug),
    ...PREVIEW_IMAGE_SIZE,
    alt: report.title,
  };
  return {
    title: report.title,
    description: report.summary,
    alternates: alternates(path),
    authors: report.author ? [{ name: report.author }] : undefined,
    openGraph: {
      type: "article",
      siteName: site.name,
      locale: site.locale,
      title: report.title,
      description: report.summary,
      url: path,
      images: [image],
      publishedTime: toVietnamIso(report.date),
      modifiedTime: report.updated ? toVietnamIso(report.updated) : undefined,
      section: report.category ?? undefined,
      tags: report.tags,
    },
    twitter: {
      card: "summary_large_image",
      title: report.title,
      description: report.summary,
      images: [image],
    },
  };
}
