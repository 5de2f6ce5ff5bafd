import { getNewestReports, getTopicPage, getTopTopics, type ReportSummary, type Topic } from "./content";

// A paper's front page: the lead story, a handful of top stories, then a block per section with
// its newest reports. Editors place the lead and the top stories (`featured` in a report's front
// matter); without a choice, the newest report leads and the next newest follow. Every block reads
// a bounded slice of the archive, so the page costs the same at 10 reports as at 500,000.

export const FRONT_PAGE = {
  /** How far back an editor's choice is looked for: the newest this many reports. */
  window: 200,
  topStories: 4,
  sections: 6,
  perSection: 4,
} as const;

export interface FrontPageSection {
  topic: Topic;
  reports: ReportSummary[];
}

export interface FrontPage {
  lead: ReportSummary | null;
  top: ReportSummary[];
  sections: FrontPageSection[];
}

/**
 * Arranges the front page from the newest reports (newest first, at most FRONT_PAGE.window) and
 * the newest reports of the biggest sections: each report shows once, in its highest place, and a
 * section with nothing left to show is left out.
 */
export function arrangeFrontPage(
  newest: readonly ReportSummary[],
  sections: ReadonlyArray<{ topic: Topic; newest: readonly ReportSummary[] }>,
): FrontPage {
  const lead = newest.find((report) => report.featured === "tin-chinh") ?? newest[0] ?? null;
  const shown = new Set(lead ? [lead.slug] : []);
  const chosen = newest.filter((report) => report.featured === "noi-bat" && !shown.has(report.slug));
  const byTime = newest.filter((report) => report.featured !== "noi-bat" && !shown.has(report.slug));
  const top = [...chosen, ...byTime].slice(0, FRONT_PAGE.topStories);
  for (const report of top) shown.add(report.slug);
  const blocks: FrontPageSection[] = [];
  for (const { topic, newest: inSection } of sections) {
    const reports = inSection.filter((report) => !shown.has(report.slug)).slice(0, FRONT_PAGE.perSection);
    if (reports.length > 0) blocks.push({ topic, reports });
  }
  return { lead, top, sections: blocks };
}

/** The front page from the store: the newest reports and the first page of each of the biggest sections. */
export function getFrontPage(): FrontPage {
  const sections = getTopTopics("category", FRONT_PAGE.sections).map((topic) => ({
    topic,
    newest: getTopicPage("category", topic.slug, 1)?.reports ?? [],
  }));
  return arrangeFrontPage(getNewestReports(FRONT_PAGE.window), sections);
}
