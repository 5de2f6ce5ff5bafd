import { topicMetadata, TopicRoutePage } from "@/components/topics/topic-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/chu-de/[slug]/trang/[page]");

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return topicMetadata("tag", slug, page);
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <TopicRoutePage kind="tag" slug={slug} page={page} />;
}
