import { site } from "@/lib/site";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        <strong>{site.name}</strong>: tin tức địa phương Nghệ An.
      </p>
      <p>Bài đăng lại ghi rõ nguồn gốc; ảnh tạm được thay bằng ảnh gốc khi có.</p>
    </footer>
  );
}
