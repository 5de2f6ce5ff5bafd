import type { Metadata } from "next";
import { monthMetadata, MonthRoutePage } from "@/components/archive/month-route";
import { prerenderedParams } from "@/lib/pages";

export const generateStaticParams = prerenderedParams("/luu-tru/[year]/[month]");

type Props = { params: Promise<{ year: string; month: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, month } = await params;
  return monthMetadata(year, month);
}

export default async function MonthPage({ params }: Props) {
  const { year, month } = await params;
  return <MonthRoutePage year={year} month={month} />;
}
