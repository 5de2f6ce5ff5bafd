import { topicYearMetadata, TopicYearPage } from "@/components/topics/topic-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/chu-de/[slug]/nam/[year]");

type Props = { params: Promise<{ slug: string; year: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, year } = await params;
  return topicYearMetadata("tag", slug, year);
}

export default async function Page({ params }: Props) {
  const { slug, year } = await params;
  return <TopicYearPage kind="tag" slug={slug} year={year} />;
}
