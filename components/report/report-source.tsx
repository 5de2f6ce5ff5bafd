import type { Source } from "@/lib/content";

export function ReportSource({ source }: { source: Source }) {
  return (
    <p className="report-source">
      Nguồn: <a href={source.url}>{source.name}</a>
    </p>
  );
}
