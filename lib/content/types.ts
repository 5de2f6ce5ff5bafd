import type { Abbreviation, TextPart } from "./glossary";
import type { Attendee, Correction } from "./schema";

export type { Abbreviation, Attendee, Correction };

/** A photo standing alone in its paragraph: shown as a figure with caption and credit. */
export interface Figure {
  src: string;
  alt: string;
  caption: string;
  /** The caption with the first use of each abbreviation marked. */
  captionParts: TextPart[];
  credit: string | null;
  width: number;
  height: number;
}

/** The body in reading order: sanitized HTML between the figures. */
export type BodyBlock = { kind: "html"; html: string } | { kind: "figure"; figure: Figure };

export interface Source {
  name: string;
  url: string;
}

export interface Report {
  slug: string;
  /** Path of the Markdown file, relative to the content folder: for error messages. */
  file: string;
  title: string;
  date: Date;
  updated: Date | null;
  /** Corrections readers are told of, as written (oldest first). */
  corrections: Correction[];
  /** The editor's summary, or the first paragraph's text when there is none. */
  summary: string;
  /** True when the summary was written by an editor, not taken from the first paragraph. */
  hasOwnSummary: boolean;
  category: string | null;
  tags: string[];
  location: string | null;
  author: string | null;
  source: Source | null;
  cover: Figure | null;
  draft: boolean;
  attendees: Attendee[];
  attendeeGroups: string[];
  body: BodyBlock[];
  figures: Figure[];
  /** Abbreviations used in the body, with their expansions, in order of first use. */
  abbreviations: Abbreviation[];
  /** Minutes a reader needs, rounded, at least one: "3 phút đọc". */
  readingMinutes: number;
  /** The body's text without markup (photos give their alt text, not their captions): what search reads. */
  text: string;
}

/** What listings need: everything but the body, so pages of links stay small. */
export type ReportSummary = Omit<Report, "body" | "figures" | "abbreviations" | "text">;
