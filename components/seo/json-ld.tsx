import { serializeJsonLd, type JsonLd } from "@/lib/seo/structured-data";

export function JsonLdScript({ data }: { data: JsonLd | JsonLd[] }) {
  // serializeJsonLd escapes <, > and &, so no text from a report can close this element.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
