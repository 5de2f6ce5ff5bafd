import Link from "next/link";
import { getMostRead, type MostReadEntry } from "@/lib/most-read";
import { routes } from "@/lib/routes";

function MostReadList({ id, title, entries }: { id: string; title: string; entries: MostReadEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="most-read__window" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ol>
        {entries.map(({ report }) => (
          <li key={report.slug}>
            <Link href={routes.report(report.slug)}>{report.title}</Link>
          </li>
        ))}
      </ol>
    </section>
  );
}

const without = (entries: MostReadEntry[], slug: string | undefined) =>
  entries.filter((entry) => entry.report.slug !== slug);

/**
 * "Đọc nhiều": the most viewed reports of the last 24 hours and 7 days (lib/most-read). Its data
 * changes at most once a minute; the page around it decides how often it is rendered. Beside a
 * report, that report is left out of the lists. Nothing is rendered before anything was counted.
 */
export async function MostRead({ exclude, idPrefix = "doc-nhieu" }: { exclude?: string; idPrefix?: string }) {
  const lists = await getMostRead();
  const day = without(lists.day, exclude);
  const week = without(lists.week, exclude);
  if (day.length === 0 && week.length === 0) return null;
  return (
    <aside className="most-read" aria-labelledby={idPrefix}>
      <h2 id={idPrefix}>Đọc nhiều</h2>
      <MostReadList id={`${idPrefix}-24-gio`} title="24 giờ qua" entries={day} />
      <MostReadList id={`${idPrefix}-7-ngay`} title="7 ngày qua" entries={week} />
    </aside>
  );
}
