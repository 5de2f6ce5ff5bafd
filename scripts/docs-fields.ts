// `npm run docs:fields`: writes the table of front-matter fields into the editors' page on writing a
// report (docs/bien-tap/viet-bai.md) from the schema, so their documentation is the contract the
// loaders enforce.
import { readFileSync, writeFileSync } from "node:fs";
import { fieldTableMarkdown, replaceFieldTable } from "../lib/content/refresh";

const page = "docs/bien-tap/viet-bai.md";
writeFileSync(page, replaceFieldTable(readFileSync(page, "utf8"), fieldTableMarkdown()));
console.log(`${page}: bảng các trường đã được cập nhật từ lib/content/schema.ts`);
