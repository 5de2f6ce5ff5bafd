import { MostRead } from "./most-read";
import { ViewBeacon } from "./view-beacon";

/** At a report's end: its view beacon (none for a draft an editor previews) and the lists, itself left out. */
export function MostReadBesideReport({ slug, draft }: { slug: string; draft: boolean }) {
  return (
    <>
      {!draft && <ViewBeacon slug={slug} />}
      <MostRead exclude={slug} />
    </>
  );
}
