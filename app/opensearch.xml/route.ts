import { create } from "xmlbuilder2";
import { absoluteUrl, site } from "@/lib/site";
import { DOCUMENT_CACHE } from "@/lib/cache-control";
import { routes } from "@/lib/routes";

// Lets a browser add the site as a search engine (OpenSearch 1.1 description document).
export const dynamic = "force-static";
export function GET(): Response {
  const xml = create({ version: "1.0", encoding: "UTF-8" })
    .ele("OpenSearchDescription", { xmlns: "http://a9.com/-/spec/opensearch/1.1/" })
    .ele("ShortName")
    .txt(site.name)
    .up()
    .ele("Description")
    .txt(`Tìm bài viết trên ${site.name}`)
    .up()
    .ele("InputEncoding")
    .txt("UTF-8")
    .up()
    .ele("Language")
    .txt(site.language)
    .up()
    .ele("Image", { width: "16", height: "16", type: "image/svg+xml" })
    .txt(absoluteUrl("/icon.svg"))
    .up()
    .ele("Url", {
      type: "text/html",
      method: "get",
      template: `${absoluteUrl(routes.search)}?q={searchTerms}`,
    })
    .up()
    .end({ prettyPrint: true });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/opensearchdescription+xml; charset=utf-8",
      "Cache-Control": DOCUMENT_CACHE,
    },
  });
}
