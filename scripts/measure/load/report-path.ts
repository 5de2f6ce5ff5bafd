/**
 * A report's address on a running site, so that any content will do: the first report the home
 * page links (its lead story). Not the sitemap: that is an index of sitemaps now.
 */
export async function reportPath(origin: string): Promise<string> {
  const home = await (await fetch(`${origin}/`)).text();
  const match = /href="(\/bai-viet\/[a-z0-9-]+)"/.exec(home);
  if (!match) throw new Error("the home page links no report");
  return match[1];
}
