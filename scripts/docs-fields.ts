// `npm run docs:fields`: writes the table of front-matter fields into the README from the schema,
// so the editors' documentation is the contract the loaders enforce.
import { readFileSync, writeFileSync } from "node:fs";
import { fieldTableMarkdown, replaceFieldTable } from "../lib/content/refresh";

const readme = readFileSync("README.md", "utf8");
writeFileSync("README.md", replaceFieldTable(readme, fieldTableMarkdown()));
console.log("README.md: bảng các trường đã được cập nhật từ lib/content/schema.ts");
