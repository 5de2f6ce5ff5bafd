// Names the service worker, its route and the offline page's list share (no Node built-ins: the
// offline page's client code imports this).
export const OFFLINE_PATH = "/ngoai-tuyen";
export const CACHE_PREFIX = "tin-xu-nghe:";
/** Where the worker keeps its index of what it kept, in a cache of its own. */
export const INDEX_CACHE = `${CACHE_PREFIX}chi-muc`;
export const INDEX_PATH = "/__ngoai-tuyen/chi-muc.json";
