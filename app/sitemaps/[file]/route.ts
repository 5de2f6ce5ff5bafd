import { getReportPage, getReports } from "@/lib/content";
import { sitemapChunkCount, sitemapChunkXml, sitemapEntries } from "@/lib/sitemap";

export const dynamic = "force-static";
export const dynamicParams = false;

function entries() {
  return sitemapEntries(getReports(), getReportPage(1)?.pageCount ?? 1);
}

/** Only an archive past the sitemap limit has chunk files: /sitemaps/1.xml, /sitemaps/2.xml, … */
export function generateStaticParams() {
  const chunks = sitemapChunkCount(entries());
  return chunks === 1 ? [] : Array.from({ length: chunks }, (_, index) => ({ file: `${index + 1}.xml` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const chunk = Number((await params).file.replace(/\.xml$/, ""));
  return new Response(sitemapChunkXml(entries(), chunk), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
