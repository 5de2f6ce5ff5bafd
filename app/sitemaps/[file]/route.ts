import { sitemapChunkCount, sitemapChunkXml, publishedSitemapEntries } from "@/lib/sitemap";

export const dynamic = "force-static";
export const dynamicParams = false;

/** Only an archive past the sitemap limit has chunk files: /sitemaps/1.xml, /sitemaps/2.xml, … */
export function generateStaticParams() {
  const chunks = sitemapChunkCount(publishedSitemapEntries());
  return chunks === 1 ? [] : Array.from({ length: chunks }, (_, index) => ({ file: `${index + 1}.xml` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const chunk = Number((await params).file.replace(/\.xml$/, ""));
  return new Response(sitemapChunkXml(publishedSitemapEntries(), chunk), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
