import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { LetterBar, letterName, TOPIC_LETTERS, TopicList } from "@/components/topics/topic-index";
import { getTopicsByLetter } from "@/lib/content";
import { prerenderedParams } from "@/lib/pages";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

export const generateStaticParams = prerenderedParams("/chu-de/theo-van/[letter]");

type Props = { params: Promise<{ letter: string }> };

const isLetter = (letter: string) => (TOPIC_LETTERS as readonly string[]).includes(letter);
const title = (letter: string) =>
  letter === "0-9" ? "Chủ đề bắt đầu bằng chữ số" : `Chủ đề bắt đầu bằng chữ ${letterName(letter)}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { letter } = await params;
  if (!isLetter(letter)) return {};
  return pageMetadata({
    title: title(letter),
    description: `${title(letter)}: mọi chuyên mục và chủ đề, xếp theo thứ tự chữ cái tiếng Việt, kèm số bài.`,
    path: routes.topicLetter(letter),
  });
}

export default async function TopicLetterPage({ params }: Props) {
  const { letter } = await params;
  if (!isLetter(letter)) notFound();
  const [categories, tags] = [getTopicsByLetter("category", letter), getTopicsByLetter("tag", letter)];
  return (
    <div className="listing">
      <Breadcrumbs
        crumbs={[
          { name: "Trang chủ", href: routes.home },
          { name: "Chủ đề", href: routes.topics },
          { name: letterName(letter) },
        ]}
      />
      <h1 className="listing__heading">{title(letter)}</h1>
      <LetterBar current={letter} />
      {categories.length + tags.length === 0 && <p>Chưa có chủ đề nào bắt đầu bằng {letterName(letter)}.</p>}
      {categories.length > 0 && (
        <>
          <h2>Chuyên mục</h2>
          <TopicList topics={categories} />
        </>
      )}
      {tags.length > 0 && (
        <>
          <h2>Chủ đề</h2>
          <TopicList topics={tags} />
        </>
      )}
    </div>
  );
}
