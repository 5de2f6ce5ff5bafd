import { z } from "zod";
import { frontMatterSchema, WORKFLOW_FIELDS } from "../content/refresh";

// The editors' form is drawn from the front-matter contract: every field of
// lib/content/schema.ts becomes an input of its kind, with the contract's own description as its
// hint, so a field added there appears in the form without the form being edited.

export type FieldKind = "text" | "date" | "boolean" | "choice" | "text-list" | "group" | "group-list";

export interface FormField {
  name: string;
  kind: FieldKind;
  label: string;
  hint: string;
  required: boolean;
  /** The fields of a group (`source`) or of each item of a list of groups (`attendees`). */
  fields?: FormField[];
  /** A choice's values, each with its label in the editors' words ("" is none). */
  options?: Array<{ value: string; label: string }>;
}

/** Labels in the editors' words; a field without one shows its name until it gets one. */
const LABELS: Record<string, string> = {
  title: "Tiêu đề",
  date: "Ngày giờ",
  updated: "Sửa lần cuối",
  summary: "Tóm tắt",
  slug: "Địa chỉ bài",
  category: "Chuyên mục",
  tags: "Chủ đề",
  location: "Địa điểm",
  author: "Tác giả",
  source: "Nguồn",
  cover: "Ảnh đại diện",
  draft: "Bản nháp",
  attendees: "Người tham dự",
  attendeeGroups: "Nhóm tham dự",
  corrections: "Đính chính",
  status: "Trạng thái",
  owner: "Người viết",
  review: "Gửi duyệt",
  returned: "Trả lại",
  featured: "Trên trang nhất",
  at: "Lúc",
  note: "Nội dung",
  name: "Tên",
  url: "Địa chỉ web",
  id: "Mã phân biệt",
  rank: "Cấp bậc",
  role: "Chức vụ",
};

/** A choice's values in the editors' words. */
const CHOICE_LABELS: Record<string, string> = {
  "tin-chinh": "Tin chính (đầu trang, ảnh lớn)",
  "noi-bat": "Tin nổi bật",
};

/** A field's label in the editors' words. */
export function fieldLabel(name: string): string {
  return LABELS[name] ?? name;
}

/** The schema under optional(), default() and a date's transform. */
function base(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    return base(schema.unwrap() as z.ZodType);
  return schema;
}

function kindOf(schema: z.ZodType): { kind: FieldKind; element?: z.ZodType } {
  const inner = base(schema);
  if (inner instanceof z.ZodPipe) return { kind: "date" };
  if (inner instanceof z.ZodBoolean) return { kind: "boolean" };
  if (inner instanceof z.ZodEnum) return { kind: "choice" };
  if (inner instanceof z.ZodObject) return { kind: "group" };
  if (inner instanceof z.ZodArray) {
    const element = base(inner.element as z.ZodType);
    return element instanceof z.ZodObject ? { kind: "group-list", element } : { kind: "text-list" };
  }
  return { kind: "text" };
}

function fieldsOf(shape: Record<string, z.ZodType>): FormField[] {
  return Object.entries(shape).map(([name, schema]) => {
    const { kind, element } = kindOf(schema);
    const inner = base(schema);
    const group =
      kind === "group" ? (inner as z.ZodObject) : kind === "group-list" ? (element as z.ZodObject) : null;
    return {
      name,
      kind,
      label: LABELS[name] ?? name,
      hint: schema.description ?? "",
      required: !schema.safeParse(undefined).success,
      ...(group ? { fields: fieldsOf(group.shape as Record<string, z.ZodType>) } : {}),
      ...(inner instanceof z.ZodEnum
        ? {
            options: (inner.options as string[]).map((value) => ({
              value,
              label: CHOICE_LABELS[value] ?? value,
            })),
          }
        : {}),
    };
  });
}

const SERVER_WRITTEN = new Set<string>(WORKFLOW_FIELDS);

/** The form's fields, in the contract's order: all but the workflow's, which the server writes. */
export function reportFormFields(): FormField[] {
  return fieldsOf(frontMatterSchema.shape as Record<string, z.ZodType>).filter(
    (field) => !SERVER_WRITTEN.has(field.name),
  );
}
