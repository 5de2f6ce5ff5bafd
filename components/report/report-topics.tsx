import Link from "next/link";
import { topicSlug } from "@/lib/content";
import { routes } from "@/lib/routes";

export function ReportTopics({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <nav className="report-topics" aria-label="Chủ đề của bài">
      <span className="report-topics__label">Chủ đề:</span>
      <ul>
        {tags.map((tag) => (
          <li key={tag}>
            <Link href={routes.tag(topicSlug(tag))}>{tag}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
