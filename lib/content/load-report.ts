import { readFileSync } from "node:fs";
import path from "node:path";
import { isValidSlug } from "../slugs";
import { FrontMatterSyntaxError, readFrontMatter } from "./front-matter";
import { readPublicImageSize } from "./images";
import { parseBody, type FigureSource } from "./markdown";
import type { ContentProblem } from "./problems";
import { frontMatterSchema } from "./schema";
import type { BodyBlock, Figure, Report } from "./types";

export type LoadResult = { report: Report; problems: [] } | { report: null; problems: ContentProblem[] };

function fieldName(pathParts: PropertyKey[]): string {
  return pathParts
    .map((part, index) => (typeof part === "number" ? `[${part + 1}]` : `${index > 0 ? "." : ""}${String(part)}`))
    .join("");
}

/** Reads, validates and renders one report file. Never throws for bad content: it reports it. */
export function loadReport(contentDir: string, fileName: string): LoadResult {
  const file = fileName;
  const source = readFileSync(/*turbopackIgnore: true*/ path.join(contentDir, fileName), "utf8").normalize("NFC");
  const problems: ContentProblem[] = [];
  const fail = (field: string | null, message: string, line?: number): LoadResult => {
    problems.push({ file, field, message, line });
    return { report: null, problems };
  };

  let raw;
  try {
    raw = readFrontMatter(source);
  } catch (error) {
    if (error instanceof FrontMatterSyntaxError) {
      return fail(null, `phần đầu (YAML) viết sai: ${error.message}`, error.line);
    }
    throw error;
  }

  const parsed = frontMatterSchema.safeParse(raw.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, field: fieldName(issue.path) || null, message: issue.message });
    }
  }

  const body = parseBody(raw.body);
  if (body.blocks.length === 0) problems.push({ file, field: "nội dung", message: "bài viết chưa có nội dung" });

  const withSize = (figure: FigureSource, field: string): Figure | null => {
    const size = readPublicImageSize(figure.src);
    if (typeof size === "string") {
      problems.push({ file, field, message: size });
      return null;
    }
    return { ...figure, ...size };
  };

  const blocks: BodyBlock[] = [];
  const figures: Figure[] = [];
  let photoNumber = 0;
  for (const block of body.blocks) {
    if (block.kind === "html") {
      blocks.push(block);
      continue;
    }
    photoNumber += 1;
    const figure = withSize(block.figure, `ảnh ${photoNumber}`);
    if (figure) {
      figures.push(figure);
      blocks.push({ kind: "figure", figure });
    }
  }

  if (!parsed.success || problems.length > 0) return { report: null, problems };
  const data = parsed.data;
  const slug = data.slug ?? path.basename(fileName, ".md");
  if (!isValidSlug(slug)) {
    return fail(
      "slug",
      `tên tệp “${fileName}” không dùng được làm địa chỉ bài; đổi tên tệp hoặc thêm slug: chỉ chữ thường không dấu, số và dấu gạch ngang`,
    );
  }
  const cover = data.cover
    ? withSize({ src: data.cover, alt: "", caption: "", credit: null }, "cover")
    : (figures[0] ?? null);
  if (problems.length > 0) return { report: null, problems };

  const report: Report = {
    slug,
    file,
    title: data.title,
    date: data.date,
    updated: data.updated ?? null,
    summary: data.summary ?? body.firstParagraph ?? "",
    hasOwnSummary: data.summary !== undefined,
    category: data.category ?? null,
    tags: data.tags,
    location: data.location ?? null,
    author: data.author ?? null,
    source: data.source ?? null,
    cover,
    draft: data.draft,
    attendees: data.attendees,
    attendeeGroups: data.attendeeGroups,
    body: blocks,
    figures,
  };
  return { report, problems: [] };
}
