import { readFileSync } from "node:fs";
import path from "node:path";
import { closest, distance } from "fastest-levenshtein";
import type { core } from "zod";
import { isValidSlug } from "../slugs";
import { FrontMatterSyntaxError, FrontMatterTooLargeError, readFrontMatter } from "./front-matter";
import { type Glossary, loadGlossary } from "./glossary";
import { readPublicImageSize } from "./images";
import {
  BODY_MAX_BYTES,
  byteLength,
  CAPTION_MAX_CHARACTERS,
  firstTooDeep,
  isAliasRefusal,
  limitMessages,
} from "./limits";
import { parseBody, type FigureSource } from "./markdown";
import { BODY_FIELD, type ContentProblem } from "./problems";
import { frontMatterSchema, isWithheldStatus, knownFieldsAt } from "./schema";
import type { BodyBlock, Figure, Report, ReportSummary } from "./types";

export type LoadResult<R extends ReportSummary = Report> = {
  warnings: ContentProblem[];
  /** Every photo the file refers to, found or not: a photo copied in later can make it valid. */
  photos: string[];
} & (
  | { report: R; problems: [] }
  | { report: null; problems: ContentProblem[] }
);

/** "attendees[2].name": how an editor finds the field in the file (people counted from 1). */
function fieldName(pathParts: readonly PropertyKey[]): string {
  return pathParts
    .map((part, index) => (typeof part === "number" ? `[${part + 1}]` : `${index > 0 ? "." : ""}${String(part)}`))
    .join("");
}

function unknownFieldMessage(key: string, known: string[]): string {
  const nearest = known.length > 0 ? closest(key, known) : null;
  const hint =
    nearest && distance(key, nearest) <= Math.max(2, Math.floor(key.length / 3))
      ? ` Có phải ý bạn là “${nearest}”?`
      : "";
  return `không phải trường đã biết.${hint} Các trường dùng được: ${known.join(", ")}`;
}

function problemsFromSchema(file: string, issues: core.$ZodIssue[]): ContentProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      const known = knownFieldsAt(issue.path);
      return issue.keys.map((key) => ({
        file,
        field: fieldName([...issue.path, key]),
        message: unknownFieldMessage(key, known),
      }));
    }
    return [{ file, field: fieldName(issue.path) || null, message: issue.message }];
  });
}

/** The headline length Google's article guidelines long asked for: a longer one may be cut in its results. */
export const HEADLINE_MAX_CHARACTERS = 110;

// Vietnamese is read syllable by syllable; about 220 a minute on a phone.
const SYLLABLES_PER_MINUTE = 220;

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / SYLLABLES_PER_MINUTE));
}

/** An editor who leaves `category:` empty means "no category", not "a category that is null". */
function withoutEmptyValues(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== ""));
}

/** Reads, validates and renders one report file. Never throws for bad content: it reports it. */
export function loadReport(
  contentDir: string,
  fileName: string,
  glossary: Glossary = loadGlossary(contentDir),
): LoadResult {
  const file = fileName;
  const source = readFileSync(/*turbopackIgnore: true*/ path.join(contentDir, fileName), "utf8").normalize("NFC");
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];

  let raw;
  try {
    raw = readFrontMatter(source);
  } catch (error) {
    if (error instanceof FrontMatterTooLargeError) {
      problems.push({ file, field: null, message: limitMessages.frontMatter(error.bytes) });
      return { report: null, problems, warnings, photos: [] };
    }
    if (!(error instanceof FrontMatterSyntaxError)) throw error;
    if (isAliasRefusal(error.message)) {
      problems.push({ file, field: null, line: error.line, message: limitMessages.aliases });
      return { report: null, problems, warnings, photos: [] };
    }
    problems.push({
      file,
      field: null,
      line: error.line,
      message: `phần đầu bài (giữa hai dòng ---) sai cú pháp YAML${error.line ? ` ở dòng ${error.line}` : ""} (${error.message}); kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách và dấu ngoặc kép đóng mở đủ`,
    });
    return { report: null, problems, warnings, photos: [] };
  }

  const parsed = frontMatterSchema.safeParse(withoutEmptyValues(raw.data));
  if (!parsed.success) problems.push(...problemsFromSchema(file, parsed.error.issues));

  // Refused before parsing: the parser's time grows with these faster than with the text.
  const bodyBytes = byteLength(raw.body);
  const tooDeep = bodyBytes > BODY_MAX_BYTES ? null : firstTooDeep(raw.body);
  if (bodyBytes > BODY_MAX_BYTES || tooDeep) {
    const message =
      bodyBytes > BODY_MAX_BYTES
        ? limitMessages.body(bodyBytes)
        : tooDeep?.kind === "block"
          ? limitMessages.nesting(tooDeep.depth, tooDeep.line)
          : tooDeep?.kind === "marks"
            ? limitMessages.marks(tooDeep.depth)
            : limitMessages.inlineNesting(tooDeep?.depth ?? 0, tooDeep?.line ?? 0);
    problems.push({ file, field: BODY_FIELD, message });
    return { report: null, problems, warnings, photos: [] };
  }

  let body: ReturnType<typeof parseBody>;
  try {
    body = parseBody(raw.body, glossary);
  } catch (error) {
    // remark recurses once per nesting level: thousands of nested ">" or "*" overflow the stack.
    if (!(error instanceof RangeError)) throw error;
    problems.push({
      file,
      field: BODY_FIELD,
      message: "văn bản lồng nhau quá sâu (hàng nghìn dấu > hoặc *); cần bỏ bớt các lớp lồng nhau",
    });
    return { report: null, problems, warnings, photos: [] };
  }
  if (body.blocks.length === 0) {
    problems.push({ file, field: BODY_FIELD, message: "bài chưa có nội dung; cần ít nhất một đoạn văn dưới dòng --- thứ hai" });
  }

  if (body.unknownAbbreviations.length > 0) {
    warnings.push({
      file,
      field: BODY_FIELD,
      message: `chữ viết tắt chưa có trong content/chu-viet-tat.yml: ${body.unknownAbbreviations.join(", ")}; thêm nghĩa đầy đủ để người đọc hiểu`,
    });
  }

  const photos: string[] = [];
  const withSize = (figure: FigureSource, field: string): Figure | null => {
    photos.push(figure.src);
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
    const field = `ảnh ${photoNumber}`;
    if (!block.figure.alt) {
      warnings.push({ file, field, message: "ảnh chưa có mô tả (chữ trong [ ]) cho người không xem được ảnh" });
    }
    if (!block.figure.caption) {
      warnings.push({ file, field, message: "ảnh chưa có chú thích (chữ trong ngoặc kép sau đường dẫn)" });
    }
    const captionLength = block.figure.caption.length + (block.figure.credit?.length ?? 0);
    if (captionLength > CAPTION_MAX_CHARACTERS) {
      problems.push({ file, field, message: limitMessages.caption(captionLength) });
      continue;
    }
    const figure = withSize(block.figure, field);
    if (figure) {
      figures.push(figure);
      blocks.push({ kind: "figure", figure });
    }
  }

  const data = parsed.success ? parsed.data : null;
  const cover = data?.cover ? withSize({ src: data.cover, alt: "", caption: "", captionParts: [], credit: null }, "cover") : null;
  const slug = data?.slug ?? path.basename(fileName, ".md");
  if (data && !isValidSlug(slug)) {
    problems.push({
      file,
      field: "slug",
      message: `tên tệp “${fileName}” không dùng được làm địa chỉ bài; đổi tên tệp hoặc thêm slug: chỉ chữ thường không dấu, số và dấu gạch ngang`,
    });
  }
  const titleLength = data ? Array.from(data.title).length : 0;
  if (titleLength > HEADLINE_MAX_CHARACTERS) {
    warnings.push({
      file,
      field: "title",
      message: `tiêu đề dài ${titleLength} ký tự, quá ${HEADLINE_MAX_CHARACTERS} ký tự; Google có thể cắt bớt tiêu đề dài trong kết quả tìm kiếm, nên rút gọn`,
    });
  }
  if (data && !data.summary) {
    warnings.push({ file, field: "summary", message: "chưa có tóm tắt; trang chủ và bản xem trước khi chia sẻ sẽ dùng đoạn đầu tiên" });
  }
  if (!data || problems.length > 0) return { report: null, problems, warnings, photos };

  // Released with a date still to come: scheduled, hidden until then (the store reads it again
  // once that time has passed, and publishing follows as for a new report).
  const withheld = data.draft || isWithheldStatus(data.status);
  const scheduled = !withheld && data.date.getTime() > Date.now();
  const report: Report = {
    slug,
    file,
    title: data.title,
    date: data.date,
    updated: data.updated ?? null,
    corrections: data.corrections,
    summary: data.summary ?? body.firstParagraph ?? "",
    hasOwnSummary: data.summary !== undefined,
    category: data.category ?? null,
    tags: data.tags,
    location: data.location ?? null,
    author: data.author ?? null,
    source: data.source ?? null,
    cover: cover ?? figures[0] ?? null,
    featured: data.featured ?? null,
    draft: withheld || scheduled,
    workflow: {
      status: data.status ?? null,
      owner: data.owner ?? null,
      review: data.review ?? null,
      returned: data.returned ?? null,
      scheduledFor: scheduled ? data.date : null,
    },
    attendees: data.attendees,
    attendeeGroups: data.attendeeGroups,
    body: blocks,
    figures,
    abbreviations: body.abbreviations,
    readingMinutes: readingMinutes(body.wordCount),
    text: body.text,
  };
  return { report, problems: [], warnings, photos };
}
