import { isDeepStrictEqual } from "node:util";
import { readFrontMatter } from "../content/refresh";
import { fieldLabel } from "../report-form/form-fields";
import { wordCounts } from "./word-diff";

// What a version changed, in the words an editor would use: "sửa tiêu đề", "thêm 2 ảnh",
// "+120 / −14 chữ". Works on any two texts of a report file, valid or not.

export interface ReportVersionText {
  data: Record<string, unknown>;
  body: string;
}

/** A file's text as fields and body; a text whose front matter cannot be read is all body. */
export function splitReportText(text: string): ReportVersionText {
  try {
    const { data, body } = readFrontMatter(text);
    return { data, body };
  } catch {
    return { data: {}, body: text };
  }
}

// `updated` changes with every save of a published report: saying so would say nothing.
const UNSAID_FIELDS = new Set(["updated", "corrections"]);
const PHOTO = /!\[[^\]]*\]\(\s*<?([^\s)>]+)/g;

/** The photos a version shows: its cover and those in its body, by address. */
export function photosOf(version: ReportVersionText): string[] {
  const photos = [...version.body.matchAll(PHOTO)].map((match) => match[1] ?? "");
  const cover = version.data.cover;
  if (typeof cover === "string") photos.unshift(cover);
  else if (cover && typeof cover === "object" && "src" in cover && typeof cover.src === "string") {
    photos.unshift(cover.src);
  }
  return [...new Set(photos.filter(Boolean))];
}

const correctionCount = (data: Record<string, unknown>) =>
  Array.isArray(data.corrections) ? data.corrections.length : 0;

/** A version's text with its fields and body, read once however many comparisons use it. */
export interface ReadVersion extends ReportVersionText {
  text: string;
}

export function readVersion(text: string): ReadVersion {
  return { text, ...splitReportText(text) };
}

/** The title a report's text gives, or "". */
export function titleOf(version: ReportVersionText | null): string {
  const title = version?.data.title;
  return typeof title === "string" ? title : "";
}

/** The changes from `before` to `after` (null: the file did not exist), in words. */
export function describeChange(before: string | null, after: string | null): string[] {
  return describeVersions(
    before === null ? null : readVersion(before),
    after === null ? null : readVersion(after),
  );
}

/** The same, for versions already read. */
export function describeVersions(old: ReadVersion | null, now: ReadVersion | null): string[] {
  if (now === null) return ["xóa bài"];
  if (old === null) return ["tạo bài"];
  if (old.text === now.text) return ["không đổi nội dung"];
  const said: string[] = [];
  const fields = [...new Set([...Object.keys(now.data), ...Object.keys(old.data)])];
  for (const field of fields) {
    if (UNSAID_FIELDS.has(field) || field === "cover") continue;
    const was = old.data[field];
    const is = now.data[field];
    if (isDeepStrictEqual(was, is)) continue;
    const label = fieldLabel(field).toLocaleLowerCase("vi");
    said.push(was === undefined ? `thêm ${label}` : is === undefined ? `bỏ ${label}` : `sửa ${label}`);
  }
  if (correctionCount(now.data) > correctionCount(old.data)) said.unshift("đính chính");
  const oldPhotos = photosOf(old);
  const newPhotos = photosOf(now);
  const added = newPhotos.filter((photo) => !oldPhotos.includes(photo)).length;
  const removed = oldPhotos.filter((photo) => !newPhotos.includes(photo)).length;
  if (added > 0) said.push(`thêm ${added} ảnh`);
  if (removed > 0) said.push(`bỏ ${removed} ảnh`);
  const words = wordCounts(old.body, now.body);
  if (words.added > 0 || words.removed > 0) said.push(`+${words.added} / −${words.removed} chữ`);
  return said.length > 0 ? said : ["sửa cách viết"];
}
