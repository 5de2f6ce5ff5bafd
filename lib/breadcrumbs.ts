import { type Report, topicSlug } from "./content";
import { routes } from "./routes";

export interface BreadcrumbTrail {
  name: string;
  /** Absent for the page itself. */
  href?: string;
}

/** Trang chủ › category › report: one trail for the page and its JSON-LD. */
export function reportBreadcrumbs(report: Report): BreadcrumbTrail[] {
  return [
    { name: "Trang chủ", href: routes.home },
    ...(report.category
      ? [{ name: report.category, href: routes.category(topicSlug(report.category)) }]
      : []),
    { name: report.title },
  ];
}
