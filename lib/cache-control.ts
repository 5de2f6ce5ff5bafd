// What responses say to browsers and to a CDN (docs/van-hanh/deployment.md). Shared by next.config.ts's
// headers and the route that serves photos added after the server started.

// A CDN serves its copy of a page, the feed or the sitemap for five minutes, then a stale one for
// up to a day while it fetches the new one; browsers revalidate every time (a cheap 304 thanks to
// the ETag). Publishing reaches readers through the CDN within those five minutes (or at once,
// with a purge). Pages get their header from Next (a `revalidate` of this many seconds in the
// root layout, and next.config's expireTime); route handlers set DOCUMENT_CACHE.
export const PAGE_CDN_SECONDS = 300;
export const PAGE_STALE_SECONDS = 86_400;
export const DOCUMENT_CACHE = `public, max-age=0, s-maxage=${PAGE_CDN_SECONDS}, stale-while-revalidate=${PAGE_STALE_SECONDS}`;

// Photos and preview images change rarely, but keep their names when they do (a placeholder
// replaced by the real photo), so they are never `immutable`.
export const MEDIA_CACHE = "public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800";

// What Next sends with its own 404s: a photo that is missing now may be copied in a minute later.
export const NOT_FOUND_CACHE = "private, no-cache, no-store, max-age=0, must-revalidate";

// Search results change with every publish: a CDN may answer the same search for a
// few seconds (a shared story's crowd typing the same words), never long enough to hide a
// report published five seconds ago.
export const SEARCH_CACHE = "public, max-age=0, s-maxage=3";
