import { topicYearMetadata, TopicYearPage } from "@/components/topics/topic-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/chu-de/[slug]/nam/[year]/trang/[page]");

type Props = { params: Promise<{ slug: string; year: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, year, page } = await params;
  return topicYearMetadata("tag", slug, year, page);
}

export default async function Page({ params }: Props) {
  const { slug, year, page } = await params;
  return <TopicYearPage kind="tag" slug={slug} year={year} page={page} />;
}
