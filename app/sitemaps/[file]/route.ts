import { DOCUMENT_CACHE, NOT_FOUND_CACHE } from "@/lib/cache-control";
import { prerenderedParams, sitemapFileEntries } from "@/lib/pages";
import { urlsetXml } from "@/lib/sitemap";

export const dynamic = "force-static";
// What CDNs are told (s-maxage, as for pages); a publish revalidates it at once.
export const revalidate = 300;

/** /sitemaps/trang.xml, /sitemaps/bai-2021-01.xml, /sitemaps/chu-de-1.xml, …: each on its first request. */
export const generateStaticParams = prerenderedParams("/sitemaps/[file]");

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const name = /^([a-z0-9-]{1,40})\.xml$/.exec((await params).file)?.[1];
  const entries = name ? sitemapFileEntries(name) : null;
  if (!entries) {
    return new Response("Không tìm thấy", { status: 404, headers: { "Cache-Control": NOT_FOUND_CACHE } });
  }
  return new Response(urlsetXml(entries), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": DOCUMENT_CACHE },
  });
}
