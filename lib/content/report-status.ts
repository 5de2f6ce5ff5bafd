import type { ReportStatus } from "./types";

/** A status as the editors' list and form say it. */
export type StatusKind = "ban-nhap" | "cho-duyet" | "da-len-lich" | "da-dang" | "da-go";

/** Where a report stands for the editors' list: scheduled when it waits for its time. */
export function statusKind(
  workflow: { status: ReportStatus | null; scheduledFor: Date | null },
  draft: boolean,
): StatusKind {
  if (workflow.status === "cho-duyet" || workflow.status === "da-go") return workflow.status;
  if (workflow.scheduledFor) return "da-len-lich";
  return workflow.status === "ban-nhap" || draft ? "ban-nhap" : "da-dang";
}
