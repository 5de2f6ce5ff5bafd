"use client";

import { useEffect } from "react";
import { beaconUrl } from "@/lib/most-read/beacon-address";

/**
 * Tells the server once per browser session (per tab) that this report was read: after the page
 * is shown (a prerendered page waits until it is), on a full load and on a navigation inside the
 * site alike. No cookie; the flag lives in sessionStorage, which the tab forgets when it closes.
 */
export function ViewBeacon({ slug }: { slug: string }) {
  useEffect(() => {
    const send = () => {
      try {
        const flag = `xem:${slug}`;
        if (!sessionStorage.getItem(flag) && navigator.sendBeacon(beaconUrl(slug))) {
          sessionStorage.setItem(flag, "1");
        }
      } catch {
        // Storage refused (a private window's settings): that reader is not counted.
      }
    };
    // Not yet in TypeScript's DOM types: true while the browser prerenders a page it expects a visit to.
    if ((document as { prerendering?: boolean }).prerendering)
      document.addEventListener("prerenderingchange", send, { once: true });
    else send();
  }, [slug]);
  return null;
}
