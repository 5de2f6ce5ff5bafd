import type { ReactNode } from "react";
import "./admin.css";

// The editors' pages share the site's layout; this one only brings their stylesheet, which
// readers' pages are not sent.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return children;
}
