import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Không tìm thấy trang",
  robots: { index: false },
};

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Không tìm thấy trang</h1>
      <p>Trang bạn tìm không có hoặc đã được chuyển đi. Địa chỉ có thể bị gõ nhầm.</p>
      <p>
        <Link href="/">← Về trang chủ, xem tin mới nhất</Link>
      </p>
    </div>
  );
}
