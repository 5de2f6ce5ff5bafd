import { topicMetadata, TopicRoutePage } from "@/components/topics/topic-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/chuyen-muc/[slug]/trang/[page]");

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return topicMetadata("category", slug, page);
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <TopicRoutePage kind="category" slug={slug} page={page} />;
}
