import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { getTopics, type Topic } from "@/lib/content";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

export const metadata: Metadata = pageMetadata({
  title: "Chủ đề và chuyên mục",
  description: "Mọi chủ đề và chuyên mục của trang, xếp theo thứ tự chữ cái tiếng Việt, kèm số bài.",
  path: routes.topics,
});

function TopicList({ topics, href }: { topics: Topic[]; href: (slug: string) => string }) {
  return (
    <ul className="topic-list">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <Link href={href(topic.slug)}>{topic.name}</Link>{" "}
          <span className="topic-list__count">({topic.reports.length} bài)</span>
        </li>
      ))}
    </ul>
  );
}

export default function TopicsPage() {
  return (
    <div className="listing">
      <Breadcrumbs crumbs={[{ name: "Trang chủ", href: routes.home }, { name: "Chủ đề" }]} />
      <h1 className="listing__heading">Chủ đề và chuyên mục</h1>
      <h2>Chuyên mục</h2>
      <TopicList topics={getTopics("category")} href={(slug) => routes.category(slug)} />
      <h2>Chủ đề</h2>
      <TopicList topics={getTopics("tag")} href={(slug) => routes.tag(slug)} />
    </div>
  );
}
