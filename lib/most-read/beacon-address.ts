// Shared by the page that sends the view beacon and the server that counts it: no server code here.

/**
 * The beacon's address: POST, the report's slug in the query (`?bai=`), where nginx can read it
 * without a body (lib/most-read/view-log.ts); a slug as the body is also taken.
 */
export const BEACON_PATH = "/api/luot-xem";

/** The query parameter that names the report. */
export const BEACON_PARAMETER = "bai";

/** A beacon's body is a slug (at most 100 characters): anything longer is no beacon. */
export const BEACON_MAX_BYTES = 256;

/** The address a page posts its beacon to. */
export function beaconUrl(slug: string): string {
  return `${BEACON_PATH}?${BEACON_PARAMETER}=${encodeURIComponent(slug)}`;
}

/** The slug a beacon names: from its query, else its body (pages built before the query). */
export function beaconSlug(search: URLSearchParams, body: string): string {
  return search.get(BEACON_PARAMETER) ?? body;
}
