import { readdirSync } from "node:fs";
import path from "node:path";

export function contentDirectory(): string {
  // Content is read at build time only: keep it out of the server bundle's file tracing.
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? path.join(process.cwd(), "content"));
}

/** A content folder as messages name it, relative to where the command runs: "content/". */
export function folderLabel(directory: string): string {
  return `${path.relative(process.cwd(), directory) || "."}/`;
}

/** The report files of a content folder; names starting with "_" are editors' notes, not reports. */
export function listReportFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".md") && !name.startsWith("_"))
    .sort();
}
