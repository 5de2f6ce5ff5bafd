import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/home/pagination";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { LetterBar, letterName, TOPIC_LETTERS, TopicList } from "@/components/topics/topic-index";
import { getTopicLetterPage } from "@/lib/content";
import { pageParam } from "@/lib/route-params";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

// The shared body of a letter of the topics index (/chu-de/theo-van/t and its /trang/N pages).

const isLetter = (letter: string) => (TOPIC_LETTERS as readonly string[]).includes(letter);
const title = (letter: string) =>
  letter === "0-9" ? "Chủ đề bắt đầu bằng chữ số" : `Chủ đề bắt đầu bằng chữ ${letterName(letter)}`;
const pageTitle = (letter: string, page: number) =>
  page === 1 ? title(letter) : `${title(letter)}, trang ${page}`;

/** The page a letter route asks for, or null: /trang/1 would repeat the first page under a second address. */
function letterPageOf(letter: string, page?: string) {
  if (!isLetter(letter) || page === "1") return null;
  return getTopicLetterPage(letter, pageParam(page));
}

export function topicLetterMetadata(letter: string, page?: string): Metadata {
  const found = letterPageOf(letter, page);
  if (!found) return {};
  return pageMetadata({
    title: pageTitle(letter, found.page),
    description: `${title(letter)}: mọi chuyên mục và chủ đề, xếp theo thứ tự chữ cái tiếng Việt, kèm số bài.`,
    path: routes.topicLetter(letter, found.page),
  });
}

export function TopicLetterRoutePage({ letter, page }: { letter: string; page?: string }) {
  const found = letterPageOf(letter, page);
  if (!found) notFound();
  const { categories, tags } = found;
  return (
    <div className="listing">
      <Breadcrumbs
        crumbs={[
          { name: "Trang chủ", href: routes.home },
          { name: "Chủ đề", href: routes.topics },
          { name: letterName(letter) },
        ]}
      />
      <h1 className="listing__heading">{pageTitle(letter, found.page)}</h1>
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
      <Pagination
        page={found.page}
        pageCount={found.pageCount}
        pageHref={(n) => routes.topicLetter(letter, n)}
      />
    </div>
  );
}
