import Link from "next/link";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";
import { SearchBox } from "@/components/search/search-box";
import { TextSizeControl } from "./text-size-control";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__name">
          {site.name}
        </Link>
        <nav aria-label="Điều hướng chính">
          <ul className="site-nav">
            <li>
              <Link href={routes.home}>Tin mới</Link>
            </li>
            <li>
              <Link href={routes.topics}>Chủ đề</Link>
            </li>
          </ul>
        </nav>
        <SearchBox />
        <TextSizeControl />
      </div>
    </header>
  );
}
