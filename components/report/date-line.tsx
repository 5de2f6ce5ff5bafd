import { formatDateLine, toVietnamIso } from "@/lib/dates";

export function DateLine({ date, className }: { date: Date; className?: string }) {
  return (
    <time className={className} dateTime={toVietnamIso(date)}>
      {formatDateLine(date)}
    </time>
  );
}
