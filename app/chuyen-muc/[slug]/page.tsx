import { topicMetadata, TopicRoutePage } from "@/components/topics/topic-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/chuyen-muc/[slug]");

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return topicMetadata("category", (await params).slug);
}

export default async function Page({ params }: Props) {
  return <TopicRoutePage kind="category" slug={(await params).slug} />;
}
