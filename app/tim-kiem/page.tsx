import type { Metadata } from "next";
import { Pagination } from "@/components/home/pagination";
import { SearchFilters } from "@/components/search/search-filters";
import { SearchResults } from "@/components/search/search-results";
import { getTopics, getYears } from "@/lib/content";
import { searchReports } from "@/lib/search/archive-search";
import { type RawParams, readSearchRequest, RESULTS_PER_PAGE, searchHref } from "@/lib/search/search-request";

type Props = { searchParams: Promise<RawParams> };

const numbers = new Intl.NumberFormat("vi-VN");

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { text } = readSearchRequest(await searchParams);
  return {
    title: text ? `Tìm kiếm: ${text}` : "Tìm kiếm",
    // Results pages are for readers, not for search engines' indexes.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const request = readSearchRequest(await searchParams);
  const outcome = request.text ? searchReports(request) : null;
  return (
    <div className="listing search-page">
      <h1 className="listing__heading">{request.text ? `Kết quả tìm kiếm “${request.text}”` : "Tìm kiếm"}</h1>
      {request.notices.map((notice) => (
        <p key={notice} className="search-page__notice" role="note">
          {notice}
        </p>
      ))}
      {!outcome ? (
        <p>Nhập từ khóa vào ô tìm kiếm ở đầu trang: có dấu hay không dấu đều được.</p>
      ) : (
        <>
          <SearchFilters request={request} categories={getTopics("category")} years={getYears()} />
          <p className="search-page__count" role="status">
            {outcome.total === 0
              ? "Không tìm thấy bài viết nào. Hãy thử từ khóa khác, ít từ hơn, hoặc bỏ bộ lọc."
              : `${outcome.more ? "Hơn " : ""}${numbers.format(outcome.total)} kết quả${
                  outcome.pageCount > 1 ? `, trang ${request.page}/${outcome.pageCount}` : ""
                }`}
          </p>
          {outcome.hits.length > 0 && (
            <SearchResults hits={outcome.hits} firstNumber={(request.page - 1) * RESULTS_PER_PAGE + 1} />
          )}
          <Pagination
            page={request.page}
            pageCount={outcome.pageCount}
            pageHref={(page) => searchHref({ ...request, page })}
          />
        </>
      )}
    </div>
  );
}
