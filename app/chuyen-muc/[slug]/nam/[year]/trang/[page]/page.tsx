import { topicYearMetadata, TopicYearPage } from "@/components/topics/topic-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/chuyen-muc/[slug]/nam/[year]/trang/[page]");

type Props = { params: Promise<{ slug: string; year: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, year, page } = await params;
  return topicYearMetadata("category", slug, year, page);
}

export default async function Page({ params }: Props) {
  const { slug, year, page } = await params;
  return <TopicYearPage kind="category" slug={slug} year={year} page={page} />;
}
