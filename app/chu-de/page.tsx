import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { LetterBar, TopicList } from "@/components/topics/topic-index";
import { getTopics, getTopTopics, sortTopics } from "@/lib/content";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

/** How many tags the index shows: the rest are on the letter pages. */
const TOP_TAGS = 60;

export const metadata: Metadata = pageMetadata({
  title: "Chủ đề và chuyên mục",
  description:
    "Các chuyên mục và những chủ đề có nhiều bài nhất của trang, kèm số bài; mọi chủ đề theo chữ cái.",
  path: routes.topics,
});

export default function TopicsPage() {
  return (
    <div className="listing">
      <Breadcrumbs crumbs={[{ name: "Trang chủ", href: routes.home }, { name: "Chủ đề" }]} />
      <h1 className="listing__heading">Chủ đề và chuyên mục</h1>
      <LetterBar />
      <h2>Chuyên mục</h2>
      <TopicList topics={getTopics("category")} />
      <h2>Chủ đề nhiều bài nhất</h2>
      <TopicList topics={sortTopics(getTopTopics("tag", TOP_TAGS))} />
    </div>
  );
}
