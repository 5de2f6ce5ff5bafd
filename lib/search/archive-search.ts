import path from "node:path";
import { getPeople, getTopics, getTopTopics, type ReportSummary, type Topic } from "../content";
import {
  type AddressChange,
  archiveCatalog,
  archiveStoreId,
  isLiveArchive,
  loadWholeReport,
} from "../content/refresh";
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
/**
 * A step's length when nothing waits for it (the build, `next dev`): each commit turns what the
 * step indexed into a segment to merge: 3,000 reports took 6.5 s in 2 s steps against 8.1 s in 50 ms ones.
 */
const UNATTENDED_STEP_MS = 2000;
/** Reports indexed in one catch-up past which the index's segments are merged (about 0.2 s per 1,000 reports). */
const OPTIMIZE_AFTER = 1000;

interface SearchState {
  index: SearchIndex;
  /** The store generation the index was last compared with as a whole; -1 before the first time. */
  comparedAt: number;
  /** Changes that arrived while a catch-up ran: the same catch-up takes them next. */
  pending: AddressChange[];
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
    comparedAt: -1,
    pending: [],
    catchingUp: false,
  }));
}

/** What the index must hold at an address: the version published there, or null for none. */
type Wanted = [slug: string, version: number | null];

/** How many addresses of the archive and of the index are compared at a time. */
const COMPARE_CHUNK = 2000;

/**
 * Every published address against every indexed one, in the order of their slugs, a chunk of each
 * at a time: yields only those that differ, so a whole archive is never held at once. Once per
 * process, when the index may be behind by anything.
 */
function* wholeArchive(current: SearchState): Generator<Wanted> {
  const catalog = archiveCatalog();
  current.comparedAt = catalog.generation();
  let after = "";
  for (;;) {
    const published = catalog.versionsAfter(after, COMPARE_CHUNK);
    const last = published.at(-1)?.[0];
    // The index's slugs up to the same place (all the rest, after the archive's last chunk).
    const indexed = new Map(current.index.versionsBetween(after, last ?? null));
    for (const [slug, version] of published) {
      if (indexed.get(slug) !== version) yield [slug, version];
      indexed.delete(slug);
    }
    for (const slug of indexed.keys()) yield [slug, null];
    if (last === undefined) return;
    after = last;
  }
}

/** Only the addresses a publishing pass changed. */
function changedAddresses(changes: readonly AddressChange[]): Wanted[] {
  return changes.map((change) => [change.slug, change.after?.version ?? null]);
}

/**
 * The work that brings the index in step, one batch per step: reports published or changed are
 * indexed, those deleted or made drafts again taken out. Only what differs is touched.
 */
function* syncSteps(current: SearchState, wanted: Iterable<Wanted>, stepMs: number): Generator<void, number> {
  const pending = wanted[Symbol.iterator]();
  let indexedNow = 0;
  let removedNow = 0;
  for (let next = pending.next(); !next.done;) {
    const started = performance.now();
    current.index.transaction(() => {
      do {
        const [slug, version] = next.value;
        next = pending.next();
        // Another process sharing the file may have indexed it meanwhile.
        const indexed = current.index.versionsOf([slug]).get(slug);
        if (version === null) {
          if (indexed !== undefined) {
            current.index.remove(slug);
            removedNow += 1;
          }
          continue;
        }
        if (indexed === version) continue;
        const found = archiveCatalog().bySlug(slug);
        if (!found || found.version !== version) continue;
        current.index.upsert({ ...searchDocument(loadWholeReport(found)), version: found.version });
        indexedNow += 1;
      } while (!next.done && performance.now() - started < stepMs);
    });
    yield;
  }
  if (indexedNow >= OPTIMIZE_AFTER) while (current.index.mergeStep()) yield;
  return indexedNow + removedNow;
}

/**
 * Brings the index in step now, outside the live server (the build, `next dev`): compared as a
 * whole when the store changed since. The live server's watcher keeps it in step. Returns how many
 * reports were indexed or taken out, and whether the archive was compared at all.
 */
export function syncSearchIndex(): { changed: number; compared: boolean } {
  const current = state();
  if (isLiveArchive() || current.catchingUp) return { changed: 0, compared: false };
  const generation = archiveCatalog().generation();
  if (current.comparedAt === generation) return { changed: 0, compared: false };
  // Brought in step with this very store by an earlier build, and nothing written to the store
  // since: comparing 500,000 versions again would find nothing.
  if (current.index.comparedWith() === generation) {
    current.comparedAt = generation;
    return { changed: 0, compared: false };
  }
  const steps = syncSteps(current, wholeArchive(current), UNATTENDED_STEP_MS);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      current.index.recordCompared(current.comparedAt);
      return { changed: step.value, compared: true };
    }
  }
}

/**
 * The publishing watcher's way: the changes of a pass, in short steps each followed by a pause as
 * long, so that a first start on a large archive indexes it while pages are served and published.
 * The first call in a process compares the whole archive (what changed while no server ran).
 */
export async function catchUpSearchIndex(changes: readonly AddressChange[]): Promise<void> {
  const current = state();
  if (current.catchingUp) {
    current.pending.push(...changes);
    return;
  }
  current.catchingUp = true;
  try {
    let wanted: Iterable<Wanted> = current.comparedAt < 0 ? wholeArchive(current) : changedAddresses(changes);
    for (;;) {
      const steps = syncSteps(current, wanted, SYNC_STEP_MS);
      for (;;) {
        const started = performance.now();
        if (steps.next().done) break;
        // As long a pause as the step took: readers' requests get at least half of the time.
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, performance.now() - started)));
      }
      if (current.pending.length === 0) break;
      wanted = changedAddresses(current.pending.splice(0));
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
  syncSearchIndex();
  const catalog = archiveCatalog();
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
    const found = catalog.bySlug(slug);
    if (!found) return [];
    const { report } = found;
    const whole = loadWholeReport(found);
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
/** People and topics matched by name are looked for among the most reported this many of each kind, so a suggestion costs the same at any archive size. */
const NAMES_SCANNED = 5000;

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
  const people = getPeople(NAMES_SCANNED)
    .filter((person) => startsWords(person.name, query))
    .slice(0, SUGGESTIONS_PER_KIND)
    .map((person) => ({ kind: "người" as const, label: person.name, href: routes.person(person.slug) }));
  const topics = [...getTopTopics("category", NAMES_SCANNED), ...getTopTopics("tag", NAMES_SCANNED)]
    .filter((topic) => startsWords(topic.name, query))
    .slice(0, SUGGESTIONS_PER_KIND)
    .map((topic) => ({
      kind: "chủ đề" as const,
      label: topic.name,
      href: topic.kind === "tag" ? routes.tag(topic.slug) : routes.category(topic.slug),
    }));
  const catalog = archiveCatalog();
  const titles = state()
    .index.titlesStartingWith(text, SUGGESTIONS_PER_KIND)
    .flatMap((slug) => catalog.bySlug(slug)?.report ?? [])
    .map((report) => ({ kind: "bài" as const, label: report.title, href: routes.report(report.slug) }));
  return [...titles, ...people, ...topics];
}
