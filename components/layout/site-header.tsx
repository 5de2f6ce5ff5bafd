import Link from "next/link";
import { site } from "@/lib/site";

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
              <Link href="/">Tin mới</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
