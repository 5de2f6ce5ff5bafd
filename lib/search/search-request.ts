import { routes } from "../routes";
import { MAX_QUERY_WORDS, MAX_RESULTS, type SearchOrder } from "./search-index";
import { words } from "./vietnamese";

// What a reader asked of /tim-kiem, read from the address. Anything a reader or a bot
// can put in a URL is bounded and cleaned here; nothing from it ever reaches the engine as syntax
// (the index quotes each word itself). Problems become notices on the page, in Vietnamese.

export const RESULTS_PER_PAGE = 10;
/** Characters of a query that are read; a longer one is cut, and the reader told. */
export const MAX_QUERY_CHARACTERS = 200;
export const MAX_PAGE = MAX_RESULTS / RESULTS_PER_PAGE;

/** The address's parameter names, in Vietnamese like the rest of the site's addresses. */
export const PARAMS = {
  query: "q",
  category: "chuyen-muc",
  year: "nam",
  order: "sap-xep",
  page: "trang",
} as const;
export const NEWEST = "moi-nhat";

export interface SearchRequest {
  text: string;
  /** A category's slug, as in /chuyen-muc/<slug>. */
  category: string | null;
  year: number | null;
  order: SearchOrder;
  page: number;
  /** What was cut or ignored, said to the reader. */
  notices: string[];
}

export type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** Control characters and invisible separators become spaces; NFC; spaces collapsed. */
function clean(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, " ")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
}

export function readSearchRequest(params: RawParams): SearchRequest {
  const notices: string[] = [];
  let text = clean(first(params[PARAMS.query]));
  if (text.length > MAX_QUERY_CHARACTERS) {
    text = text.slice(0, MAX_QUERY_CHARACTERS).replace(/\s+\S*$/, "");
    notices.push(`Từ khóa dài quá ${MAX_QUERY_CHARACTERS} ký tự: chỉ phần đầu được tìm.`);
  }
  if (words(text).length > MAX_QUERY_WORDS) {
    notices.push(`Từ khóa có hơn ${MAX_QUERY_WORDS} từ: chỉ ${MAX_QUERY_WORDS} từ đầu được tìm.`);
  }

  const category = first(params[PARAMS.category]);
  const yearText = first(params[PARAMS.year]);
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  if (yearText && year === null) notices.push("Năm không hợp lệ: bỏ qua bộ lọc năm.");

  const pageText = first(params[PARAMS.page]);
  let page = 1;
  if (pageText) {
    const asked = /^\d{1,6}$/.test(pageText) ? Number(pageText) : NaN;
    if (asked >= 1 && asked <= MAX_PAGE) page = asked;
    else notices.push(`Trang không hợp lệ: chỉ có trang 1 đến ${MAX_PAGE}. Đang hiện trang 1.`);
  }

  return {
    text,
    category: /^[a-z0-9-]{1,100}$/.test(category) ? category : null,
    year,
    order: first(params[PARAMS.order]) === NEWEST ? "newest" : "relevance",
    page,
    notices,
  };
}

/** The address of a search, with only the parameters that differ from the defaults. */
export function searchHref(
  request: Pick<SearchRequest, "text" | "category" | "year" | "order" | "page">,
): string {
  const query = new URLSearchParams();
  query.set(PARAMS.query, request.text);
  if (request.category) query.set(PARAMS.category, request.category);
  if (request.year) query.set(PARAMS.year, String(request.year));
  if (request.order === "newest") query.set(PARAMS.order, NEWEST);
  if (request.page > 1) query.set(PARAMS.page, String(request.page));
  return `${routes.search}?${query.toString()}`;
}
