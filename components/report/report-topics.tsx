import { IntentLink } from "@/components/navigation/intent-link";
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
            <IntentLink href={routes.tag(topicSlug(tag))}>{tag}</IntentLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
