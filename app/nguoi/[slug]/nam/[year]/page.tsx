import { personYearMetadata, PersonYearPage } from "@/components/people/person-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/nguoi/[slug]/nam/[year]");

type Props = { params: Promise<{ slug: string; year: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, year } = await params;
  return personYearMetadata(slug, year);
}

export default async function Page({ params }: Props) {
  const { slug, year } = await params;
  return <PersonYearPage slug={slug} year={year} />;
}
