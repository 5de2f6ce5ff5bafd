/**
 * The whole sitemap as one text: /sitemap.xml is an index of files (the pages', one per month of
 * reports, topics', people's), each fetched through `fetchText`.
 */
export async function sitemapText(fetchText: (path: string) => Promise<string>): Promise<string> {
  const index = await fetchText("/sitemap.xml");
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
  const texts = await Promise.all(files.map((file) => fetchText(file)));
  return [index, ...texts].join("\n");
}
