import { DOCUMENT_CACHE, NOT_FOUND_CACHE } from "@/lib/cache-control";
import { prerenderedParams, sitemapEntries } from "@/lib/pages";
import { sitemapChunkCount, sitemapChunkXml } from "@/lib/sitemap";

export const dynamic = "force-static";
// What CDNs are told (s-maxage, as for pages); a publish revalidates it at once.
export const revalidate = 300;

/** Only an archive past the sitemap limit has chunk files: /sitemaps/1.xml, /sitemaps/2.xml, … */
export const generateStaticParams = prerenderedParams("/sitemaps/[file]");

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const entries = sitemapEntries();
  const chunks = sitemapChunkCount(entries);
  const chunk = Number(/^([1-9]\d{0,5})\.xml$/.exec((await params).file)?.[1]);
  if (chunks === 1 || !(chunk <= chunks)) {
    return new Response("Không tìm thấy", { status: 404, headers: { "Cache-Control": NOT_FOUND_CACHE } });
  }
  return new Response(sitemapChunkXml(entries, chunk), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": DOCUMENT_CACHE },
  });
}
