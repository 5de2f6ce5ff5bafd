/** Where things live on the site: one place, so links, metadata, feed and sitemap agree. */
const two = (month: number) => String(month).padStart(2, "0");
/** Page 1 is the address itself; later pages of a month or a year add /trang/N. */
const withPage = (path: string, page: number) => (page === 1 ? path : `${path}/trang/${page}`);

export const routes = {
  home: "/",
  /** The front page's plain counterpart: every report, newest first, a page at a time. */
  latest: "/tin-moi",
  listingPage: (page: number) => (page === 1 ? "/tin-moi" : `/trang/${page}`),
  report: (slug: string) => `/bai-viet/${slug}`,
  topics: "/chu-de",
  /** The topics whose slug starts with a letter ("a" … "z", "0-9"). */
  topicLetter: (letter: string, page = 1) => withPage(`/chu-de/theo-van/${letter}`, page),
  tag: (slug: string, page = 1) => (page === 1 ? `/chu-de/${slug}` : `/chu-de/${slug}/trang/${page}`),
  category: (slug: string, page = 1) =>
    page === 1 ? `/chuyen-muc/${slug}` : `/chuyen-muc/${slug}/trang/${page}`,
  tagYear: (slug: string, year: number, page = 1) => withPage(`/chu-de/${slug}/nam/${year}`, page),
  categoryYear: (slug: string, year: number, page = 1) => withPage(`/chuyen-muc/${slug}/nam/${year}`, page),
  person: (slug: string, page = 1) => (page === 1 ? `/nguoi/${slug}` : `/nguoi/${slug}/trang/${page}`),
  personYear: (slug: string, year: number, page = 1) => withPage(`/nguoi/${slug}/nam/${year}`, page),
  /** The archive by month: a calendar of every month with reports. */
  archive: "/luu-tru",
  /** A month's reports, oldest first, a page of them at a time. */
  month: (year: number, month: number, page = 1) => withPage(`/luu-tru/${year}/${two(month)}`, page),
  reportPreviewImage: (slug: string) => `/bai-viet/${slug}/anh-chia-se.png`,
  /** The sentences "Nghe bài" reads, fetched when a reader taps it (lib/speech). */
  reportListen: (slug: string) => `/bai-viet/${slug}/nghe.json`,
  /** The report's lead photo cut to one ratio ("16x9"), for search engines (lib/photo-crops.ts). */
  reportPhotoCrop: (slug: string, ratio: string) => `/bai-viet/${slug}/anh/${ratio}.jpg`,
  sitePreviewImage: "/anh-chia-se.png",
  search: "/tim-kiem",
  searchSuggestions: "/tim-kiem/goi-y",
  openSearch: "/opensearch.xml",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  sitemapFile: (name: string) => `/sitemaps/${name}.xml`,
  /** The reports of the last 48 hours, for Google News (lib/news-sitemap.ts). */
  newsSitemap: "/sitemaps/tin-moi.xml",
} as const;

export const PREVIEW_IMAGE_SIZE = { width: 1200, height: 630 } as const;
