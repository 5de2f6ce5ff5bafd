// `npm run new-report -- "Tiêu đề bài viết"`: writes content/<slug>.md from the title, ready to
// fill in. Never overwrites a file.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { contentDirectory, newReportTemplate } from "../lib/content/refresh";

const title = process.argv.slice(2).join(" ").trim();
if (!title) {
  console.error(
    'Cần tiêu đề bài. Ví dụ: npm run new-report -- "Phường Hưng Dũng ra quân dọn vệ sinh đầu năm"',
  );
  process.exit(1);
}

const { slug, markdown } = newReportTemplate(title.normalize("NFC"), new Date());
if (!slug) {
  console.error(`Không tạo được địa chỉ bài từ tiêu đề “${title}”: tiêu đề cần có chữ hoặc số.`);
  process.exit(1);
}
const file = path.join(contentDirectory(), `${slug}.md`);
const shown = path.relative(process.cwd(), file);
try {
  // "wx" fails if the file exists: an editor's earlier work is never overwritten.
  writeFileSync(file, markdown, { flag: "wx" });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === "EEXIST") {
    console.error(`Đã có tệp ${shown}: không ghi đè. Hãy mở tệp đó, hoặc chọn tiêu đề khác.`);
    process.exit(1);
  }
  throw error;
}
console.log(`Đã tạo ${shown}`);
console.log(`Địa chỉ bài: /bai-viet/${slug} (bản nháp: đổi draft thành false khi sẵn sàng đăng)`);
