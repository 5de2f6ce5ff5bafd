import { topicMetadata, topicParams, TopicRoutePage } from "@/components/topics/topic-route";
import { staticParamsForBuild } from "@/lib/static-params";

export const dynamicParams = false;
export const generateStaticParams = staticParamsForBuild(() => topicParams("tag"));

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return topicMetadata("tag", (await params).slug);
}

export default async function Page({ params }: Props) {
  return <TopicRoutePage kind="tag" slug={(await params).slug} />;
}
