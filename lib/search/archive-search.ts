import path from "node:path";
import { archiveView, getPeople, getTopics, type ReportSummary, type Topic } from "../content";
import { type Archive, archiveStoreId, loadArchive, loadWholeReport } from "../content/refresh";
import { perProcess } from "../process-singleton.mjs";
import { routes } from "../routes";
import { searchDocument } from "./documents";
import { SearchIndex } from "./search-index";
import { MAX_PAGE, RESULTS_PER_PAGE, type SearchRequest } from "./search-request";
import { highlight, type Segment, snippet } from "./snippet";
import { foldText, words } from "./vietnamese";

// The archive's search for pages and route handlers: keeps the index in step with the
// published archive and turns its answers into what a results page shows.

/**
 * How long a step indexes reports, one after another: requests waiting behind a step wait no
 * longer. Timed, not counted: the 64 KB body the limits accept takes as long as dozens of reports.
 */
const SYNC_STEP_MS = 50;
/** Reports indexed in one catch-up past which the index's segments are merged (about 0.2 s per 1,000 reports). */
const OPTIMIZE_AFTER = 1000;

interface SearchState {
  index: SearchIndex;
  /** The archive the index was last brought in step with. */
  synced: Archive | null;
  /** True while the publishing watcher catches up in the background: requests then search what is there. */
  catchingUp: boolean;
}

/**
 * Beside the content store, so that every process serving the same build shares one index file
 * and a restart starts from it; in memory when there is no store (unit tests, one-off folders).
 */
function indexLocation(): string {
  const store = process.env.CONTENT_STORE;
  return store
    ? path.join(path.dirname(store), `${path.basename(store, ".sqlite")}-search.sqlite`)
    : ":memory:";
}

function state(): SearchState {
  // One index per process, shared by the bundles Next makes of this module.
  return perProcess<SearchState>("search-index", () => ({
    // Built from another store's versions or by other loaders, the index starts again.
    index: new SearchIndex(indexLocation(), archiveStoreId()),
    synced: null,
    catchingUp: false,
  }));
}

/**
 * The work that brings the index in step with an archive, one batch per step: reports published
 * or changed since it last looked are indexed, those deleted or made drafts again taken out.
 * Only what differs is touched, so a save costs one report's update.
 */
function* syncSteps(current: SearchState, archive: Archive): Generator<void> {
  const { published } = archiveView(archive);
  const wanted = new Map(published.map((report) => [report.slug, archive.versions.get(report.slug) ?? 0]));
  const indexed = current.index.versions();
  const gone = [...indexed.keys()].filter((slug) => !wanted.has(slug));
  if (gone.length > 0) current.index.remove(...gone);
  const stale = published.filter((report) => indexed.get(report.slug) !== wanted.get(report.slug));
  let next = 0;
  while (next < stale.length) {
    const started = performance.now();
    current.index.transaction(() => {
      do {
        const report = stale[next];
        next += 1;
        const version = wanted.get(report.slug);
        // Another process sharing the file may have indexed it meanwhile.
        if (current.index.versionsOf([report.slug]).get(report.slug) === version) continue;
        current.index.upsert({ ...searchDocument(loadWholeReport(report)), version });
      } while (next < stale.length && performance.now() - started < SYNC_STEP_MS);
    });
    yield;
  }
  if (stale.length >= OPTIMIZE_AFTER) while (current.index.mergeStep()) yield;
  current.synced = archive;
}

/** Brings the index in step now (a request, `next dev`); a no-op for an archive already seen. */
export function syncSearchIndex(archive: Archive = loadArchive()): void {
  const current = state();
  if (current.synced === archive || current.catchingUp) return;
  const steps = syncSteps(current, archive);
  while (!steps.next().done);
}

/**
 * The publishing watcher's way: the same work in short steps, each followed by a pause as long, so
 * that a first start on a large archive indexes it while pages are served and published.
 */
export async function catchUpSearchIndex(archive: Archive): Promise<void> {
  const current = state();
  if (current.synced === archive || current.catchingUp) return;
  current.catchingUp = true;
  try {
    const steps = syncSteps(current, archive);
    for (;;) {
      const started = performance.now();
      if (steps.next().done) break;
      // As long a pause as the step took: readers' requests get at least half of the time.
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, performance.now() - started)));
    }
  } finally {
    current.catchingUp = false;
  }
}

export interface SearchHit {
  report: ReportSummary;
  title: Segment[];
  snippet: Segment[];
}

export interface SearchOutcome {
  /** Matches, counted up to a bound (`more`: beyond it). */
  total: number;
  more: boolean;
  pageCount: number;
  hits: SearchHit[];
  /** The category asked for, when it exists. */
  category: Topic | null;
}

export function searchReports(request: SearchRequest): SearchOutcome {
  const archive = loadArchive();
  syncSearchIndex(archive);
  const category = request.category
    ? (getTopics("category").find((topic) => topic.slug === request.category) ?? null)
    : null;
  const results = state().index.search({
    text: request.text,
    category: category?.name,
    year: request.year ?? undefined,
    order: request.order,
    page: request.page,
    perPage: RESULTS_PER_PAGE,
  });
  const hits = results.slugs.flatMap((slug) => {
    const report = archive.bySlug.get(slug);
    if (!report) return [];
    const whole = loadWholeReport(report);
    return [
      {
        report,
        title: highlight(report.title, request.text),
        snippet: snippet([report.summary, whole.text].join("\n"), request.text),
      },
    ];
  });
  const pageCount = Math.min(MAX_PAGE, Math.max(1, Math.ceil(results.total / RESULTS_PER_PAGE)));
  return { total: results.total, more: results.more, pageCount, hits, category };
}

export interface Suggestion {
  kind: "bài" | "người" | "chủ đề";
  label: string;
  href: string;
}

const SUGGESTIONS_PER_KIND = 3;

/** True when every word of the query starts a word of `text`, in order, folded ("quoc ph" in "Quốc phòng"). */
function startsWords(text: string, query: string[]): boolean {
  const folded = ` ${foldText(text)}`;
  let at = 0;
  for (const word of query) {
    const found = folded.indexOf(` ${word}`, at);
    if (found < 0) return false;
    at = found + word.length + 1;
  }
  return true;
}

/** What a reader may be typing: people, topics and report titles that start with it. */
export function suggest(text: string): Suggestion[] {
  const query = words(text).map((word) => word.folded);
  if (query.length === 0) return [];
  syncSearchIndex();
  const people = getPeople()
    .filter((person) => startsWords(person.name, query))
    .slice(0, SUGGESTIONS_PER_KIND)
    .map((person) => ({ kind: "người" as const, label: person.name, href: routes.person(person.slug) }));
  const topics = [...getTopics("category"), ...getTopics("tag")]
    .filter((topic) => startsWords(topic.name, query))
    .slice(0, SUGGESTIONS_PER_KIND)
    .map((topic) => ({
      kind: "chủ đề" as const,
      label: topic.name,
      href: topic.kind === "tag" ? routes.tag(topic.slug) : routes.category(topic.slug),
    }));
  const archive = loadArchive();
  const titles = state()
    .index.titlesStartingWith(text, SUGGESTIONS_PER_KIND)
    .flatMap((slug) => archive.bySlug.get(slug) ?? [])
    .map((report) => ({ kind: "bài" as const, label: report.title, href: routes.report(report.slug) }));
  return [...titles, ...people, ...topics];
}
