/** Where things live on the site: one place, so links, metadata, feed and sitemap agree. */
export const routes = {
  home: "/",
  listingPage: (page: number) => (page === 1 ? "/" : `/trang/${page}`),
  report: (slug: string) => `/bai-viet/${slug}`,
  topics: "/chu-de",
  tag: (slug: string, page = 1) => (page === 1 ? `/chu-de/${slug}` : `/chu-de/${slug}/trang/${page}`),
  category: (slug: string, page = 1) =>
    page === 1 ? `/chuyen-muc/${slug}` : `/chuyen-muc/${slug}/trang/${page}`,
  person: (slug: string) => `/nguoi/${slug}`,
  reportPreviewImage: (slug: string) => `/bai-viet/${slug}/anh-chia-se.png`,
  sitePreviewImage: "/anh-chia-se.png",
  search: "/tim-kiem",
  searchSuggestions: "/tim-kiem/goi-y",
  openSearch: "/opensearch.xml",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  sitemapChunk: (chunk: number) => `/sitemaps/${chunk}.xml`,
} as const;

export const PREVIEW_IMAGE_SIZE = { width: 1200, height: 630 } as const;
