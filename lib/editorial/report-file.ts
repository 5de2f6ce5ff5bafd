import { isDeepStrictEqual } from "node:util";
import { CORE_SCHEMA, dump } from "js-yaml";
import { readFrontMatter, FRONT_MATTER_FIELDS } from "../content/refresh";

// A report file as the editors' form sees it, and back: its front matter as data and
// its Markdown body. Saving what was opened and not changed gives back the very same bytes;
// saving a change writes the fields in the contract's order, and is read back before it is
// returned, so a value that would not survive the trip is an error, never a quiet change.

export interface ReportDraft {
  /** The front matter as YAML data: text, lists, groups of fields. */
  data: Record<string, unknown>;
  /** The Markdown after the front matter, as written. */
  body: string;
}

export class ReportFileError extends Error {}

export function openReportFile(source: string): ReportDraft {
  const { data, body } = readFrontMatter(source);
  return { data, body };
}

/** An empty text, list or group is no value: the field is left out of the file. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => !isEmpty(inner))
        .map(([key, inner]) => [key, withoutEmpty(inner)]),
    );
  }
  return value;
}

/** The contract's fields first, in its order, then any other (the checks will name them). */
function ordered(data: Record<string, unknown>): Record<string, unknown> {
  const known = FRONT_MATTER_FIELDS.filter((field) => field in data);
  const others = Object.keys(data).filter((field) => !FRONT_MATTER_FIELDS.includes(field));
  return Object.fromEntries([...known, ...others].map((field) => [field, data[field]]));
}

/**
 * The file's text for a draft. `original`, the file as it was opened: when the draft says the
 * same, its bytes are kept as they were (comments, quoting, order and all).
 */
export function reportFileText(draft: ReportDraft, original?: string): string {
  const data = withoutEmpty(ordered(draft.data)) as Record<string, unknown>;
  if (original !== undefined) {
    const before = openReportFile(original);
    if (before.body === draft.body && isDeepStrictEqual(withoutEmpty(before.data), data)) return original;
  }
  const yaml =
    Object.keys(data).length > 0 ? dump(data, { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true }) : "";
  const text = `---\n${yaml}---\n${draft.body}`;
  const after = openReportFile(text);
  if (after.body !== draft.body || !isDeepStrictEqual(after.data, data)) {
    throw new ReportFileError("Không lưu được: nội dung không giữ nguyên khi ghi ra tệp.");
  }
  return text;
}
