import { topicMetadata, topicParams, TopicRoutePage } from "@/components/topics/topic-route";
import { staticParamsForBuild } from "@/lib/static-params";

export const dynamicParams = false;
export const generateStaticParams = staticParamsForBuild(() => topicParams("category"));

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return topicMetadata("category", (await params).slug);
}

export default async function Page({ params }: Props) {
  return <TopicRoutePage kind="category" slug={(await params).slug} />;
}
