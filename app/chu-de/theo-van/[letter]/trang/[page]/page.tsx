import type { Metadata } from "next";
import { topicLetterMetadata, TopicLetterRoutePage } from "@/components/topics/topic-letter-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/chu-de/theo-van/[letter]/trang/[page]");

type Props = { params: Promise<{ letter: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { letter, page } = await params;
  return topicLetterMetadata(letter, page);
}

export default async function TopicLetterNextPage({ params }: Props) {
  const { letter, page } = await params;
  return <TopicLetterRoutePage letter={letter} page={page} />;
}
