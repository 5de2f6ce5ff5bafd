"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link whose page is fetched ahead only once the reader reaches for it (pointer over it, finger
 * down on it, keyboard focus), not whenever it is on screen. For the site's chrome (header,
 * breadcrumbs, topics, people): on screen on every page, rarely followed, and each prefetch is
 * paid for on the reader's mobile data. The reader's tap still gets a head start of the time
 * between finger down and click. Measured in docs/do-luong/2026-11-27-prefetching.md.
 */
export function IntentLink(props: ComponentProps<typeof Link>) {
  const [reached, setReached] = useState(false);
  const reach = () => setReached(true);
  return (
    <Link
      {...props}
      prefetch={reached ? null : false}
      onPointerEnter={reach}
      onTouchStart={reach}
      onFocus={reach}
    />
  );
}
