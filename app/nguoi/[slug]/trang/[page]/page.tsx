import { personMetadata, PersonRoutePage } from "@/components/people/person-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/nguoi/[slug]/trang/[page]");

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return personMetadata(slug, page);
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <PersonRoutePage slug={slug} page={page} />;
}
