// Who may do what in /quan-tri (issue 27): the one table every server action asks, and the form
// too, so that it shows only what the role may do. A reporter writes and sends for review; an
// editor decides what readers see and when; an administrator also manages the accounts.

export const ROLES = ["phong-vien", "bien-tap", "quan-tri"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  "phong-vien": "Phóng viên",
  "bien-tap": "Biên tập viên",
  "quan-tri": "Quản trị",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** What an account can ask of the server. */
export const ACTIONS = [
  "viet-bai",
  "sua-bai-cua-minh",
  "sua-moi-bai",
  "gui-duyet",
  "duyet-dang",
  "len-lich",
  "tra-lai",
  "go-bai",
  "dinh-chinh",
  "xoa-bai",
  "khoi-phuc",
  "tai-anh",
  "xem-lich-su",
  "quan-ly-tai-khoan",
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  "viet-bai": "viết bài mới",
  "sua-bai-cua-minh": "sửa bài của mình khi chưa đăng",
  "sua-moi-bai": "sửa mọi bài",
  "gui-duyet": "gửi bài chờ duyệt",
  "duyet-dang": "duyệt và đăng",
  "len-lich": "hẹn giờ đăng",
  "tra-lai": "trả bài lại kèm ghi chú",
  "go-bai": "gỡ bài đã đăng",
  "dinh-chinh": "đánh dấu đính chính",
  "xoa-bai": "xóa bài",
  "khoi-phuc": "khôi phục một bản cũ",
  "tai-anh": "tải ảnh lên",
  "xem-lich-su": "xem lịch sử và so sánh",
  "quan-ly-tai-khoan": "thêm, khóa, đổi vai trò tài khoản",
};

const REPORTER: readonly Action[] = ["viet-bai", "sua-bai-cua-minh", "gui-duyet", "tai-anh", "xem-lich-su"];
const EDITOR: readonly Action[] = ACTIONS.filter((action) => action !== "quan-ly-tai-khoan");

const ALLOWED: Record<Role, ReadonlySet<Action>> = {
  "phong-vien": new Set(REPORTER),
  "bien-tap": new Set(EDITOR),
  "quan-tri": new Set(ACTIONS),
};

/** Whether the role may do the action at all (a reporter's own reports aside: see mayEditReport). */
export function may(role: Role, action: Action): boolean {
  return ALLOWED[role].has(action);
}

/** A report as the rules see it: who made it, and whether readers can see it or it waits for a time. */
export interface ReportStanding {
  /** The account that made it (`owner` in the front matter); null for a file made by hand. */
  owner: string | null;
  /** Published, or scheduled: an editor has let it out. */
  released: boolean;
}

/**
 * Whether the account may change this report: an editor any report; a reporter only one they
 * made that no editor has released (published or scheduled) yet.
 */
export function mayEditReport(account: { name: string; role: Role }, report: ReportStanding): boolean {
  if (may(account.role, "sua-moi-bai")) return true;
  return may(account.role, "sua-bai-cua-minh") && report.owner === account.name && !report.released;
}
