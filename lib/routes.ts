/** Where things live on the site: one place, so links, metadata, feed and sitemap agree. */
export const routes = {
  home: "/",
  listingPage: (page: number) => (page === 1 ? "/" : `/trang/${page}`),
  report: (slug: string) => `/bai-viet/${slug}`,
  reportPreviewImage: (slug: string) => `/bai-viet/${slug}/anh-chia-se.png`,
  sitePreviewImage: "/anh-chia-se.png",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  sitemapChunk: (chunk: number) => `/sitemaps/${chunk}.xml`,
} as const;

export const PREVIEW_IMAGE_SIZE = { width: 1200, height: 630 } as const;
