import { getReports } from "./content";
import { site } from "./site";

/**
 * How many of the newest reports the build renders ahead, with their share cards and the listing
 * pages they fill (`PRERENDER_REPORTS`, default 100). Every other page (older reports, topics,
 * people) renders on its first request, in tens of milliseconds, and is cached from then on: build
 * time follows this number, not the archive's size.
 */
export function prerenderCount(): number {
  const setting = process.env.PRERENDER_REPORTS ?? "100";
  if (!/^\d+$/.test(setting)) throw new Error(`PRERENDER_REPORTS=“${setting}”: cần một số nguyên không âm`);
  return Number(setting);
}

const newest = () => getReports().slice(0, prerenderCount());

/**
 * A route's generateStaticParams for the production build only. `next dev` answers from a stale
 * list of params once after a change, so a report (or topic, or person) an editor has just added
 * would 404 on its first load; without a list there, every param renders on demand and an
 * unknown one is still a 404 from the page itself.
 */
function forBuild<Params>(list: () => Params[]): (() => Params[]) | undefined {
  return process.env.NODE_ENV === "development" ? undefined : list;
}

export const newestReportParams = forBuild(() => newest().map((report) => ({ slug: report.slug })));

/** Listing pages 2 and on that the newest reports fill (page 1 is the home page). */
export const newestListingParams = forBuild(() =>
  Array.from({ length: Math.max(0, Math.ceil(newest().length / site.reportsPerPage) - 1) }, (_, index) => ({
    page: String(index + 2),
  })),
);

/** None ahead: every page renders on its first request and is cached (an empty list, not none). */
export const onFirstRequest = forBuild(() => []);
