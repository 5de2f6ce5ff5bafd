import type { Report } from "../content";
import type { SearchDocument } from "./search-index";

/** What search reads of a report: its title, the people at the event, its labels and its text. */
export function searchDocument(report: Report): SearchDocument {
  return {
    slug: report.slug,
    title: report.title,
    date: report.date,
    category: report.category,
    people: [
      ...report.attendees.map((person) => [person.rank, person.name, person.role].filter(Boolean).join(" ")),
      ...report.attendeeGroups,
    ].join(". "),
    tags: [...report.tags, report.category, report.location].filter(Boolean).join(". "),
    text: [report.summary, report.text, ...report.figures.map((figure) => figure.caption)].join("\n"),
  };
}
