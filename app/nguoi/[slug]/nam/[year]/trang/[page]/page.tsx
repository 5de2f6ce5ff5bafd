import { personYearMetadata, PersonYearPage } from "@/components/people/person-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/nguoi/[slug]/nam/[year]/trang/[page]");

type Props = { params: Promise<{ slug: string; year: string; page: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, year, page } = await params;
  return personYearMetadata(slug, year, page);
}

export default async function Page({ params }: Props) {
  const { slug, year, page } = await params;
  return <PersonYearPage slug={slug} year={year} page={page} />;
}
