import { reportBreadcrumbs } from "../breadcrumbs";
import type { Appearance, Person, Report } from "../content";
import { toVietnamIso } from "../dates";
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

export function newsArticleJsonLd(report: Report): JsonLd {
  const url = absoluteUrl(routes.report(report.slug));
  const published = toVietnamIso(report.date);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: report.title,
    description: report.summary,
    image: [
      absoluteUrl(routes.reportPreviewImage(report.slug)),
      ...report.figures.map((figure) => absoluteUrl(figure.src)),
    ],
    datePublished: published,
    dateModified: report.updated ? toVietnamIso(report.updated) : published,
    author: report.author
      ? { "@type": "Person", name: report.author }
      : { "@type": "Organization", name: report.source?.name ?? site.name, url: report.source?.url },
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
