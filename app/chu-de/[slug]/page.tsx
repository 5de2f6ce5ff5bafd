import { topicMetadata, TopicRoutePage } from "@/components/topics/topic-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/chu-de/[slug]");

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return topicMetadata("tag", (await params).slug);
}

export default async function Page({ params }: Props) {
  return <TopicRoutePage kind="tag" slug={(await params).slug} />;
}
