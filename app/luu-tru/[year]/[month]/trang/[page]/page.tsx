import type { Metadata } from "next";
import { monthMetadata, MonthRoutePage } from "@/components/archive/month-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/luu-tru/[year]/[month]/trang/[page]");

type Props = { params: Promise<{ year: string; month: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, month, page } = await params;
  return monthMetadata(year, month, page);
}

export default async function MonthPage({ params }: Props) {
  const { year, month, page } = await params;
  return <MonthRoutePage year={year} month={month} page={page} />;
}
