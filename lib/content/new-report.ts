import { toVietnamIso } from "../dates";
import { slugify } from "../slugs";

/**
 * The Markdown file `npm run new-report` writes: every field of the contract with a short hint,
 * marked as a draft until the editor is done, and an example photo line kept in a comment.
 */
export function newReportTemplate(title: string, now: Date): { slug: string; markdown: string } {
  const slug = slugify(title);
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const markdown = `---
title: ${JSON.stringify(title)}
date: ${toVietnamIso(minute)} # ngày giờ diễn ra hoặc đăng bài, giờ Việt Nam
summary: # một hai câu tóm tắt; để trống thì dùng đoạn đầu tiên
category: # chuyên mục, ví dụ: Quốc phòng - An ninh
tags: [] # chủ đề, ví dụ: [Thành phố Vinh, Môi trường]
location: # nơi diễn ra, ví dụ: Phường Hưng Dũng, thành phố Vinh
author: # tên phóng viên
source: # nếu đăng lại bài của báo khác, thay dòng này bằng hai dòng thụt vào:
#   name: Báo Nghệ An
#   url: https://baonghean.vn
cover: # ảnh đại diện; để trống thì dùng ảnh đầu tiên trong bài
attendees: [] # người tham dự; mỗi người ba dòng, ví dụ:
#   - name: Nguyễn Văn A
#     rank: Đại tá
#     role: Phó Giám đốc Công an tỉnh
attendeeGroups: [] # nhóm tham dự không nêu tên, ví dụ: [Đại diện các phòng ban]
draft: true # bản nháp; đổi thành false khi bài sẵn sàng đăng
---

Viết đoạn mở đầu ở đây: ai, làm gì, ở đâu, khi nào.

<!--
Ảnh: chép ảnh vào public/images/${slug}/ rồi viết một dòng riêng như dòng ví dụ dưới đây,
đặt ngoài khối ghi chú này (khối bắt đầu bằng dòng "<!--" và kết thúc ở dòng cuối).
Chữ trong [ ] mô tả ảnh cho người không xem được; chữ trong ngoặc kép là chú thích, "Ảnh: Tên" là tác giả ảnh.

![Mô tả những gì có trong ảnh](/images/${slug}/anh-1.jpg "Chú thích ảnh. Ảnh: Tên tác giả")
-->
`;
  return { slug, markdown };
}
