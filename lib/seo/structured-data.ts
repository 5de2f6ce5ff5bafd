import { reportBreadcrumbs } from "../breadcrumbs";
import type { Appearance, Person, Report, ReportSummary } from "../content";
import { newestChange, toVietnamIso } from "../dates";
import { reportPhotoCrops } from "../photo-crops";
import { routes } from "../routes";
import { absoluteUrl, site } from "../site";

type JsonLdValue = string | number | boolean | null | JsonLd | JsonLdValue[];
export interface JsonLd {
  [key: string]: JsonLdValue | undefined;
}

/**
 * JSON for a <script type="application/ld+json">. JSON.stringify leaves "<" alone, so a headline
 * holding "</script>" would end the element: every <, > and & becomes a \u escape, which JSON
 * readers decode back to the same text. U+2028 and U+2029 are escaped for old JavaScript parsers.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

function publisher(): JsonLd {
  return {
    "@type": "NewsMediaOrganization",
    name: site.name,
    url: absoluteUrl(routes.home),
    logo: {
      "@type": "ImageObject",
      url: absoluteUrl(site.logo.path),
      width: site.logo.width,
      height: site.logo.height,
    },
  };
}

/**
 * The share card, the cover cut to 1×1, 4×3 and 16×9 (or the cover as it is, when too small to
 * cut), then every photo of the report: each address once.
 */
function reportImages(report: Report): string[] {
  const crops = reportPhotoCrops(report);
  const lead = crops.length > 0 ? crops : report.cover ? [report.cover.src] : [];
  const paths = [
    routes.reportPreviewImage(report.slug),
    ...lead,
    ...report.figures.map((figure) => figure.src),
  ];
  return [...new Set(paths)].map((path) => absoluteUrl(path));
}

function reportAuthor(report: Report): JsonLd {
  // The site has no page of its own for a reporter (a person's page lists the reports naming
  // them, not those they wrote): the address is that of the paper they write for.
  const paper = report.source ?? { name: site.name, url: absoluteUrl(routes.home) };
  return report.author
    ? { "@type": "Person", name: report.author, url: paper.url }
    : { "@type": "Organization", name: paper.name, url: paper.url };
}

export function newsArticleJsonLd(report: Report): JsonLd {
  const url = absoluteUrl(routes.report(report.slug));
  const published = toVietnamIso(report.date);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: report.title,
    description: report.summary,
    image: reportImages(report),
    datePublished: published,
    dateModified: report.updated ? toVietnamIso(report.updated) : published,
    author: reportAuthor(report),
    publisher: publisher(),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    inLanguage: site.language,
    articleSection: report.category ?? undefined,
    keywords: report.tags.length > 0 ? report.tags.join(", ") : undefined,
    contentLocation: report.location ? { "@type": "Place", name: report.location } : undefined,
    isBasedOn: report.source?.url,
    mentions: report.attendees.map((attendee) => ({
      "@type": "Person",
      name: attendee.name,
      jobTitle: [attendee.rank, attendee.role].filter(Boolean).join(", ") || undefined,
    })),
  };
}

export function breadcrumbJsonLd(report: Report): JsonLd {
  const crumbs = reportBreadcrumbs(report).map((crumb) => ({
    name: crumb.name,
    url: absoluteUrl(crumb.href ?? routes.report(report.slug)),
  }));
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

export function websiteJsonLd(): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    description: site.description,
    url: absoluteUrl(routes.home),
    inLanguage: site.language,
    publisher: publisher(),
    // Lets a search engine offer a search box for the site under its result.
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl(routes.search)}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

/**
 * The home page's: the site, holding the page with its last change (the newest among the reports
 * it lists, as the feed's), so that a crawler can tell a fresh home page without comparing it.
 */
export function homePageJsonLd(reports: readonly ReportSummary[]): JsonLd {
  const changed = newestChange(reports);
  return {
    ...websiteJsonLd(),
    hasPart: {
      "@type": "CollectionPage",
      url: absoluteUrl(routes.home),
      inLanguage: site.language,
      dateModified: changed ? toVietnamIso(changed) : undefined,
    },
  };
}

/** The person, and the reports of the page that shows them (that page's, not every one). */
export function personJsonLd(person: Person, appearances: readonly Appearance[]): JsonLd {
  const latest = appearances[0];
  return {
    "@context": "https://schema.org",
    "@type": "Person",
    name: person.name,
    url: absoluteUrl(routes.person(person.slug)),
    jobTitle: latest ? [latest.rank, latest.role].filter(Boolean).join(", ") || undefined : undefined,
    subjectOf: appearances.map(({ report }) => ({
      "@type": "NewsArticle",
      headline: report.title,
      url: absoluteUrl(routes.report(report.slug)),
      datePublished: toVietnamIso(report.date),
    })),
  };
}
