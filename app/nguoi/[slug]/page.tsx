import { personMetadata, PersonRoutePage } from "@/components/people/person-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/nguoi/[slug]");

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return personMetadata((await params).slug);
}

export default async function Page({ params }: Props) {
  return <PersonRoutePage slug={(await params).slug} />;
}
