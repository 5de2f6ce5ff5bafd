import { z } from "zod";
import { parseReportDate } from "../dates";
import { isValidSlug, MAX_SLUG_LENGTH } from "../slugs";

/** How a YAML value reads to an editor: "một danh sách", "một số", … */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "một danh sách";
  if (value === null) return "ô trống";
  switch (typeof value) {
    case "number":
      return `số ${value}`;
    case "boolean":
      return `giá trị ${value}`;
    case "object":
      return "một nhóm trường";
    case "string":
      return `chữ “${value}”`;
    default:
      return typeof value;
  }
}

/** Messages say what is wrong and what is expected, in the editor's words. */
function expected(what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `thiếu; cần ${what}`
      : `đang là ${describeValue(issue.input)}; cần ${what}`;
}

const text = (what: string) =>
  z
    .string({ error: expected(what) })
    .trim()
    .min(1, { error: `đang để trống; cần ${what}` });

const DATE_FORMAT =
  "ngày giờ theo ISO 8601, ví dụ 2021-01-12T08:00:00+07:00 hoặc 2021-01-12 (không ghi múi giờ là giờ Việt Nam)";

const dateText = z.string({ error: expected(DATE_FORMAT) }).transform((value, context) => {
  const date = parseReportDate(value);
  if (date) return date;
  context.addIssue({ code: "custom", message: `“${value}” không phải ngày hợp lệ; cần ${DATE_FORMAT}` });
  return z.NEVER;
});

const PHOTO_PATH = "đường dẫn ảnh trong public/, bắt đầu bằng /, ví dụ /images/ten-bai/anh-1.jpg";
const publicPath = z
  .string({ error: expected(PHOTO_PATH) })
  .regex(/^\/\S+$/, { error: `không phải đường dẫn hợp lệ; cần ${PHOTO_PATH}` });

export const attendeeSchema = z.strictObject(
  {
    name: text("họ tên người tham dự, ví dụ Nguyễn Mạnh Hùng"),
    id: z
      .string({ error: expected("mã phân biệt hai người trùng tên, ví dụ nguyen-van-a-cong-an") })
      .refine(isValidSlug, { error: "chỉ được có chữ thường không dấu a-z, số 0-9 và dấu gạch ngang" })
      .optional(),
    rank: text("cấp bậc, ví dụ Đại tá").optional(),
    role: text("chức vụ, ví dụ Phó Giám đốc Công an tỉnh").optional(),
  },
  { error: expected("một người: name, rank, role") },
);

/** Where a report stands in the newsroom's workflow (issue 27), as its front matter says. */
export const REPORT_STATUSES = ["ban-nhap", "cho-duyet", "da-dang", "da-go"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Where an editor puts a report on the front page: the lead story, or one of the top stories. */
export const FRONT_PAGE_PLACES = ["tin-chinh", "noi-bat"] as const;
export type FrontPagePlace = (typeof FRONT_PAGE_PLACES)[number];

/** The workflow's fields: written by the server as editors act (the form never posts them). */
export const WORKFLOW_FIELDS = ["status", "owner", "review", "returned"] as const;

/** Statuses that keep a report from readers, whatever `draft` says. */
export function isWithheldStatus(status: ReportStatus | undefined | null): boolean {
  return status === "ban-nhap" || status === "cho-duyet" || status === "da-go";
}

const byAccount = text("tên đăng nhập của tài khoản");

export const correctionSchema = z.strictObject(
  { at: dateText, note: text("nội dung đính chính: đã sửa gì") },
  { error: expected("một đính chính: at (lúc), note (nội dung)") },
);

/**
 * The front-matter contract editors rely on. The descriptions are the editors' table of fields
 * (docs/bien-tap/viet-bai.md; `npm run docs:fields` writes it), so the two cannot drift apart.
 */
export const frontMatterSchema = z.strictObject({
  title: text("tiêu đề bài viết").describe(
    "Tiêu đề bài viết. Nên giữ trong 110 ký tự: Google có thể cắt bớt tiêu đề dài hơn, và `npm run check-content` cảnh báo.",
  ),
  date: dateText.describe(
    "Ngày giờ diễn ra hoặc đăng bài, ISO 8601: `2021-01-12T08:00:00+07:00`, `2021-01-12T08:00` hoặc `2021-01-12`. Không ghi múi giờ là giờ Việt Nam. Còn ở tương lai: bài hẹn giờ, tự đăng đúng lúc đó.",
  ),
  updated: dateText.optional().describe("Ngày giờ sửa bài lần cuối, cùng cách viết với `date`."),
  summary: text("một hai câu tóm tắt")
    .optional()
    .describe("Một hai câu tóm tắt, hiện ở trang chủ và đầu bài. Để trống thì lấy đoạn đầu tiên."),
  slug: z
    .string({ error: expected("địa chỉ bài: chữ thường không dấu, số và dấu gạch ngang") })
    .refine(isValidSlug, {
      error: `chỉ được có chữ thường không dấu a-z, số 0-9 và dấu gạch ngang, tối đa ${MAX_SLUG_LENGTH} ký tự, ví dụ le-hoi-den-ca`,
    })
    .optional()
    .describe("Địa chỉ bài (`/bai-viet/<slug>`): chữ thường không dấu, số, dấu gạch ngang. Để trống thì lấy tên tệp."),
  category: text("tên chuyên mục").optional().describe("Chuyên mục, ví dụ `Quốc phòng - An ninh`."),
  tags: z
    .array(text("tên chủ đề"), { error: expected("một danh sách, ví dụ [Thành phố Vinh, Môi trường]") })
    .default([])
    .describe("Danh sách chủ đề, ví dụ `[Thành phố Vinh, Môi trường]`."),
  location: text("địa điểm").optional().describe("Nơi diễn ra sự việc."),
  author: text("tên tác giả").optional().describe("Tên phóng viên."),
  source: z
    .strictObject(
      {
        name: text("tên nguồn, ví dụ Báo Nghệ An"),
        url: z.url({
          protocol: /^https?$/,
          error: "không phải địa chỉ web; cần địa chỉ bắt đầu bằng http:// hoặc https://",
        }),
      },
      { error: expected("hai dòng name (tên nguồn) và url (địa chỉ web)") },
    )
    .optional()
    .describe("Nguồn gốc bài khi đăng lại: `name` (tên) và `url` (địa chỉ)."),
  cover: publicPath.optional().describe("Ảnh đại diện trong `public/`. Để trống thì lấy ảnh đầu tiên của bài."),
  featured: z
    .enum(FRONT_PAGE_PLACES, { error: expected("tin-chinh hoặc noi-bat") })
    .optional()
    .describe(
      "Chỗ trên trang nhất: `tin-chinh` (tin lớn đầu trang, ảnh to) hoặc `noi-bat` (một trong các tin nổi bật ngay dưới). Để trống: trang nhất xếp theo giờ đăng, bài mới nhất lên đầu.",
    ),
  draft: z
    .boolean({ error: expected("true (bản nháp) hoặc false (đăng)") })
    .default(false)
    .describe("`true`: bản nháp, chỉ xem được khi chạy `npm run dev`. `false` hoặc bỏ trống: đăng."),
  status: z
    .enum(REPORT_STATUSES, { error: expected("ban-nhap, cho-duyet, da-dang hoặc da-go") })
    .optional()
    .describe(
      "Trạng thái: `ban-nhap` (bản nháp), `cho-duyet` (đã gửi, chờ biên tập duyệt), `da-dang` (đăng; `date` còn ở tương lai thì bài tự đăng đúng giờ đó), `da-go` (đã gỡ). Bỏ trống: đăng, trừ khi `draft: true`. Trang biên tập tự ghi.",
    ),
  owner: byAccount
    .optional()
    .describe("Tài khoản đã viết bài: phóng viên chỉ sửa được bài của mình khi bài chưa đăng. Trang biên tập tự ghi."),
  review: z
    .strictObject(
      { by: byAccount, at: dateText },
      { error: expected("hai dòng by (tài khoản gửi) và at (lúc gửi)") },
    )
    .optional()
    .describe("Ai gửi bài chờ duyệt (`by`) và lúc nào (`at`). Trang biên tập tự ghi."),
  returned: z
    .strictObject(
      { by: byAccount, at: dateText, note: text("ghi chú cho phóng viên: cần sửa gì") },
      { error: expected("ba dòng by (ai trả), at (lúc), note (cần sửa gì)") },
    )
    .optional()
    .describe("Biên tập trả bài lại: ai (`by`), lúc nào (`at`), cần sửa gì (`note`). Trang biên tập tự ghi."),
  attendees: z
    .array(attendeeSchema, { error: expected("một danh sách người, mỗi người bắt đầu bằng “- name:”") })
    .default([])
    .describe(
      "Người tham dự: mỗi người có `name` (bắt buộc), `rank` (cấp bậc), `role` (chức vụ), và `id` khi cần phân biệt hai người trùng tên.",
    ),
  attendeeGroups: z
    .array(text("tên nhóm"), { error: expected("một danh sách nhóm") })
    .default([])
    .describe("Nhóm tham dự không nêu tên, ví dụ `Đại diện các phòng ban`."),
  corrections: z
    .array(correctionSchema, { error: expected("một danh sách đính chính, mỗi mục bắt đầu bằng “- at:”") })
    .default([])
    .describe(
      "Đính chính, bạn đọc thấy ở cuối bài: mỗi mục có `at` (lúc đính chính, cùng cách viết với `date`) và `note` (đã sửa gì). Trang biên tập tự thêm khi lưu có đánh dấu đính chính.",
    ),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Attendee = z.infer<typeof attendeeSchema>;
export type Correction = z.infer<typeof correctionSchema>;

export const FRONT_MATTER_FIELDS = Object.keys(frontMatterSchema.shape);

/** The field names allowed at a path of the front matter: for "did you mean" hints. */
export function knownFieldsAt(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return FRONT_MATTER_FIELDS;
  if (path[0] === "attendees") return Object.keys(attendeeSchema.shape);
  if (path[0] === "source") return ["name", "url"];
  if (path[0] === "review") return ["by", "at"];
  if (path[0] === "returned") return ["by", "at", "note"];
  return [];
}

export interface FieldDoc {
  name: string;
  required: boolean;
  description: string;
}

export function frontMatterFieldDocs(): FieldDoc[] {
  return Object.entries(frontMatterSchema.shape).map(([name, field]) => ({
    name,
    required: !field.safeParse(undefined).success,
    description: field.description ?? "",
  }));
}
