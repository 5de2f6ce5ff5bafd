import type { Metadata } from "next";
import { FrontPage } from "@/components/home/front-page";
import { MostRead } from "@/components/most-read/most-read";
import { JsonLdScript } from "@/components/seo/json-ld";
import { getFrontPage } from "@/lib/front-page";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { homePageJsonLd } from "@/lib/seo/structured-data";
import { site } from "@/lib/site";

export const metadata: Metadata = {
  ...pageMetadata({ title: site.name, description: site.description, path: routes.home }),
  // The layout's title template applies to nested routes only, not to the page beside it.
  title: { absolute: `${site.name}: tin tức Nghệ An` },
};

// "Đọc nhiều" changes by the minute; the reports on the page, when a publish says so.
export const revalidate = 60;

export default function HomePage() {
  const page = getFrontPage();
  const shown = [page.lead, ...page.top, ...page.sections.flatMap((section) => section.reports)].filter(
    (report) => report !== null,
  );
  return (
    <>
      <JsonLdScript data={homePageJsonLd(shown)} />
      <FrontPage page={page} after={<MostRead />} />
    </>
  );
}
