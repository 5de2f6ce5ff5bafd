import type { Metadata } from "next";
import { OfflineReports } from "@/components/offline/offline-reports";

export const metadata: Metadata = {
  title: "Đọc khi không có mạng",
  robots: { index: false, follow: false },
};

// Shown by the service worker, without a connection, for any address this device has not kept.
export default function OfflinePage() {
  return (
    <div className="offline-page">
      <h1>Không có kết nối mạng</h1>
      <p>
        Trang bạn vừa mở chưa được lưu trên máy này. Những bài dưới đây đã được lưu và đọc được cả khi không
        có mạng:
      </p>
      <OfflineReports />
      <p className="offline-page__note">
        Máy tự lưu những bài bạn đã mở và 20 bài mới nhất (trừ khi bật chế độ tiết kiệm dữ liệu). Khi có mạng
        trở lại, hãy tải lại trang.
      </p>
    </div>
  );
}
