import { indexNowKey } from "./indexnow-key";
import { indexNowEndpoint } from "./settings";

/** Addresses that could be an IndexNow key file: "/<key>.txt" at the site's root. */
export const KEY_FILE_PATH = /^\/([A-Za-z0-9-]{8,128})\.txt$/;

/**
 * The text of the key file at this address, when IndexNow is on and it is this site's key's
 * (an engine fetches it to check that a submission comes from the site); null for any other.
 */
export function keyFileText(pathname: string): string | null {
  const name = KEY_FILE_PATH.exec(pathname)?.[1];
  if (!name || !indexNowEndpoint()) return null;
  const key = indexNowKey();
  return name === key ? key : null;
}
