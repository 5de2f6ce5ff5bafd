import { IntentLink } from "@/components/navigation/intent-link";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";
import { HeaderSearch } from "@/components/search/header-search";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <IntentLink href="/" className="site-header__name">
          {site.name}
        </IntentLink>
        <nav aria-label="Điều hướng chính">
          <ul className="site-nav">
            <li>
              <IntentLink href={routes.latest}>Tin mới</IntentLink>
            </li>
            <li>
              <IntentLink href={routes.topics}>Chủ đề</IntentLink>
            </li>
            <li>
              <IntentLink href={routes.archive}>Lưu trữ</IntentLink>
            </li>
          </ul>
        </nav>
        <HeaderSearch>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
            <path d="m15.5 15.5 5 5" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
          </svg>
          Tìm kiếm
        </HeaderSearch>
      </div>
    </header>
  );
}
