import { site } from "../site";

// Telling search engines and feed readers about a change is for a public site: on by default
// only when SITE_URL is https (a machine on http is a developer's or a test's), and then to the
// shared endpoints. Each variable also takes an address of its own, or "off".

/** The shared IndexNow endpoint: one submission reaches every engine that takes part. */
export const DEFAULT_INDEXNOW_ENDPOINT = "https://api.indexnow.org/indexnow";
/** Google's public WebSub hub, which feed readers and aggregators subscribe through. */
export const DEFAULT_WEBSUB_HUB = "https://pubsubhubbub.appspot.com/";

/** The process's environment, or a test's stand-in for it. */
export type Environment = Readonly<Record<string, string | undefined>>;

function setting(name: string, fallback: string, environment: Environment): string | null {
  const value = environment[name]?.trim();
  if (value === "off") return null;
  if (value) {
    const url = URL.canParse(value) ? new URL(value) : null;
    if (!url || !["http:", "https:"].includes(url.protocol)) {
      throw new Error(`${name}=“${value}”: cần một địa chỉ http(s) hoặc “off”`);
    }
    return url.href;
  }
  return site.url.protocol === "https:" ? fallback : null;
}

/** Where IndexNow submissions go (`INDEXNOW_ENDPOINT`); null when off. */
export function indexNowEndpoint(environment: Environment = process.env): string | null {
  return setting("INDEXNOW_ENDPOINT", DEFAULT_INDEXNOW_ENDPOINT, environment);
}

/** The WebSub hub the feed names and each feed change is announced to (`WEBSUB_HUB`); null when off. */
export function webSubHub(environment: Environment = process.env): string | null {
  return setting("WEBSUB_HUB", DEFAULT_WEBSUB_HUB, environment);
}
