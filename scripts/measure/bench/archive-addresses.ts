// The synthetic archive of the archive-scale bench, written file by file, and the addresses a
// reader could ask for in it: reports, listing pages, topics, people and months, in the mix the
// random requests draw from. Only counts per topic, person and month are kept, never the reports.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { slugify } from "../../../lib/slugs";
import { MAYOR, seededRandom, syntheticReportFiles } from "./synthetic-reports";

const REPORTS_PER_PAGE = 20;

export const PAGE_KINDS = ["report", "listing", "topic", "person", "month"] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** Shares of the random requests, in PAGE_KINDS order. */
const KIND_WEIGHTS: Record<PageKind, number> = { report: 40, listing: 15, topic: 20, person: 15, month: 10 };

export interface ArchiveCatalogue {
  slugs: string[];
  /** Topic slug → reports. */
  tags: Map<string, number>;
  categories: Map<string, number>;
  people: Map<string, number>;
  /** "YYYY/MM" in Vietnam time → reports. */
  months: Map<string, number>;
  mayor: { slug: string; reports: number };
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** "2024/03": the month of a date in Vietnam (UTC+7, no daylight saving). */
function vietnamMonth(date: Date): string {
  const local = new Date(date.getTime() + 7 * 3_600_000);
  return `${local.getUTCFullYear()}/${String(local.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Writes `reports` files of the archive shape into `directory`, one at a time. */
export function writeArchive(reports: number, directory: string): ArchiveCatalogue {
  mkdirSync(directory, { recursive: true });
  const catalogue: ArchiveCatalogue = {
    slugs: [],
    tags: new Map(),
    categories: new Map(),
    people: new Map(),
    months: new Map(),
    mayor: { slug: slugify(MAYOR.name), reports: 0 },
  };
  for (const file of syntheticReportFiles(reports, 2021, "archive")) {
    writeFileSync(path.join(directory, file.name), file.text);
    catalogue.slugs.push(file.slug);
    for (const tag of file.tags) count(catalogue.tags, slugify(tag));
    count(catalogue.categories, slugify(file.category));
    for (const person of file.people) count(catalogue.people, slugify(person));
    count(catalogue.months, vietnamMonth(file.date));
  }
  catalogue.mayor.reports = catalogue.people.get(catalogue.mayor.slug) ?? 0;
  return catalogue;
}

export interface Address {
  kind: PageKind;
  path: string;
}

/** Draws reader addresses from the catalogue, deterministically for a seed. */
export function addressPicker(catalogue: ArchiveCatalogue, seed = 7): () => Address {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const tags = [...catalogue.tags];
  const categories = [...catalogue.categories];
  const people = [...catalogue.people.keys()];
  const months = [...catalogue.months.keys()];
  const listingPages = Math.ceil(catalogue.slugs.length / REPORTS_PER_PAGE);
  const total = PAGE_KINDS.reduce((sum, kind) => sum + KIND_WEIGHTS[kind], 0);
  /** Page 1 most often, then a later one of the first few. */
  const page = (reports: number) => {
    const pages = Math.min(5, Math.ceil(reports / REPORTS_PER_PAGE));
    return random() < 0.7 || pages < 2 ? 1 : 2 + Math.floor(random() * (pages - 1));
  };
  const paths: Record<PageKind, () => string> = {
    report: () => `/bai-viet/${pick(catalogue.slugs)}`,
    listing: () => {
      const n = random() < 0.3 ? 1 : 2 + Math.floor(random() * Math.max(1, Math.min(24, listingPages - 1)));
      return n === 1 || n > listingPages ? "/" : `/trang/${n}`;
    },
    topic: () => {
      const root = random() < 0.7 ? "chu-de" : "chuyen-muc";
      const [slug, reports] = pick(root === "chu-de" ? tags : categories);
      const n = page(reports);
      return n === 1 ? `/${root}/${slug}` : `/${root}/${slug}/trang/${n}`;
    },
    person: () => `/nguoi/${pick(people)}`,
    month: () => `/luu-tru/${pick(months)}`,
  };
  return () => {
    let roll = random() * total;
    const kind = PAGE_KINDS.find((candidate) => (roll -= KIND_WEIGHTS[candidate]) < 0) ?? "report";
    return { kind, path: paths[kind]() };
  };
}
