import { topicMetadata, topicPageParams, TopicRoutePage } from "@/components/topics/topic-route";
import { staticParamsForBuild } from "@/lib/static-params";

export const dynamicParams = false;
export const generateStaticParams = staticParamsForBuild(() => topicPageParams("category"));

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return topicMetadata("category", slug, page);
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <TopicRoutePage kind="category" slug={slug} page={page} />;
}
