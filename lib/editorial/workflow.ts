import { type Action, may, mayEditReport, type Role } from "../auth/roles";
import { isWithheldStatus, REPORT_STATUSES, type ReportStatus, WORKFLOW_FIELDS } from "../content/refresh";
import { type StatusKind, statusKind } from "../content";
import { parseReportDate, toVietnamIso } from "../dates";

// The newsroom's workflow (issue 27) on a report's front matter: what a save asks (keep as is,
// send for review, publish, schedule, send back, take down), whether the account's role allows it on this
// report, and the workflow fields the file gets. The form never posts these fields: the server
// writes them, so a crafted request cannot publish what its role may not.

export const DECISIONS = ["luu", "gui-duyet", "dang", "len-lich", "tra-lai", "go"] as const;
export type Decision = (typeof DECISIONS)[number];

export function isDecision(value: unknown): value is Decision {
  return typeof value === "string" && (DECISIONS as readonly string[]).includes(value);
}

const NEEDS: Record<Decision, Action | null> = {
  luu: null,
  "gui-duyet": "gui-duyet",
  dang: "duyet-dang",
  "len-lich": "len-lich",
  "tra-lai": "tra-lai",
  go: "go-bai",
};

export interface Account {
  name: string;
  role: Role;
}

/** What the report says of its workflow, from its front-matter data (as opened; {} for a new one). */
export interface OpenedWorkflow {
  status: ReportStatus | null;
  owner: string | null;
  draft: boolean;
}

export function openedWorkflow(data: Record<string, unknown>): OpenedWorkflow {
  // A status the contract does not know (a file by hand) fails the check and is never published.
  const status = REPORT_STATUSES.find((known) => known === data.status) ?? null;
  return {
    status,
    owner: typeof data.owner === "string" ? data.owner : null,
    draft: data.draft === true,
  };
}

/** Let out by an editor: readers see it now, or will at its date. */
export function isReleased(opened: OpenedWorkflow): boolean {
  return !opened.draft && !isWithheldStatus(opened.status);
}

export type WorkflowOutcome =
  { allowed: true; fields: Record<string, unknown>; removed: string[] } | { allowed: false; message: string };

const refuse = (message: string): WorkflowOutcome => ({ allowed: false, message });

/**
 * The workflow fields a save writes, or why the account may not make it. `opened` is null for a
 * new report. A reporter's report stays a draft until sent; an editor's save keeps what the
 * report was unless it asks for more.
 */
export function decideWorkflow({
  account,
  opened,
  decision,
  note,
  date,
  now,
}: {
  account: Account;
  opened: OpenedWorkflow | null;
  decision: Decision;
  note: string;
  /** The report's date as posted: a scheduled report's publication time. */
  date: Date | null;
  now: Date;
}): WorkflowOutcome {
  const needed = NEEDS[decision];
  if (opened === null && !may(account.role, "viet-bai")) return refuse("Tài khoản này không được viết bài.");
  if (opened !== null && !mayEditReport(account, { owner: opened.owner, released: isReleased(opened) })) {
    return refuse(
      may(account.role, "sua-bai-cua-minh")
        ? "Phóng viên chỉ sửa được bài của mình khi bài chưa đăng. Chưa lưu gì."
        : "Tài khoản này không được sửa bài này. Chưa lưu gì.",
    );
  }
  if (needed && !may(account.role, needed)) {
    return refuse(
      "Phóng viên không đăng, gỡ hay trả bài: hãy gửi duyệt để biên tập viên quyết định. Chưa lưu gì.",
    );
  }
  const at = toVietnamIso(now);
  const owner = opened?.owner ?? (opened === null ? account.name : null);
  const base: Record<string, unknown> = owner ? { owner } : {};
  switch (decision) {
    case "gui-duyet":
      return {
        allowed: true,
        fields: { ...base, status: "cho-duyet", review: { by: account.name, at } },
        removed: ["returned"],
      };
    case "dang":
      return {
        allowed: true,
        fields: { ...base, status: "da-dang" },
        removed: ["draft", "review", "returned"],
      };
    case "len-lich":
      // Released with a date to come: the report waits for it (lib/content/load-report.ts).
      if (!date || date.getTime() <= now.getTime()) {
        return refuse(
          "Giờ hẹn đăng (ô Ngày giờ) phải ở tương lai; muốn đăng ngay thì bấm Đăng. Chưa lưu gì.",
        );
      }
      return {
        allowed: true,
        fields: { ...base, status: "da-dang" },
        removed: ["draft", "review", "returned"],
      };
    case "tra-lai":
      if (!note) return refuse("Trả bài cần một ghi chú cho phóng viên: cần sửa gì. Chưa lưu gì.");
      return {
        allowed: true,
        fields: { ...base, status: "ban-nhap", returned: { by: account.name, at, note } },
        removed: ["review"],
      };
    case "go":
      return { allowed: true, fields: { ...base, status: "da-go" }, removed: ["review"] };
    case "luu": {
      // A reporter's save never lets a report out: it stays (or becomes) a draft unless sent.
      if (!may(account.role, "duyet-dang")) {
        const status = opened?.status === "cho-duyet" ? "cho-duyet" : "ban-nhap";
        return { allowed: true, fields: { ...base, status }, removed: [] };
      }
      return { allowed: true, fields: base, removed: [] };
    }
  }
}

/** The posted data with the workflow's fields written by the server, and any posted ones ignored. */
export function withWorkflow(
  posted: Record<string, unknown>,
  opened: Record<string, unknown>,
  outcome: Extract<WorkflowOutcome, { allowed: true }>,
): Record<string, unknown> {
  const data: Record<string, unknown> = { ...posted };
  for (const field of WORKFLOW_FIELDS) {
    if (field in opened) data[field] = opened[field];
    else delete data[field];
  }
  for (const field of outcome.removed) delete data[field];
  return { ...data, ...outcome.fields };
}

export const STATUS_LABELS: Record<StatusKind, string> = {
  "ban-nhap": "Bản nháp",
  "cho-duyet": "Chờ duyệt",
  "da-len-lich": "Đã lên lịch",
  "da-dang": "Đã đăng",
  "da-go": "Đã gỡ",
};

/** What the form offers an account on a report (null: a new one): the server checks each again. */
export interface FormChoices {
  /** Whether it may save this report at all. */
  editable: boolean;
  /** The save buttons, in order; the first is the plain save. */
  decisions: Decision[];
  correction: boolean;
  remove: boolean;
}

export function formChoices(account: Account, opened: OpenedWorkflow | null): FormChoices {
  const released = opened !== null && isReleased(opened);
  const editable =
    opened === null
      ? may(account.role, "viet-bai")
      : mayEditReport(account, { owner: opened.owner, released });
  if (!editable) return { editable, decisions: [], correction: false, remove: false };
  const offered: Decision[] = ["luu", "gui-duyet"];
  if (may(account.role, "duyet-dang")) {
    offered.splice(1, 1);
    if (!released) offered.push("dang", "len-lich");
    if (opened?.status === "cho-duyet") offered.push("tra-lai");
    if (released) offered.push("go");
  }
  return {
    editable,
    decisions: offered.filter((decision) => NEEDS[decision] === null || may(account.role, NEEDS[decision])),
    correction: released && may(account.role, "dinh-chinh"),
    remove: opened !== null && may(account.role, "xoa-bai"),
  };
}

/** The save buttons' words. */
export const DECISION_LABELS: Record<Decision, { plain: string; reporter?: string }> = {
  luu: { plain: "Lưu", reporter: "Lưu nháp" },
  "gui-duyet": { plain: "Gửi duyệt" },
  dang: { plain: "Đăng" },
  "len-lich": { plain: "Hẹn giờ đăng" },
  "tra-lai": { plain: "Trả lại cho phóng viên" },
  go: { plain: "Gỡ bài" },
};

/** Where a report stands, as the form's head says it. */
export interface StatusLine {
  kind: StatusKind;
  review: { by: string; at: Date } | null;
  returned: { by: string; at: Date; note: string } | null;
  /** When a scheduled report goes out. */
  scheduledFor: Date | null;
}

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

const dateOf = (value: unknown) => (typeof value === "string" ? parseReportDate(value) : null);

/** The status line of a report's front-matter data, as opened (its fields unchecked: a file by hand may say anything). */
export function statusLine(data: Record<string, unknown>, now = new Date()): StatusLine {
  const opened = openedWorkflow(data);
  const date = dateOf(data.date);
  const scheduledFor = isReleased(opened) && date && date.getTime() > now.getTime() ? date : null;
  const kind = statusKind({ status: opened.status, scheduledFor }, opened.draft);
  const review = record(data.review);
  const returned = record(data.returned);
  const reviewAt = dateOf(review?.at);
  const returnedAt = dateOf(returned?.at);
  return {
    kind,
    review: review && reviewAt && typeof review.by === "string" ? { by: review.by, at: reviewAt } : null,
    returned:
      returned && returnedAt && typeof returned.by === "string" && typeof returned.note === "string"
        ? { by: returned.by, at: returnedAt, note: returned.note }
        : null,
    scheduledFor,
  };
}

const SAVED: Record<StatusKind, string> = {
  "ban-nhap": "Đã lưu bản nháp: bạn đọc chưa thấy bài.",
  "cho-duyet": "Đã lưu. Bài đang chờ biên tập viên duyệt.",
  "da-len-lich": "Đã lưu. Bài sẽ tự đăng đúng giờ hẹn.",
  "da-dang": "Đã lưu. Bạn đọc thấy bản mới trong vài giây.",
  "da-go": "Đã lưu. Bài đã gỡ: bạn đọc không còn thấy.",
};

/** What the form says after a save, by where the report now stands. */
export function savedMessage(data: Record<string, unknown>): string {
  return SAVED[statusLine(data).kind];
}
