import type { Correction } from "@/lib/content";
import { formatChangeTime, toVietnamIso } from "@/lib/dates";

/** When a published report last changed: said only if after its own date. */
export function UpdatedLine({ date, updated }: { date: Date; updated: Date | null }) {
  if (!updated || updated.getTime() <= date.getTime()) return null;
  return (
    <span className="report__updated">
      Cập nhật lúc <time dateTime={toVietnamIso(updated)}>{formatChangeTime(updated)}</time>
    </span>
  );
}

/** Every correction of the report, newest first, where readers see them before the text. */
export function ReportCorrections({ corrections }: { corrections: Correction[] }) {
  if (corrections.length === 0) return null;
  const newestFirst = [...corrections].sort((a, b) => b.at.getTime() - a.at.getTime());
  return (
    <aside className="report__corrections" aria-label="Đính chính">
      <ul>
        {newestFirst.map((correction) => (
          <li key={`${correction.at.getTime()}-${correction.note}`}>
            <strong>
              Đính chính lúc{" "}
              <time dateTime={toVietnamIso(correction.at)}>{formatChangeTime(correction.at)}</time>:
            </strong>{" "}
            {correction.note}
          </li>
        ))}
      </ul>
    </aside>
  );
}
