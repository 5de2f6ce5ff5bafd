import { frontMatterFieldDocs } from "./schema";

export const FIELD_TABLE_START = "<!-- bang-truong:start (npm run docs:fields) -->";
export const FIELD_TABLE_END = "<!-- bang-truong:end -->";

/** The editors' table of fields (docs/bien-tap/viet-bai.md), in Vietnamese, from the schema's descriptions. */
export function fieldTableMarkdown(): string {
  const rows = frontMatterFieldDocs().map(
    (field) => `| \`${field.name}\` | ${field.required ? "có" : "không"} | ${field.description} |`,
  );
  return ["| trường | bắt buộc | ý nghĩa |", "|---|---|---|", ...rows].join("\n");
}

export function replaceFieldTable(page: string, table: string): string {
  const start = page.indexOf(FIELD_TABLE_START);
  const end = page.indexOf(FIELD_TABLE_END);
  if (start < 0 || end < start) throw new Error(`Trang có bảng các trường cần hai dòng đánh dấu ${FIELD_TABLE_START} và ${FIELD_TABLE_END}`);
  return `${page.slice(0, start + FIELD_TABLE_START.length)}\n\n${table}\n\n${page.slice(end)}`;
}
