import type { Abbreviation, TextPart } from "./glossary";
import type { Attendee, Correction, FrontPagePlace, ReportStatus } from "./schema";

export type { Abbreviation, Attendee, Correction, FrontPagePlace, ReportStatus };

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
  /** Where an editor put it on the front page; null: placed by time. */
  featured: FrontPagePlace | null;
  /** Hidden from readers: `draft: true`, or a workflow status other than published. */
  draft: boolean;
  /** Where it stands in the newsroom's workflow (issue 27). */
  workflow: ReportWorkflow;
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

/** A report's place in the workflow, from its front matter. */
export interface ReportWorkflow {
  /** As written; null when the file says none (published, unless `draft: true`). */
  status: ReportStatus | null;
  /** The account that wrote it; null for a file made by hand. */
  owner: string | null;
  /** Sent for review: by whom, when. */
  review: { by: string; at: Date } | null;
  /** Sent back by an editor, with what to fix. */
  returned: { by: string; at: Date; note: string } | null;
  /** Released with a date still to come when read: hidden until then, and published at that time. */
  scheduledFor: Date | null;
}

/** What listings need: everything but the body, so pages of links stay small. */
export type ReportSummary = Omit<Report, "body" | "figures" | "abbreviations" | "text">;
