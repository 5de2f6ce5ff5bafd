import { topicMetadata, TopicRoutePage } from "@/components/topics/topic-route";
import { onFirstRequest } from "@/lib/static-params";

export const generateStaticParams = onFirstRequest;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return topicMetadata("tag", (await params).slug);
}

export default async function Page({ params }: Props) {
  return <TopicRoutePage kind="tag" slug={(await params).slug} />;
}
