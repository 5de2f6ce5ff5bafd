import type { Metadata } from "next";
import { MonthCalendar } from "@/components/archive/month-calendar";
import { Breadcrumbs } from "@/components/navigation/breadcrumbs";
import { getMonths } from "@/lib/content";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

export const metadata: Metadata = pageMetadata({
  title: "Lưu trữ theo tháng",
  description: "Mọi bài viết của trang, theo từng tháng: chọn một tháng để xem các bài của tháng đó.",
  path: routes.archive,
});

export default function ArchivePage() {
  const months = getMonths();
  return (
    <div className="listing">
      <Breadcrumbs crumbs={[{ name: "Trang chủ", href: routes.home }, { name: "Lưu trữ" }]} />
      <h1 className="listing__heading">Lưu trữ theo tháng</h1>
      {months.length === 0 ? <p>Chưa có bài viết nào.</p> : <MonthCalendar months={months} />}
    </div>
  );
}
