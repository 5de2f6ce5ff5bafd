import Link from "next/link";
import { DateLine } from "@/components/report/date-line";
import { routes } from "@/lib/routes";
import type { SearchHit } from "@/lib/search/archive-search";
import { MarkedSegments } from "./marked-segments";

export function SearchResults({ hits, firstNumber }: { hits: SearchHit[]; firstNumber: number }) {
  return (
    <ol className="search-results" start={firstNumber}>
      {hits.map(({ report, title, snippet }) => (
        <li key={report.slug} className="search-result">
          <h2 className="search-result__title">
            <Link href={routes.report(report.slug)} prefetch={false}>
              <MarkedSegments segments={title} />
            </Link>
          </h2>
          <p className="search-result__meta">
            <DateLine date={report.date} />
            {report.category && <span className="search-result__category">{report.category}</span>}
          </p>
          <p className="search-result__snippet">
            <MarkedSegments segments={snippet} />
          </p>
        </li>
      ))}
    </ol>
  );
}
