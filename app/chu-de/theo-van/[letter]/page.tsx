import type { Metadata } from "next";
import { topicLetterMetadata, TopicLetterRoutePage } from "@/components/topics/topic-letter-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/chu-de/theo-van/[letter]");

type Props = { params: Promise<{ letter: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { letter } = await params;
  return topicLetterMetadata(letter);
}

export default async function TopicLetterPage({ params }: Props) {
  const { letter } = await params;
  return <TopicLetterRoutePage letter={letter} />;
}
