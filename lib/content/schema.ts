import { z } from "zod";
import { parseReportDate } from "../dates";
import { isValidSlug } from "../slugs";

const text = (what: string) =>
  z
    .string({ error: `phải là một đoạn chữ (${what})` })
    .trim()
    .min(1, { error: `không được để trống (${what})` });

const DATE_EXPECTED = "viết theo ISO 8601, ví dụ 2021-01-12T08:00:00+07:00 (không ghi múi giờ thì hiểu là giờ Việt Nam)";

const dateText = z
  .string({ error: `phải là ngày tháng; ${DATE_EXPECTED}` })
  .transform((value, context) => {
    const date = parseReportDate(value);
    if (date) return date;
    context.addIssue({ code: "custom", message: `“${value}” không phải ngày hợp lệ; ${DATE_EXPECTED}` });
    return z.NEVER;
  });

const publicPath = z
  .string({ error: "phải là đường dẫn ảnh bắt đầu bằng /, ví dụ /images/bai-viet/anh-1.jpg" })
  .regex(/^\/[^\s]+$/, { error: "phải là đường dẫn bắt đầu bằng /, ví dụ /images/bai-viet/anh-1.jpg" });

export const attendeeSchema = z.strictObject({
  name: text("họ tên người tham dự"),
  rank: text("cấp bậc, ví dụ Đại tá").optional(),
  role: text("chức vụ").optional(),
});

/** The front-matter contract editors rely on; the README's table of fields describes it. */
export const frontMatterSchema = z.strictObject({
  title: text("tiêu đề bài viết"),
  date: dateText,
  updated: dateText.optional(),
  summary: text("tóm tắt").optional(),
  slug: z
    .string({ error: "phải là một đoạn chữ" })
    .refine(isValidSlug, { error: "chỉ gồm chữ thường không dấu a-z, số 0-9 và dấu gạch ngang" })
    .optional(),
  category: text("chuyên mục").optional(),
  tags: z.array(text("thẻ"), { error: "phải là một danh sách, mỗi dòng bắt đầu bằng “- ”" }).default([]),
  location: text("địa điểm").optional(),
  author: text("tác giả").optional(),
  source: z
    .strictObject(
      {
        name: text("tên nguồn"),
        url: z.url({ protocol: /^https?$/, error: "phải là địa chỉ web bắt đầu bằng http:// hoặc https://" }),
      },
      { error: "phải gồm name (tên nguồn) và url (địa chỉ web)" },
    )
    .optional(),
  cover: publicPath.optional(),
  draft: z.boolean({ error: "phải là true hoặc false" }).default(false),
  attendees: z.array(attendeeSchema, { error: "phải là một danh sách người tham dự" }).default([]),
  attendeeGroups: z.array(text("nhóm tham dự"), { error: "phải là một danh sách" }).default([]),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Attendee = z.infer<typeof attendeeSchema>;
export const FRONT_MATTER_FIELDS = Object.keys(frontMatterSchema.shape);
