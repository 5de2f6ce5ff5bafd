import type { AddressChange } from "../content/refresh";
import { routes } from "../routes";
import { absoluteUrl, site } from "../site";
import { type Answer, type BatchedSender, createBatchedSender, doublingBackoff } from "./batched-sender";
import { AnnouncementClaims } from "./claims";
import { indexNowKey } from "./indexnow-key";
import { indexNowEndpoint, webSubHub } from "./settings";

/** A burst of saves within this is one submission. */
const GATHER_MS = 2000;
/** The IndexNow protocol's limit of URLs per submission. */
const INDEXNOW_MAX_URLS = 10_000;
/** Seven tries over about a minute; a receiver down longer misses the change (the sitemaps still have it). */
const ATTEMPTS = 7;
/** A receiver that hangs counts as one that failed. */
const REQUEST_TIMEOUT_MS = 15_000;

export interface Announcer {
  /** After a publishing pass: its changes, and the pages it made stale (the feed among them or not). */
  announce(changes: readonly AddressChange[], stalePaths: readonly string[], storeId: string): void;
  idle(): Promise<void>;
}

type Send = typeof fetch;

function answerOf(response: Response): Answer {
  const seconds = Number(response.headers.get("retry-after"));
  return {
    status: response.status,
    retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 600) * 1000 : undefined,
  };
}

/**
 * What one change to one address is, for the claims: the same on every instance of this machine
 * (they share the store, hence its versions), different for the next change of that address.
 */
export function changeIdentity(change: AddressChange, storeId: string): string {
  const version = change.after ? `v${change.after.version}` : `bo-v${change.before?.version ?? 0}`;
  return `${storeId}|${change.slug}|${version}`;
}

function indexNowSender(endpoint: string, send: Send, log: (line: string) => void): BatchedSender {
  const key = indexNowKey();
  return createBatchedSender({
    name: `IndexNow ${endpoint}`,
    log,
    gatherMs: GATHER_MS,
    maxBatch: INDEXNOW_MAX_URLS,
    attempts: ATTEMPTS,
    backoffMs: doublingBackoff,
    send: async (urlList) =>
      answerOf(
        await send(endpoint, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8" },
          body: JSON.stringify({
            host: site.url.host,
            key,
            keyLocation: absoluteUrl(`/${key}.txt`),
            urlList,
          }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        }),
      ),
  });
}

function webSubSender(hub: string, send: Send, log: (line: string) => void): BatchedSender {
  return createBatchedSender({
    name: `WebSub ${hub}`,
    log,
    gatherMs: GATHER_MS,
    maxBatch: 1,
    attempts: ATTEMPTS,
    backoffMs: doublingBackoff,
    send: async ([topic]) =>
      answerOf(
        await send(hub, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ "hub.mode": "publish", "hub.url": topic }).toString(),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        }),
      ),
  });
}

/**
 * Tells search engines (IndexNow: Bing, Yandex, Naver, Seznam, Yep) which reports changed, and
 * the WebSub hub that the feed did, once per change whichever instance saw it; null when both
 * are off (lib/notify/settings.ts). Sending happens in the background, never in publishing's way.
 */
export function startAnnouncing(
  log: (line: string) => void,
  options: { send?: Send; claims?: AnnouncementClaims } = {},
): Announcer | null {
  const endpoint = indexNowEndpoint();
  const hub = webSubHub();
  if (!endpoint && !hub) {
    log("không báo công cụ tìm kiếm (SITE_URL không phải https, INDEXNOW_ENDPOINT và WEBSUB_HUB chưa đặt)");
    return null;
  }
  const send = options.send ?? fetch;
  const claims = options.claims ?? new AnnouncementClaims();
  const indexNow = endpoint ? indexNowSender(endpoint, send, log) : null;
  const webSub = hub ? webSubSender(hub, send, log) : null;
  log(
    `báo thay đổi tới ${[endpoint && `IndexNow ${endpoint}`, hub && `WebSub ${hub}`].filter(Boolean).join(", ")}`,
  );

  return {
    announce(changes, stalePaths, storeId) {
      if (changes.length === 0) return;
      const identities = new Map(changes.map((change) => [changeIdentity(change, storeId), change]));
      const claimed = claims.claim([...identities.keys()]);
      indexNow?.add(
        claimed.flatMap((identity) => {
          const change = identities.get(identity);
          return change ? [absoluteUrl(routes.report(change.slug))] : [];
        }),
      );
      // The feed changed with these changes: announced by the instance that claimed the first of them.
      if (webSub && claimed.length > 0 && stalePaths.includes(routes.feed))
        webSub.add([absoluteUrl(routes.feed)]);
    },
    async idle() {
      await Promise.all([indexNow?.idle(), webSub?.idle()]);
    },
  };
}
