import { IntentLink } from "@/components/navigation/intent-link";
import type { BreadcrumbTrail } from "@/lib/breadcrumbs";

/** "Trang chủ › Quốc phòng - An ninh › …": the same trail as the page's BreadcrumbList JSON-LD. */
export function Breadcrumbs({ crumbs }: { crumbs: BreadcrumbTrail[] }) {
  return (
    <nav className="breadcrumbs" aria-label="Vị trí trang">
      <ol>
        {crumbs.map((crumb) => (
          <li key={crumb.name}>
            {crumb.href ? (
              <IntentLink href={crumb.href}>{crumb.name}</IntentLink>
            ) : (
              <span aria-current="page">{crumb.name}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
