import { routes } from "@/lib/routes";
import type { Topic } from "@/lib/content";
import { NEWEST, PARAMS, type SearchRequest } from "@/lib/search/search-request";

interface SearchFiltersProps {
  request: SearchRequest;
  categories: Topic[];
  years: number[];
}

/** Category, year and order: a GET form, so filtering works without JavaScript. */
export function SearchFilters({ request, categories, years }: SearchFiltersProps) {
  return (
    <form className="search-filters" action={routes.search} method="get" aria-label="Lọc kết quả">
      <input type="hidden" name={PARAMS.query} value={request.text} />
      <label className="search-filters__field">
        <span className="search-filters__label">Chuyên mục</span>
        <select name={PARAMS.category} defaultValue={request.category ?? ""}>
          <option value="">Tất cả</option>
          {categories.map((category) => (
            <option key={category.slug} value={category.slug}>
              {category.name}
            </option>
          ))}
        </select>
      </label>
      <label className="search-filters__field">
        <span className="search-filters__label">Năm</span>
        <select name={PARAMS.year} defaultValue={request.year ? String(request.year) : ""}>
          <option value="">Tất cả</option>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Sắp xếp</legend>
        <label className="search-filters__choice">
          <input type="radio" name={PARAMS.order} value="" defaultChecked={request.order === "relevance"} />
          Liên quan nhất
        </label>
        <label className="search-filters__choice">
          <input
            type="radio"
            name={PARAMS.order}
            value={NEWEST}
            defaultChecked={request.order === "newest"}
          />
          Mới nhất
        </label>
      </fieldset>
      <button type="submit" className="search-filters__submit">
        Lọc kết quả
      </button>
    </form>
  );
}
