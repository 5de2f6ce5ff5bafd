import Link from "next/link";

interface YearLinksProps {
  years: Array<{ year: number; count: number }>;
  /** The address of a year's page of this list. */
  yearHref: (year: number) => string;
  /** The year the page shows: named, not linked. */
  current?: number;
}

/** "Lưu trữ theo năm: 2024 (120 bài) · 2023 (…)": where a long list's older reports live. */
export function YearLinks({ years, yearHref, current }: YearLinksProps) {
  if (years.length === 0) return null;
  return (
    <nav className="year-links" aria-label="Lưu trữ theo năm">
      Lưu trữ theo năm:{" "}
      <ul className="year-links__list">
        {years.map(({ year, count }) => (
          <li key={year}>
            {year === current ? (
              <span aria-current="page">
                {year} ({count} bài)
              </span>
            ) : (
              <Link href={yearHref(year)}>
                {year} ({count} bài)
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
