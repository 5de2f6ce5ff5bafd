import { IntentLink } from "@/components/navigation/intent-link";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";
import { SearchBox } from "@/components/search/search-box";
import { TextSizeControl } from "./text-size-control";

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
              <IntentLink href={routes.home}>Tin mới</IntentLink>
            </li>
            <li>
              <IntentLink href={routes.topics}>Chủ đề</IntentLink>
            </li>
            <li>
              <IntentLink href={routes.archive}>Lưu trữ</IntentLink>
            </li>
          </ul>
        </nav>
        <SearchBox />
        <TextSizeControl />
      </div>
    </header>
  );
}
